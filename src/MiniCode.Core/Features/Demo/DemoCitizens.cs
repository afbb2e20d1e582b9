using System.Globalization;
using MiniCode.Data;
using MiniCode.Features.Checkpoints;
using MiniCode.Features.Feedback;
using MiniCode.Features.Forms;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.HealthCodes.Appeals;
using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.Households.Relatives;
using MiniCode.Features.Identity;
using MiniCode.Features.People;
using MiniCode.Features.Posters;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Demo;

/// <summary>
/// The demo's citizens, each through the services a real one goes through: real-named accounts with phones
/// (138xxxxxxxx, SMS login in the simulator), declarations, authority imports that colour some of them (nucleic-acid
/// results, a risk list with confirmed cases and close contacts, a fever or two), children as relatives, checkpoint
/// scans of their shown codes, venue posters with check-ins, appeals, overrides waiting for approval, feedback and form answers.
/// </summary>
internal sealed class DemoCitizens(IServiceProvider services, DemoWorld world, DemoOptions options, ILogger logger)
{
    private const int Batch = 200;
    private readonly List<(long AccountId, long PersonId, string IdNumber, string Region)> citizens = [];

    public static string PhoneOf(int i) => "138" + i.ToString("D8", CultureInfo.InvariantCulture);

    public async Task BuildAsync(CancellationToken ct)
    {
        for (var start = 0; start < options.Citizens; start += Batch)
            await Scoped(p => AddCitizensAsync(p, start, Math.Min(options.Citizens, start + Batch), ct));
        await Scoped(p => ImportAsync(p, ct));
        await Scoped(p => AddRelativesAsync(p, ct));
        await Scoped(p => ScanAsync(p, ct));
        await Scoped(p => PostersAsync(p, ct));
        await Scoped(p => AppealsAndOverridesAsync(p, ct));
        await Scoped(p => FeedbackAndFormsAsync(p, ct));
    }

    private async Task Scoped(Func<IServiceProvider, Task> step)
    {
        await using var scope = services.CreateAsyncScope();
        await step(scope.ServiceProvider);
    }

    private async Task AddCitizensAsync(IServiceProvider p, int from, int to, CancellationToken ct)
    {
        var db = p.GetRequiredService<MiniCodeDbContext>();
        var realNames = p.GetRequiredService<RealNameService>();
        var protector = p.GetRequiredService<PersonalDataProtector>();
        var now = p.GetRequiredService<TimeProvider>().GetUtcNow();
        var added = new List<(Account Account, string IdNumber, string Region)>();
        for (var i = from; i < to; i++)
        {
            var region = world.Districts[i % world.Districts.Count].RegionCode;
            var id = ResidentIdNumber.Make(region, new DateOnly(1950, 1, 1).AddDays(i * 113 % 20000), i % 1000);
            var person = await realNames.PersonOfAsync(DemoNames.Of(i), realNames.ResidentIdOf(id), ct);
            var phone = PhoneOf(i);
            var account = new Account
            {
                Kind = AccountKind.Citizen, Person = person, CreatedAt = now, PhoneIndex = protector.BlindIndex(phone), PhoneCipher = protector.Encrypt(phone),
                PhoneMasked = SensitiveDataMasker.MaskPhone(phone),
            };
            db.Add(account);
            added.Add((account, id, region));
        }
        await db.SaveChangesAsync(ct);
        var declarations = p.GetRequiredService<DeclarationService>();
        foreach (var (account, id, region) in added)
        {
            var i = citizens.Count;
            // About one in forty declares a fever, which turns the code yellow until a normal reading.
            var fever = i % 40 == 7;
            await declarations.SubmitAsync(account.PersonId!.Value, new DeclarationRequest(fever ? ["发热"] : [], fever ? 37.8m : 36.5m, region,
                "演示小区" + (i % 30 + 1) + "栋", null), "citizen:" + account.Id.ToString(CultureInfo.InvariantCulture), ct);
            citizens.Add((account.Id, account.PersonId!.Value, id, region));
        }
    }

    /// <summary>What the health authority sends: negative tests for most, a risk list that makes a few red and orange.</summary>
    private async Task ImportAsync(IServiceProvider p, CancellationToken ct)
    {
        var importer = p.GetRequiredService<HealthDataImporter>();
        var now = p.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = p.GetRequiredService<BusinessCalendar>().DayOf(now);
        var tested = citizens.Where((_, i) => i % 5 != 0).Select((c, i) => Row(i, new()
        {
            ["document_number"] = c.IdNumber, ["sampled_at"] = now.AddHours(-(i % 40) - 2).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["result"] = "negative", ["institution"] = "演示检测中心",
        }));
        await importer.ImportAsync(ImportKind.NucleicAcid, "csv", "system:demo", tested.ToAsyncEnumerable(), ct);
        var risks = citizens.Where((_, i) => i % 50 == 3 || i % 50 == 11).Select((c, i) => Row(i, new()
        {
            ["document_number"] = c.IdNumber, ["kind"] = i % 2 == 0 ? "confirmed" : "close_contact",
            ["starts_on"] = today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }));
        await importer.ImportAsync(ImportKind.RiskList, "csv", "system:demo", risks.ToAsyncEnumerable(), ct);
    }

    private static SourceRow Row(int line, Dictionary<string, string?> fields) =>
        new(line + 2, string.Join(',', fields.Values), fields);

    private async Task AddRelativesAsync(IServiceProvider p, CancellationToken ct)
    {
        var relatives = p.GetRequiredService<RelativeService>();
        var today = p.GetRequiredService<BusinessCalendar>().Today();
        for (var i = 0; i < citizens.Count; i += 10)
        {
            var c = citizens[i];
            var childId = ResidentIdNumber.Make(c.Region, today.AddYears(-6).AddDays(-(i % 300)), 500 + i % 400);
            await Tolerate(() => relatives.AddAsync(c.AccountId, c.PersonId, new AddRelativeRequest(DemoNames.Of(i + 7) + "宝", null, childId, null, null, "子女",
                null, new ConsentRequest("guardian", true), new DeclarationRequest([], 36.4m, c.Region, "与监护人同住", null)), ct));
        }
    }

    /// <summary>Checkpoint scans of shown codes: each scanner scans citizens of its district.</summary>
    private async Task ScanAsync(IServiceProvider p, CancellationToken ct)
    {
        var codes = p.GetRequiredService<ShowCodeService>();
        var scans = p.GetRequiredService<ScanService>();
        var scanners = p.GetRequiredService<ScannerDirectory>();
        var count = Math.Min(citizens.Count, 400);
        for (var i = 0; i < count; i++)
        {
            var c = citizens[i * citizens.Count / count];
            var district = world.Districts.First(d => d.RegionCode == c.Region);
            var scanner = await scanners.CurrentAsync(world.ScannerOfSite[district.SiteIds[i % district.SiteIds.Count]], ct);
            var code = await codes.ShowAsync(new CodeViewer(c.PersonId, 0), c.PersonId, ct);
            await Tolerate(() => scans.ScanAsync(scanner, new ScanRequest(code.Payload, i % 97 == 5 ? 37.6m : 36.3m + i % 5 / 10m, null, "demo-scan-" + i), ct));
        }
    }

    private async Task PostersAsync(IServiceProvider p, CancellationToken ct)
    {
        var posters = p.GetRequiredService<PosterService>();
        var checkIns = p.GetRequiredService<CheckInService>();
        var venues = new List<string>();
        string[] names = ["演示便利店", "演示餐厅", "演示超市", "演示药店", "演示图书馆", "演示健身房"];
        for (var i = 0; i < Math.Min(12, citizens.Count); i++)
        {
            var owner = citizens[i];
            var view = await posters.ApplyAsync(owner.AccountId, new PosterRequest(i % 3 == 0 ? PosterKind.Institution : PosterKind.Personal,
                $"{names[i % names.Length]}（{world.Districts.First(d => d.RegionCode == owner.Region).Name}{i + 1}店）", $"演示路{i + 10}号", owner.Region,
                (VenueType)(i % Enum.GetValues<VenueType>().Length), DemoNames.Of(i), PhoneOf(i)), ct);
            venues.Add(view.Payload);
        }
        for (var i = 0; i < Math.Min(300, citizens.Count); i++)
        {
            var c = citizens[citizens.Count - 1 - i];
            await Tolerate(() => checkIns.CheckInAsync(c.AccountId, c.PersonId, new CheckInRequest(venues[i % venues.Count], null), ct));
        }
    }

    private async Task AppealsAndOverridesAsync(IServiceProvider p, CancellationToken ct)
    {
        var db = p.GetRequiredService<MiniCodeDbContext>();
        var ids = citizens.Select(c => c.PersonId).ToList();
        var coloured = await db.Set<HealthStatus>().AsNoTracking().Where(s => ids.Contains(s.PersonId) && s.Color != HealthColor.Green)
            .Select(s => new { s.PersonId, s.Color }).ToListAsync(ct);
        var appeals = p.GetRequiredService<AppealService>();
        foreach (var s in coloured.Where(s => s.Color >= HealthColor.Orange).Take(6))
        {
            var c = citizens.First(x => x.PersonId == s.PersonId);
            await appeals.FileAsync(c.PersonId, c.AccountId, new AppealRequest("本人近期未到过风险地区，核酸检测均为阴性，申请复核（演示）", null, null), ct);
        }
        var overrides = p.GetRequiredService<OverrideService>();
        var reason = p.GetRequiredService<IOptions<ColorRulesOptions>>().Value.OverrideReasons.Keys.First();
        foreach (var s in coloured.Where(s => s.Color == HealthColor.Yellow).Take(4))
            await Tolerate(() => overrides.RequestAsync(world.OperatorActor, new OverrideRequest(s.PersonId, HealthColor.Green, reason,
                "现场复测体温正常，申请转绿（演示，待第二人审批）", null, null), ct));
    }

    private async Task FeedbackAndFormsAsync(IServiceProvider p, CancellationToken ct)
    {
        var db = p.GetRequiredService<MiniCodeDbContext>();
        var now = p.GetRequiredService<TimeProvider>().GetUtcNow();
        string[] texts = ["健康码颜色与实际情况不符，请核实", "核验点扫码后未显示体温记录", "亲属信息填写错误，无法修改", "建议增加老年人代办功能"];
        for (var i = 0; i < Math.Min(12, citizens.Count); i++)
            db.Add(new FeedbackEntry
            {
                AccountId = citizens[i * 3 % citizens.Count].AccountId, Category = (FeedbackCategory)(i % 4), Content = texts[i % texts.Length] + "（演示）",
                RegionCode = citizens[i].Region, Status = i % 3 == 0 ? FeedbackStatus.Resolved : FeedbackStatus.Pending, CreatedAt = now.AddHours(-i * 5),
            });
        var form = await db.Set<CustomForm>().Include(f => f.Fields).FirstAsync(f => f.Title == DemoContent.FormTitle, ct);
        var vault = p.GetRequiredService<FormAnswerVault>();
        // Spread over the last hours (the submission endpoint stamps "now"), sealed as the endpoint seals them.
        for (var i = 0; i < Math.Min(40, citizens.Count); i++)
            db.Add(new FormSubmission
            {
                FormId = form.Id, AccountId = citizens[i].AccountId, SubmittedAt = now.AddHours(-i),
                Answers = vault.Seal(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["name"] = DemoNames.Of(i), ["returned_on"] = DateOnly.FromDateTime(now.AddDays(-(i % 10)).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["from"] = form.Fields.First(f => f.Key == "from").Choices()[i % 3],
                })),
            });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A demo step refused by a rule (a duplicate, a limit) is skipped: the demo keeps the rules, not the other way round.</summary>
    private async Task Tolerate<T>(Func<Task<T>> step)
    {
        try { await step(); }
        catch (ApiException e) { logger.LogDebug("Demo step skipped: {Code}", e.Error.Code); }
    }
}

using System.Net;
using MiniCode.Features.Checkpoints;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Logging;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Identity;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Checkpoints;

/// <summary>
/// 辅助登记: the scan is recorded against the person of the document and nothing else; nobody gets the person by the
/// phone used, the person claims the record with their own real name (face).
/// </summary>
public sealed class AssistedRegistrationTests(CheckpointsFactory factory) : IClassFixture<CheckpointsFactory>
{
    private static object Body(string phone, string code, string name, string idNumber, decimal? temperature = 36.8m, string? key = null) =>
        new { phone, smsCode = code, name, idNumber, temperature, remarks = "老人无智能手机", idempotencyKey = key ?? CheckpointKit.NewKey() };

    [Fact]
    public async Task The_scanners_phone_gets_no_real_name_and_the_persons_own_real_name_claims_the_record()
    {
        var (_, siteId) = await factory.SiteAsync();
        var scanner = await factory.SeniorAsync(siteId);
        var idNumber = CheckpointKit.NextId();
        var code = await factory.CreateClient().SendCodeAsync(scanner.Phone, "assisted-registration");

        var key = CheckpointKit.NewKey();
        var record = await HttpAssert.Ok(await scanner.Client.PostJson("/api/checkpoint/assisted-registrations", Body(scanner.Phone, code, "赵大爷", idNumber, 38.0m, key)));
        Assert.Equal("assisted", record.GetProperty("kind").GetString());
        Assert.Equal(SensitiveDataMasker.MaskIdNumber(idNumber), record.GetProperty("maskedIdNumber").GetString());
        Assert.Equal("yellow", record.GetProperty("color").GetString());
        // A retry (the SMS code is already used up) returns the same record.
        var retry = await HttpAssert.Ok(await scanner.Client.PostJson("/api/checkpoint/assisted-registrations", Body(scanner.Phone, code, "赵大爷", idNumber, 38.0m, key)));
        Assert.True(retry.GetProperty("replayed").GetBoolean());
        Assert.Equal(record.GetProperty("id").GetInt64(), retry.GetProperty("id").GetInt64());
        var personId = await factory.QueryAsync(db => db.Set<ScanRecord>().Where(r => r.Id == record.GetProperty("id").GetInt64()).Select(r => r.PersonId).FirstAsync());
        Assert.False(await factory.QueryAsync(db => db.Set<Account>().AnyAsync(a => a.PersonId == personId)));

        // The scanner logs into the mini program with the phone used: a new account, no real name, nothing of the person.
        factory.Clock.Advance(TimeSpan.FromSeconds(60)); // the SMS resend interval of the phone
        var client = factory.CreateClient();
        var login = await HttpAssert.Ok(await client.PostJson("/api/auth/sms/login", new { phone = scanner.Phone, code = await client.SendCodeAsync(scanner.Phone, "login") }));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, login.GetProperty("account").GetProperty("realName").ValueKind);
        var scannersCitizen = IdentityTestKit.Authorized(factory, login);
        await HttpAssert.Problem(await scannersCitizen.GetAsync("/api/me/code"), HttpStatusCode.Forbidden, "auth.real_name_required");
        await HttpAssert.Problem(await scannersCitizen.GetAsync("/api/me/health-report"), HttpStatusCode.Forbidden, "auth.real_name_required");

        // The person real-names with their own face in their own account: the record and its fever are theirs.
        var (own, _) = await factory.WeChatUserAsync();
        var claimed = await HttpAssert.Ok(await own.PostJson("/api/me/real-name", new { name = "赵大爷", idNumber, faceToken = "sim:zhao" }));
        Assert.Equal(SensitiveDataMasker.MaskIdNumber(idNumber), claimed.GetProperty("realName").GetProperty("documentNumber").GetString());
        Assert.Equal(personId, await factory.QueryAsync(db => db.Set<Account>().Where(a => a.Id == claimed.GetProperty("id").GetInt64()).Select(a => a.PersonId).FirstAsync()));
        Assert.Equal("yellow", (await HttpAssert.Ok(await own.GetAsync("/api/me/health-report"))).GetProperty("color").GetString());
        // 吉林: the later normal temperature of the person's own declaration turns the code back.
        await HttpAssert.Ok(await own.PostJson("/api/me/declaration", HealthCodeKit.Declaration()));
        Assert.Equal("green", (await HttpAssert.Ok(await own.GetAsync("/api/me/code"))).GetProperty("color").GetString());
    }

    [Fact]
    public async Task A_fever_at_registration_makes_the_new_profile_yellow()
    {
        var (_, siteId) = await factory.SiteAsync();
        var scanner = await factory.SeniorAsync(siteId);
        var phone = IdentityTestKit.NextPhone();
        var code = await factory.CreateClient().SendCodeAsync(phone, "assisted-registration");
        var record = await HttpAssert.Ok(await scanner.Client.PostJson("/api/checkpoint/assisted-registrations",
            Body(phone, code, "钱奶奶", CheckpointKit.NextId(), 38.0m)));
        Assert.Equal("yellow", record.GetProperty("color").GetString());
    }

    [Fact]
    public async Task A_wrong_code_or_a_name_that_does_not_match_writes_nothing()
    {
        var (_, siteId) = await factory.SiteAsync();
        var scanner = await factory.SeniorAsync(siteId);
        var phone = IdentityTestKit.NextPhone();
        var idNumber = CheckpointKit.NextId();
        var code = await factory.CreateClient().SendCodeAsync(phone, "assisted-registration");
        var wrong = code == "000000" ? "111111" : "000000";
        await HttpAssert.Problem(await scanner.Client.PostJson("/api/checkpoint/assisted-registrations", Body(phone, wrong, "孙阿姨", idNumber)),
            HttpStatusCode.BadRequest, "sms.code_invalid");
        await HttpAssert.Problem(await scanner.Client.PostJson("/api/checkpoint/assisted-registrations", Body(phone, code, "孙阿姨", "22010219800101000A")),
            HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await scanner.Client.PostJson("/api/checkpoint/assisted-registrations", Body(phone, code, "孙阿姨", idNumber, null)),
            HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await scanner.Client.PostJson("/api/checkpoint/assisted-registrations", Body("１３９００００１２３４", code, "孙阿姨", idNumber)),
            HttpStatusCode.BadRequest, "request.validation_failed");
        var index = await factory.WithServiceAsync<ScannerDirectory, string>(d => Task.FromResult(d.IdNumberIndex(idNumber)));
        Assert.False(await factory.QueryAsync(db => db.Set<Person>().AnyAsync(p => p.DocumentIndex == index)));

        // The ID number already belongs to a registered person under another name: told only once the code was checked.
        var existing = await factory.CitizenAsync("周先生");
        await HttpAssert.Problem(await scanner.Client.PostJson("/api/checkpoint/assisted-registrations", Body(phone, code, "吴先生", existing.IdNumber!)),
            HttpStatusCode.BadRequest, "identity.name_mismatch");
        Assert.False(await factory.QueryAsync(db => db.Set<ScanRecord>().AnyAsync(r => r.PersonId == existing.PersonId)));
    }

    [Fact]
    public async Task Answers_before_the_code_is_checked_are_the_same_for_a_known_and_an_unknown_document()
    {
        var (_, siteId) = await factory.SiteAsync();
        var scanner = await factory.SeniorAsync(siteId);
        var known = await factory.CitizenAsync("冯先生");
        async Task<HttpResponseMessage> WrongCodeAsync(string idNumber)
        {
            var phone = IdentityTestKit.NextPhone();
            var code = await factory.CreateClient().SendCodeAsync(phone, "assisted-registration");
            return await scanner.Client.PostJson("/api/checkpoint/assisted-registrations", Body(phone, code == "000000" ? "111111" : "000000", "陈先生", idNumber));
        }
        await SameAnswer.AssertAsync(await WrongCodeAsync(known.IdNumber!), await WrongCodeAsync(CheckpointKit.NextId()), "sms.code_invalid");
    }
}

/// <summary>A host whose scanners may make two assisted registrations a day.</summary>
public sealed class AssistedCapFactory : CheckpointsFactory
{
    public AssistedCapFactory() => With("MiniCode:Checkpoints:AssistedRegistrationsPerDay", "2");
}

public sealed class AssistedRegistrationCapTests(AssistedCapFactory factory) : IClassFixture<AssistedCapFactory>
{
    [Fact]
    public async Task A_scanner_makes_at_most_the_daily_cap_per_China_day()
    {
        var (_, siteId) = await factory.SiteAsync();
        var scanner = await factory.SeniorAsync(siteId);
        // 23:30 in Shanghai: the next China day starts in half an hour.
        var now = factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        factory.Clock.Advance(new DateTimeOffset(now.Date.AddHours(23.5), now.Offset) - now + (now.TimeOfDay > TimeSpan.FromHours(23.5) ? TimeSpan.FromDays(1) : TimeSpan.Zero));

        async Task<HttpResponseMessage> RegisterAsync(string name)
        {
            var phone = IdentityTestKit.NextPhone();
            var code = await factory.CreateClient().SendCodeAsync(phone, "assisted-registration");
            return await scanner.Client.PostJson("/api/checkpoint/assisted-registrations", new
            {
                phone, smsCode = code, name, idNumber = CheckpointKit.NextId(), temperature = 36.6m, remarks = (string?)null, idempotencyKey = CheckpointKit.NewKey(),
            });
        }

        await HttpAssert.Ok(await RegisterAsync("甲老人"));
        await HttpAssert.Ok(await RegisterAsync("乙老人"));
        var refused = await HttpAssert.Problem(await RegisterAsync("丙老人"), HttpStatusCode.TooManyRequests, "checkpoint.assisted_daily_limit");
        Assert.Contains("2", refused.GetProperty("detail").GetString());
        // Another scanner is not limited by this one's count; the next China day (00:00 Asia/Shanghai) starts again.
        var other = await factory.SeniorAsync(siteId, "另一员");
        var phone = IdentityTestKit.NextPhone();
        await HttpAssert.Ok(await other.Client.PostJson("/api/checkpoint/assisted-registrations", new
        {
            phone, smsCode = await factory.CreateClient().SendCodeAsync(phone, "assisted-registration"), name = "丁老人", idNumber = CheckpointKit.NextId(),
            temperature = 36.6m, remarks = (string?)null, idempotencyKey = CheckpointKit.NewKey(),
        }));
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        await HttpAssert.Ok(await RegisterAsync("丙老人"));
    }
}

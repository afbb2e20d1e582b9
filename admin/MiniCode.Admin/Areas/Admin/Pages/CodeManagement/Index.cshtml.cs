using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.CodeEngine;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Licences;
using MiniCode.Features.People;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Admin.Areas.Admin.Pages.CodeManagement;

/// <summary>个人码管理: people within the jurisdiction found by ID number (posted, never in a URL), name or code number (the personal code's or a bound licence's 证照码);
/// one person's colour, reasons, history, code numbers and accounts, masked.</summary>
[RequirePermission(Permissions.CodeManagement)]
public sealed class IndexModel(PersonalDataProtector protector) : RegionalPageModel
{
    public sealed record Hit(long Id, string MaskedName, string MaskedDocument, string? Region, HealthColor? Color);
    public sealed record AccountRow(string Kind, string Status, string? Phone, DateTimeOffset CreatedAt);

    public IReadOnlyList<Hit>? Hits { get; private set; }
    public Hit? Person { get; private set; }
    public HealthStatus? Status { get; private set; }
    public IReadOnlyList<ColorChange> History { get; private set; } = [];
    public IReadOnlyList<CodeNumber> Numbers { get; private set; } = [];
    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        if (id is null) return Page();
        var person = await Within.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return NotFound();
        Status = await Db.Set<HealthStatus>().AsNoTracking().FirstOrDefaultAsync(s => s.PersonId == person.Id, ct);
        Person = ToHit(person, Status?.Color);
        History = await Db.Set<ColorChange>().AsNoTracking().Where(c => c.PersonId == person.Id).OrderByDescending(c => c.At).Take(100).ToListAsync(ct);
        Numbers = await Db.Set<CodeNumber>().AsNoTracking().Where(n => n.SubjectId == person.Id && n.Category == CodeCategories.Personal).ToListAsync(ct);
        Accounts = (await Db.Set<Account>().AsNoTracking().Where(a => a.PersonId == person.Id).OrderBy(a => a.Id).ToListAsync(ct))
            .Select(a => new AccountRow(a.Kind.ToString(), a.Status.ToString(), a.PhoneMasked, a.CreatedAt)).ToList();
        return Page();
    }

    /// <summary>Search: exactly one of ID number (resident ID), name or code number.</summary>
    public async Task<IActionResult> OnPostAsync(string? idNumber, string? name, string? codeNumber, CancellationToken ct)
    {
        idNumber = idNumber?.Trim().ToUpperInvariant();
        name = name?.Trim();
        codeNumber = codeNumber?.Trim().ToUpperInvariant();
        if (!Accept(new InputValidator().Check(!string.IsNullOrEmpty(idNumber) || !string.IsNullOrEmpty(name) || !string.IsNullOrEmpty(codeNumber), "idNumber", "请输入身份证号、姓名或码编号")
            .Optional(idNumber, "idNumber", "身份证号", 18).Optional(name, "name", "姓名", 50).Optional(codeNumber, "codeNumber", "码编号", CodeEngineRules.MaxNumberLength)))
            return Page();
        var people = Within.People.AsNoTracking().Where(p => p.AnonymisedAt == null);
        if (!string.IsNullOrEmpty(idNumber))
        {
            var index = protector.BlindIndex($"{DocumentType.ResidentId}:{idNumber}");
            people = people.Where(p => p.DocumentIndex == index);
        }
        if (!string.IsNullOrEmpty(name)) people = people.Where(p => p.Name == name);
        if (!string.IsNullOrEmpty(codeNumber))
        {
            var ids = Db.Set<CodeNumber>().Where(n => n.Number == codeNumber && n.Category == CodeCategories.Personal).Select(n => n.SubjectId);
            var holders = Db.Set<LicenceBinding>().Where(b => b.CodeNumber == codeNumber).Select(b => b.PersonId);
            people = people.Where(p => ids.Contains(p.Id) || holders.Contains(p.Id));
        }
        var found = await people.OrderBy(p => p.Id).Take(50)
            .Select(p => new { Person = p, Color = Db.Set<HealthStatus>().Where(s => s.PersonId == p.Id).Select(s => (HealthColor?)s.Color).FirstOrDefault() })
            .ToListAsync(ct);
        Hits = found.Select(f => ToHit(f.Person, f.Color)).ToList();
        return Page();
    }

    public static string ColorName(HealthColor? color) => color switch
    {
        HealthColor.Green => "绿码", HealthColor.Yellow => "黄码", HealthColor.Orange => "橙码", HealthColor.Red => "红码", _ => "未赋码",
    };

    private static Hit ToHit(Person p, HealthColor? color) => new(p.Id, SensitiveDataMasker.MaskName(p.Name), p.DocumentMasked, p.RegionCode, color);
}

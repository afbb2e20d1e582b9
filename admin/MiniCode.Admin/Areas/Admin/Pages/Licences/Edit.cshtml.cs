using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Licences;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Licences;

[RequirePermission(Permissions.Licences)]
[PlatformWide("licence types are offered to the citizens of every region")]
public sealed partial class EditModel(MiniCodeDbContext db, TimeProvider time) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? CatalogueCode { get; set; }
    [BindProperty] public string? IssuerName { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public bool IsIdentityCredential { get; set; }
    [BindProperty] public int SortOrder { get; set; }
    /// <summary>Bindings exist: the issuer knows them by this code, so it stays.</summary>
    public bool CodeLocked { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            SortOrder = (await db.Set<LicenceType>().Select(t => (int?)t.SortOrder).MaxAsync(ct) ?? 0) + 1;
            return Page();
        }
        var type = await db.Set<LicenceType>().FindAsync([Id], ct);
        if (type is null) return NotFound();
        (Name, CatalogueCode, IssuerName, Description, IsIdentityCredential, SortOrder) =
            (type.Name, type.CatalogueCode, type.IssuerName, type.Description, type.IsIdentityCredential, type.SortOrder);
        CodeLocked = await HasBindingsAsync(type.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var type = Id is null ? new LicenceType { Enabled = true, CreatedAt = time.GetUtcNow() } : await db.Set<LicenceType>().FindAsync([Id], ct);
        if (type is null) return NotFound();
        CodeLocked = Id is not null && await HasBindingsAsync(type.Id, ct);
        if (CodeLocked) CatalogueCode = type.CatalogueCode;
        (Name, CatalogueCode, IssuerName, Description) = (Name?.Trim(), CatalogueCode?.Trim(), IssuerName?.Trim(), string.IsNullOrWhiteSpace(Description) ? null : Description.Trim());
        var validator = new InputValidator().Required(Name, nameof(Name), "名称", 50).Required(IssuerName, nameof(IssuerName), "签发机构", 100)
            .Optional(Description, nameof(Description), "说明", 500)
            .Check(CatalogueCode is not null && CodePattern().IsMatch(CatalogueCode), nameof(CatalogueCode), "目录编码须为小写字母开头的2到40位小写字母、数字或下划线")
            .Check(SortOrder is >= 0 and <= 1000, nameof(SortOrder), "排序须在0到1000之间")
            .Check(!await db.Set<LicenceType>().AnyAsync(t => t.Name == Name && t.Id != type.Id, ct), nameof(Name), "已有同名的证照类型")
            .Check(!await db.Set<LicenceType>().AnyAsync(t => t.CatalogueCode == CatalogueCode && t.Id != type.Id, ct), nameof(CatalogueCode), "目录编码已被使用");
        if (!Accept(validator)) return Page();

        var before = Id is null ? null : type.Snapshot();
        (type.Name, type.CatalogueCode, type.IssuerName, type.Description, type.IsIdentityCredential, type.SortOrder, type.UpdatedAt) =
            (Name!, CatalogueCode!, IssuerName!, Description, IsIdentityCredential, SortOrder, time.GetUtcNow());
        if (Id is null)
        {
            db.Add(type);
            await Audit.RecordCreatedAsync("licences.type_create", "licence_type", type, t => t.Id, type.Snapshot(), ct);
        }
        else await Audit.RecordAsync("licences.type_update", "licence_type", type.Id, before, type.Snapshot(), ct);
        Flash($"证照类型“{type.Name}”已保存");
        return Redirect("/admin/licences");
    }

    private Task<bool> HasBindingsAsync(long typeId, CancellationToken ct) => db.Set<LicenceBinding>().AnyAsync(b => b.LicenceTypeId == typeId, ct);

    [GeneratedRegex("^[a-z][a-z0-9_]{1,39}$")]
    private static partial Regex CodePattern();
}

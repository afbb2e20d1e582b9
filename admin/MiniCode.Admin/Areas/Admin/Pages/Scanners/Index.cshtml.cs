using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Checkpoints;
using MiniCode.Features.Identity;
using MiniCode.Features.People;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Admin.Areas.Admin.Pages.Scanners;

/// <summary>
/// 扫码员账号: the scanner accounts of the sites within the jurisdiction, searched by name, phone (exact, blind index),
/// site and status. Actions are on the detail page.
/// </summary>
[RequirePermission(Permissions.Staff)]
public sealed class IndexModel(PersonalDataProtector protector, IOptions<AdminOptions> options) : RegionalPageModel
{
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Phone { get; set; }
    [BindProperty(SupportsGet = true)] public long? SiteId { get; set; }
    [BindProperty(SupportsGet = true)] public AccountStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<ScannerProfile> Scanners { get; private set; } = [];
    public IReadOnlyList<MiniCode.Features.Organisations.Site> Sites { get; private set; } = [];
    public bool HasMore { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sites = await Within.Sites.AsNoTracking().OrderBy(s => s.RegionCode).ThenBy(s => s.Name).ToListAsync(ct);
        var query = ScannersWithin(Db, Within).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Name)) query = query.Where(p => p.Name.Contains(Name.Trim()));
        if (PhoneNumbers.Normalise(Phone) is { } phone)
        {
            var index = protector.BlindIndex(phone);
            query = query.Where(p => p.PhoneIndex == index);
        }
        if (SiteId is { } siteId) query = query.Where(p => p.SiteId == siteId);
        if (Status is { } status) query = query.Where(p => p.Account!.Status == status);
        PageNumber = Math.Max(1, PageNumber);
        var size = options.Value.PageSize;
        var rows = await query.OrderBy(p => p.AccountId).Skip((PageNumber - 1) * size).Take(size + 1).ToListAsync(ct);
        HasMore = rows.Count > size;
        Scanners = rows.Take(size).ToList();
    }

    /// <summary>Scanner accounts of sites within the jurisdiction (found through its sites), with account and site.</summary>
    internal static IQueryable<ScannerProfile> ScannersWithin(MiniCode.Data.MiniCodeDbContext db, Regional.JurisdictionScope within) =>
        db.Set<ScannerProfile>().Include(p => p.Account).Include(p => p.Site).Where(p => within.Sites.Any(s => s.Id == p.SiteId));

    public static string RoleLabel(ScannerRole role) => role switch
    {
        ScannerRole.Senior => "高级",
        ScannerRole.Intermediate => "中级",
        _ => "普通",
    };

    public string QueryFor(int page) => string.Join('&', new[]
    {
        "p=" + page, "name=" + Uri.EscapeDataString(Name ?? ""), "siteId=" + SiteId, "status=" + Status,
    });
}

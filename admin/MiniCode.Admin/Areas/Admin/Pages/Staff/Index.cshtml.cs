using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Admin.Areas.Admin.Pages.Staff;

[RequirePermission(Permissions.Staff)]
/// <summary>
/// 人员管理: staff whose organisation lies within the signed-in staff member's jurisdiction; staff without an organisation
/// see everyone, and are seen only by each other. The ID number search is posted and kept server-side (<see cref="IdNumberSearch"/>).
/// </summary>
public sealed class IndexModel(PersonalDataProtector protector, IdNumberSearch idSearch, IOptions<AdminOptions> options) : RegionalPageModel
{
    /// <summary>Posted only (never in a URL); a GET finds the search through <see cref="Q"/>.</summary>
    [BindProperty] public string? IdNumber { get; set; }
    /// <summary>The token of the ID number search kept server-side.</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    private IdNumberSearch.Remembered? _idSearch;
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Username { get; set; }
    [BindProperty(SupportsGet = true)] public StaffStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];
    public bool HasMore { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        _idSearch = await idSearch.RecallAsync(StaffId, "staff", Q, ct);
        var query = Within.Staff.AsNoTracking().Include(s => s.Organisation).Include(s => s.Site).Include(s => s.Role).AsQueryable();
        // ID numbers are encrypted: an exact match goes through the blind index.
        if (_idSearch?.Index is { } index) query = query.Where(s => s.IdNumberIndex == index);
        if (!string.IsNullOrWhiteSpace(Name)) query = query.Where(s => s.Name.Contains(Name.Trim()));
        if (!string.IsNullOrWhiteSpace(Username)) query = query.Where(s => s.Username.Contains(Username.Trim()));
        if (Status is { } status) query = query.Where(s => s.Status == status);
        PageNumber = Math.Max(1, PageNumber);
        var size = options.Value.PageSize;
        var rows = await query.OrderBy(s => s.Id).Skip((PageNumber - 1) * size).Take(size + 1).ToListAsync(ct);
        HasMore = rows.Count > size;
        Staff = rows.Take(size).ToList();
    }

    /// <summary>Keeps the posted ID number search server-side and shows its results by a GET that carries only its token.</summary>
    public async Task<IActionResult> OnPostIdSearchAsync(CancellationToken ct)
    {
        Q = string.IsNullOrWhiteSpace(IdNumber) ? null : await idSearch.RememberAsync(StaffId, "staff", protector.BlindIndex(IdNumber),
            MiniCode.Infrastructure.Logging.SensitiveDataMasker.MaskIdNumber(IdNumber.Trim().ToUpperInvariant()), ct);
        return Redirect("/admin/staff?" + QueryFor(1));
    }

    private long StaffId => Current.Staff?.Id ?? throw new InvalidOperationException("the page requires a signed-in staff member");

    /// <summary>The searched ID number is not echoed back in full, only masked.</summary>
    public string MaskedIdNumber => _idSearch?.Masked ?? "";

    public string TypeLabel(StaffType t) => t == StaffType.SiteStaff ? "场所人员" : "机构人员";

    public string Local(DateTimeOffset? at) => at is { } v ? Calendar.Format(v, "yyyy-MM-dd HH:mm") : "";

    public string QueryFor(int page) => string.Join('&', new[]
    {
        "p=" + page, "q=" + Uri.EscapeDataString(Q ?? ""), "name=" + Uri.EscapeDataString(Name ?? ""),
        "username=" + Uri.EscapeDataString(Username ?? ""), "status=" + Status,
    });
}

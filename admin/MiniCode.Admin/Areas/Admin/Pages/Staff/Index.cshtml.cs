using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Admin.Areas.Admin.Pages.Staff;

[RequirePermission(Permissions.Staff)]
/// <summary>
/// 人员管理: staff whose organisation lies within the signed-in staff member's jurisdiction; staff without an organisation
/// see everyone, and are seen only by each other.
/// </summary>
public sealed class IndexModel(PersonalDataProtector protector, IOptions<AdminOptions> options, TimeProvider time) : RegionalPageModel
{
    [BindProperty(SupportsGet = true)] public string? IdNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Username { get; set; }
    [BindProperty(SupportsGet = true)] public StaffStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];
    public bool HasMore { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = Within.Staff.AsNoTracking().Include(s => s.Organisation).Include(s => s.Site).Include(s => s.Role).AsQueryable();
        // ID numbers are encrypted: an exact match goes through the blind index.
        if (!string.IsNullOrWhiteSpace(IdNumber))
        {
            var index = protector.BlindIndex(IdNumber);
            query = query.Where(s => s.IdNumberIndex == index);
        }
        if (!string.IsNullOrWhiteSpace(Name)) query = query.Where(s => s.Name.Contains(Name.Trim()));
        if (!string.IsNullOrWhiteSpace(Username)) query = query.Where(s => s.Username.Contains(Username.Trim()));
        if (Status is { } status) query = query.Where(s => s.Status == status);
        PageNumber = Math.Max(1, PageNumber);
        var size = options.Value.PageSize;
        var rows = await query.OrderBy(s => s.Id).Skip((PageNumber - 1) * size).Take(size + 1).ToListAsync(ct);
        HasMore = rows.Count > size;
        Staff = rows.Take(size).ToList();
    }

    /// <summary>The searched ID number is not echoed back in full, only masked.</summary>
    public string MaskedIdNumber => string.IsNullOrWhiteSpace(IdNumber) ? "" : MiniCode.Infrastructure.Logging.SensitiveDataMasker.MaskIdNumber(IdNumber.Trim().ToUpperInvariant());

    public string TypeLabel(StaffType t) => t == StaffType.SiteStaff ? "场所人员" : "机构人员";

    public string Local(DateTimeOffset? at) => at is { } v ? TimeZoneInfo.ConvertTime(v, time.LocalTimeZone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";

    public string QueryFor(int page) => string.Join('&', new[]
    {
        "p=" + page, "name=" + Uri.EscapeDataString(Name ?? ""),
        "username=" + Uri.EscapeDataString(Username ?? ""), "status=" + Status,
    });
}

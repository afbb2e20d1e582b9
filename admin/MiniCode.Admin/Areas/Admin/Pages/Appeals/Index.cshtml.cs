using System.Globalization;
using Microsoft.Extensions.Options;
using MiniCode.Admin.Security;
using MiniCode.Features.HealthCodes.Appeals;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.Appeals;

/// <summary>
/// The queue of open appeals (纠错申诉), oldest first: those of people whose household region lies within the staff
/// member's jurisdiction (all for staff without an organisation).
/// </summary>
[RequirePermission(Permissions.AppealsReview)]
public sealed class IndexModel(IOptions<AdminOptions> options) : RegionalPageModel
{
    public IReadOnlyList<Appeal> Open { get; private set; } = [];
    public IReadOnlyDictionary<long, PersonLabel> People { get; private set; } = new Dictionary<long, PersonLabel>();
    public int Shown => options.Value.PageSize;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Open = await Within.Appeals.AsNoTracking()
            .Where(a => a.Status == AppealStatus.Open).OrderBy(a => a.Id).Take(options.Value.PageSize).ToListAsync(ct);
        People = await AppealPeople.LoadAsync(Within, Db, Open.Select(a => a.PersonId), ct);
    }

    public string Local(DateTimeOffset at) => Calendar.Format(at, "yyyy-MM-dd HH:mm");
}

using System.Globalization;
using Microsoft.Extensions.Options;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Appeals;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.Appeals;

/// <summary>The queue of open appeals (纠错申诉), oldest first.</summary>
[RequirePermission(Permissions.AppealsReview)]
public sealed class IndexModel(AppealService appeals, MiniCodeDbContext db, IOptions<AdminOptions> options, TimeProvider time) : AdminPageModel
{
    public IReadOnlyList<(long PersonId, AppealView Appeal)> Open { get; private set; } = [];
    public IReadOnlyDictionary<long, PersonLabel> People { get; private set; } = new Dictionary<long, PersonLabel>();
    public int Shown => options.Value.PageSize;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Open = await appeals.ListOpenAsync(options.Value.PageSize, ct);
        People = await AppealPeople.LoadAsync(db, Open.Select(a => a.PersonId), ct);
    }

    public string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, time.LocalTimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

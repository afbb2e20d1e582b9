using MiniCode.Admin.Security;
using MiniCode.Features.Feedback;

namespace MiniCode.Admin.Areas.Admin.Pages;

/// <summary>The home page: counts within the staff member's jurisdiction (all regions for staff without an organisation).</summary>
[AnySignedInStaff("the landing page after login; it shows only counts within the jurisdiction")]
public sealed class IndexModel : RegionalPageModel
{
    public int Organisations { get; private set; }
    public int Sites { get; private set; }
    public int Staff { get; private set; }
    public int PendingFeedback { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organisations = await Within.Organisations.CountAsync(ct);
        Sites = await Within.Sites.CountAsync(ct);
        Staff = await Within.Staff.CountAsync(ct);
        PendingFeedback = await Within.Feedback.CountAsync(f => f.Status == FeedbackStatus.Pending, ct);
    }
}

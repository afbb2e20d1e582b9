using MiniCode.Data;
using MiniCode.Features.Feedback;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages;

public sealed class IndexModel(MiniCodeDbContext db) : AdminPageModel
{
    public int Organisations { get; private set; }
    public int Sites { get; private set; }
    public int Staff { get; private set; }
    public int PendingFeedback { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organisations = await db.Set<Organisation>().CountAsync(ct);
        Sites = await db.Set<Site>().CountAsync(ct);
        Staff = await db.Set<StaffMember>().CountAsync(ct);
        PendingFeedback = await db.Set<FeedbackEntry>().CountAsync(f => f.Status == FeedbackStatus.Pending, ct);
    }
}

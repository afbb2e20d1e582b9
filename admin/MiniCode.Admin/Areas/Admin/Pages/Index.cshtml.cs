using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Feedback;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages;

/// <summary>The home page: counts within the staff member's jurisdiction (all regions for staff without an organisation).</summary>
public sealed class IndexModel(MiniCodeDbContext db, CurrentStaff current) : AdminPageModel
{
    public int Organisations { get; private set; }
    public int Sites { get; private set; }
    public int Staff { get; private set; }
    public int PendingFeedback { get; private set; }
    /// <summary>The region the staff member may see; null = all regions.</summary>
    public string? Jurisdiction { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Jurisdiction = await current.JurisdictionAsync(ct);
        Organisations = await db.Set<Organisation>().WithinJurisdiction(Jurisdiction).CountAsync(ct);
        Sites = await db.Set<Site>().WithinJurisdiction(Jurisdiction).CountAsync(ct);
        Staff = await db.Set<StaffMember>().WithinJurisdiction(Jurisdiction).CountAsync(ct);
        PendingFeedback = await db.Set<FeedbackEntry>().WithinJurisdiction(Jurisdiction).CountAsync(f => f.Status == FeedbackStatus.Pending, ct);
    }
}

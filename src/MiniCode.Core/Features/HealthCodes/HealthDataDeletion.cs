using MiniCode.Data;
using MiniCode.Features.HealthCodes.Appeals;
using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Features.Identity;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Cluster;

namespace MiniCode.Features.HealthCodes;

/// <summary>
/// Account deletion (PIPL): removes what the citizen gave or was told — colour history, inbox, appeals (text and
/// attachment), face verifications, and the declaration unless it may be behind a colour that is not green. Kept, on the
/// person row whose blind index survives the anonymisation: the current colour, the health facts (nucleic-acid and
/// vaccination rows, risk lists and quarantine, staff overrides, on-site temperatures), so deleting and registering again
/// never changes a colour. Nothing is removed while another active account still stands on the person.
/// </summary>
public sealed class HealthDataDeletion(MiniCodeDbContext db, ClusterSignalsInterceptor committed) : IAccountDeletionParticipant
{
    public async Task OnAccountDeletingAsync(long accountId, long? personId, CancellationToken ct)
    {
        if (personId is not { } id) return;
        if (await db.Set<Account>().AnyAsync(a => a.PersonId == id && a.Id != accountId && a.Status != AccountStatus.Deleted, ct)) return;

        var green = await db.Set<HealthStatus>().Where(x => x.PersonId == id).AllAsync(x => x.Color == HealthColor.Green, ct);
        if (green) await db.Set<HealthDeclaration>().Where(x => x.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Set<ColorChange>().Where(x => x.PersonId == id).ExecuteDeleteAsync(ct);
        // Deliveries not yet sent go with their notices: nothing is sent about a deleted person.
        await db.Set<NoticeDelivery>().Where(d => db.Set<Notice>().Any(n => n.Id == d.NoticeId && n.PersonId == id)).ExecuteDeleteAsync(ct);
        await db.Set<Notice>().Where(x => x.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Set<ColorOverride>().Where(x => x.PersonId == id && x.AppealId != null)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.AppealId, (long?)null), ct);
        await db.Set<Appeal>().Where(x => x.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Set<FaceVerification>().Where(x => x.PersonId == id).ExecuteDeleteAsync(ct);
        // Bulk deletes tell no cache themselves: the holder (declaration) and the face checks, at the commit.
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await committed.PublishWhenCommittedAsync(db, new ClusterSignal(ClusterTopics.People, key));
        await committed.PublishWhenCommittedAsync(db, new ClusterSignal(ClusterTopics.FaceChecks, key));
    }
}

using MiniCode.Data;
using MiniCode.Features.Identity;
using MiniCode.Features.People;

namespace MiniCode.Features.Enterprises;

/// <summary>
/// Account deletion (PIPL): the person's enterprise bindings end as 企业解绑 ends them (codes shown before verify as
/// revoked) unless another account still stands on the person. The enterprise itself stays: other staff may be bound.
/// </summary>
public sealed class EnterpriseCleanup(MiniCodeDbContext db, TimeProvider time) : IAccountDeletionParticipant
{
    public async Task OnAccountDeletingAsync(long accountId, long? personId, CancellationToken ct)
    {
        if (personId is not { } id || await db.SuccessorAsync(accountId, personId, ct) is not null) return;
        var now = time.GetUtcNow();
        await db.Set<EnterpriseBinding>().Where(b => b.PersonId == id && b.RemovedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.RemovedAt, now), ct);
    }
}

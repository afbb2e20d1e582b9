using MiniCode.Data;
using MiniCode.Features.Identity;
using MiniCode.Features.People;

namespace MiniCode.Features.Licences;

/// <summary>Account deletion (PIPL): the person's licence bindings go unless another account still stands on the person.</summary>
public sealed class LicenceCleanup(MiniCodeDbContext db) : IAccountDeletionParticipant
{
    public async Task OnAccountDeletingAsync(long accountId, long? personId, CancellationToken ct)
    {
        if (personId is not { } id || await db.SuccessorAsync(accountId, personId, ct) is not null) return;
        await db.Set<LicenceBinding>().Where(b => b.PersonId == id).ExecuteDeleteAsync(ct);
    }
}

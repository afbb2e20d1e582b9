using MiniCode.Data;
using MiniCode.Features.HealthCodes.Appeals;
using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Features.Identity;
using MiniCode.Features.People;

namespace MiniCode.Features.HealthCodes;

/// <summary>
/// Account deletion (PIPL): removes the health data held only for the deleted account's person — declaration, status and
/// colour history, temperatures, inbox, appeals (text and attachment), face verifications and the nucleic-acid and
/// vaccination rows of the person's document. Kept: staff override decisions (reason code, approvers; the audit trail of
/// a colour change by staff) and the authority's risk lists, which are the authority's epidemiological records, not the
/// citizen's. Nothing is removed while another active account still stands on the person.
/// </summary>
public sealed class HealthDataDeletion(MiniCodeDbContext db) : IAccountDeletionParticipant
{
    public async Task OnAccountDeletingAsync(long accountId, long? personId, CancellationToken ct)
    {
        if (personId is not { } id) return;
        if (await db.Set<Account>().AnyAsync(a => a.PersonId == id && a.Id != accountId && a.Status != AccountStatus.Deleted, ct)) return;
        var documentIndex = await db.Set<Person>().Where(p => p.Id == id).Select(p => p.DocumentIndex).FirstOrDefaultAsync(ct);

        await db.Set<HealthDeclaration>().Where(x => x.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Set<HealthStatus>().Where(x => x.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Set<ColorChange>().Where(x => x.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Set<TemperatureReading>().Where(x => x.PersonId == id).ExecuteDeleteAsync(ct);
        // Deliveries not yet sent go with their notices: nothing is sent about a deleted person.
        await db.Set<NoticeDelivery>().Where(d => db.Set<Notice>().Any(n => n.Id == d.NoticeId && n.PersonId == id)).ExecuteDeleteAsync(ct);
        await db.Set<Notice>().Where(x => x.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Set<ColorOverride>().Where(x => x.PersonId == id && x.AppealId != null)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.AppealId, (long?)null), ct);
        await db.Set<Appeal>().Where(x => x.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Set<FaceVerification>().Where(x => x.PersonId == id).ExecuteDeleteAsync(ct);
        if (documentIndex is { Length: > 0 })
        {
            await db.Set<NucleicAcidResult>().Where(x => x.DocumentIndex == documentIndex).ExecuteDeleteAsync(ct);
            await db.Set<VaccinationRecord>().Where(x => x.DocumentIndex == documentIndex).ExecuteDeleteAsync(ct);
        }
    }
}

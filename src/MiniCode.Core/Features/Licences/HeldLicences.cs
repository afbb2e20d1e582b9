using MiniCode.Data;

namespace MiniCode.Features.Licences;

/// <summary>For authorisations (<see cref="Errands.IHeldLicences"/>): which of the given bindings the person holds now (bound, not unbound).</summary>
public sealed class HeldLicences(MiniCodeDbContext db) : Errands.IHeldLicences
{
    public async Task<IReadOnlySet<long>> HeldAsync(long personId, IReadOnlyCollection<long> bindingIds, CancellationToken ct) =>
        (await db.Set<LicenceBinding>().AsNoTracking().Where(b => b.PersonId == personId && b.UnboundAt == null && bindingIds.Contains(b.Id))
            .Select(b => b.Id).ToListAsync(ct)).ToHashSet();
}

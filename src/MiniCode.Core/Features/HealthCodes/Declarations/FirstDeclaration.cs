using MiniCode.Data;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.People;

namespace MiniCode.Features.HealthCodes.Declarations;

/// <summary>
/// 首次申领: a person needs a declaration before their first code, unless they have one or already applied through the
/// provincial system (福建八闽健康码, imported by the authority as <see cref="PriorApplication"/>).
/// </summary>
public static class FirstDeclaration
{
    public static Task<bool> IsDoneAsync(this MiniCodeDbContext db, long personId, CancellationToken ct) =>
        db.Set<Person>().AsNoTracking().Where(p => p.Id == personId).AnyAsync(p =>
            db.Set<HealthDeclaration>().Any(d => d.PersonId == p.Id) || db.Set<PriorApplication>().Any(a => a.DocumentIndex == p.DocumentIndex), ct);

    /// <summary>For a document that may have no person yet (a relative being added).</summary>
    public static Task<bool> AppliedBeforeAsync(this MiniCodeDbContext db, string documentIndex, CancellationToken ct) =>
        db.Set<PriorApplication>().AsNoTracking().AnyAsync(a => a.DocumentIndex == documentIndex, ct);
}

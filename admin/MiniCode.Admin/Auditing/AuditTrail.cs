using System.Globalization;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Audit;

namespace MiniCode.Admin.Auditing;

/// <summary>
/// The one way an admin handler records a change: the signed-in staff member is the actor, and the entry commits with the
/// change or not at all. Services that audit themselves (appeals, overrides, posters, scanners, jobs, imports, code
/// styles) are given <see cref="CurrentStaff.Actor"/> instead.
/// </summary>
public sealed class AuditTrail(MiniCodeDbContext db, AuditLog log, CurrentStaff current)
{
    /// <summary>Adds the entry and saves it with every pending change of the request in one SaveChanges.</summary>
    public async Task RecordAsync(string action, string targetType, long? targetId, object? before = null, object? after = null,
        CancellationToken ct = default)
    {
        await current.GetAsync();
        log.Record(current.Actor, action, targetType, targetId?.ToString(CultureInfo.InvariantCulture), before, after);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>As <see cref="RecordAsync"/> for a record whose key is text (a category code).</summary>
    public async Task RecordKeyedAsync(string action, string targetType, string targetKey, object? before = null, object? after = null,
        CancellationToken ct = default)
    {
        await current.GetAsync();
        log.Record(current.Actor, action, targetType, targetKey, before, after);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// For a new entity: saves it first (the entry needs its generated id), then the entry, in one transaction, so the
    /// entity and its audit trail commit together.
    /// </summary>
    public async Task RecordCreatedAsync<T>(string action, string targetType, T created, Func<T, long> id, object? after = null,
        CancellationToken ct = default) where T : class
    {
        await current.GetAsync();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        log.Record(current.Actor, action, targetType, id(created).ToString(CultureInfo.InvariantCulture), null, after);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

using MiniCode.Infrastructure.Hosting;
using MiniCode.Data;
using MiniCode.Features.CodeEngine;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Cluster;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Features.HealthCodes.Engine;

/// <summary>
/// What showing and verifying a person's code read about them, as stored: the status row (colour, reasons, badges'
/// summaries, review and revocation instants), whether a declaration exists, the region (statistics) and the masked
/// name (verify), the document type and birth date (a relative's exemption from the face check by age), the 个人码
/// 码编号 (null until the code engine issues it; its issue drops the entry). Immutable:
/// <see cref="Status"/> is a detached row nobody may change.
/// </summary>
public sealed record CodeHolder(long PersonId, string MaskedName, bool Anonymised, string? RegionCode, bool Declared, HealthStatus? Status,
    IReadOnlyList<ColorReason> Reasons, DocumentType DocumentType, DateOnly? BirthDate, string? CodeNumber)
{
    /// <summary>The stored status may be shown at <paramref name="now"/>: it exists and no time-based change is due.</summary>
    public bool StatusCurrentAt(DateTimeOffset now) => Status is { } s && (s.ReviewAt is null || s.ReviewAt > now);

    /// <summary>The reasons of a status row, codes paired with their texts as computed.</summary>
    public static IReadOnlyList<ColorReason> ReasonsOf(HealthStatus status)
    {
        var codes = status.ReasonCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var texts = status.ReasonTexts.Split('；');
        return codes.Select((c, i) => new ColorReason(c, i < texts.Length ? texts[i] : c)).ToList();
    }
}

/// <summary>
/// <see cref="CodeHolder"/>s by person id, in process, so warm show-code and verify read no database. Dropped on every
/// node by <see cref="ClusterTopics.People"/>, which every write to what it holds raises after its commit: the status
/// (declaration, on-site temperature, import row, override, appeal, recompute job — all go through
/// <see cref="HealthStatusService.RecomputeAsync"/>), the declaration, the person row (name, region, anonymisation,
/// document, birth date), the issue of the person's 码编号, and account deletion. A due <see cref="HealthStatus.ReviewAt"/> is never served: callers recompute.
/// To cache more per person for the hot path (a code number, a style), add it to <see cref="CodeHolder"/> and to the
/// query below, and raise <see cref="ClusterTopics.People"/> from its writes (an <see cref="IClusterSignalled"/> entity).
/// </summary>
public sealed class CodeHolderCache(IClusterSignals signals, TimeProvider time, IOptions<CacheOptions> options) : IDisposable
{
    private readonly SignalledCache<long, CodeHolder?> _cache = new(signals, time, ClusterTopics.People,
        TimeSpan.FromSeconds(options.Value.StatusSeconds), options.Value.MaxEntries);

    private sealed record Row(string Name, DateTimeOffset? AnonymisedAt, string? RegionCode, DocumentType DocumentType, DateOnly? BirthDate, bool Declared,
        string? CodeNumber, HealthStatus? Status);

    // One round trip on a miss; a left join rather than a nested entity, which SQLite cannot APPLY.
    private static readonly Func<MiniCodeDbContext, long, CancellationToken, Task<Row?>> RowOf =
        EF.CompileAsyncQuery((MiniCodeDbContext db, long personId, CancellationToken ct) =>
            (from p in db.Set<Person>().AsNoTracking()
             where p.Id == personId
             join s in db.Set<HealthStatus>().AsNoTracking() on p.Id equals s.PersonId into statuses
             from s in statuses.DefaultIfEmpty()
             // 首次申领: a declaration, or an application through the provincial system (FirstDeclaration).
             select new Row(p.Name, p.AnonymisedAt, p.RegionCode, p.DocumentType, p.BirthDate,
                 db.Set<HealthDeclaration>().Any(d => d.PersonId == personId) || db.Set<Imports.PriorApplication>().Any(a => a.DocumentIndex == p.DocumentIndex),
                 db.Set<CodeNumber>().Where(n => n.Category == CodeCategories.Personal && n.SubjectId == personId).Select(n => n.Number).FirstOrDefault(), s))
            .FirstOrDefault());

    public int Count => _cache.Count;

    /// <summary>The holder as stored (cached when warm), or null for an unknown person.</summary>
    public ValueTask<CodeHolder?> GetAsync(Deferred<MiniCodeDbContext> db, long personId, CancellationToken ct) =>
        _cache.GetAsync(personId, db, static async (id, db, ct) => await RowOf(db.Value, id, ct) is { } row
            ? new CodeHolder(id, SensitiveDataMasker.MaskName(row.Name), row.AnonymisedAt is not null, row.RegionCode, row.Declared, row.Status,
                row.Status is null ? [] : CodeHolder.ReasonsOf(row.Status), row.DocumentType, row.BirthDate, row.CodeNumber)
            : null, ct);

    /// <summary>
    /// The holder, re-read from the database once when the cached one fails <paramref name="usable"/>: a refusal
    /// (no declaration, no status) is never answered from the cache.
    /// </summary>
    public async ValueTask<CodeHolder?> GetAsync(Deferred<MiniCodeDbContext> db, long personId, Func<CodeHolder?, bool> usable, CancellationToken ct)
    {
        var holder = await GetAsync(db, personId, ct);
        if (usable(holder)) return holder;
        _cache.Invalidate(personId);
        return await GetAsync(db, personId, ct);
    }

    public void Dispose() => _cache.Dispose();
}

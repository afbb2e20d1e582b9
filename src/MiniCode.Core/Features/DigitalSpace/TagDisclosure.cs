using MiniCode.Infrastructure.Hosting;
using MiniCode.Data;
using MiniCode.Features.Enterprises;
using MiniCode.Features.HealthCodes.Applications;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Infrastructure.Cluster;

namespace MiniCode.Features.DigitalSpace;

/// <summary>An active tag kind linked to code scenarios, as the verify path reads it.</summary>
public sealed record LinkedKind(long Id, string Name, TagSubjectKind SubjectKind, IReadOnlySet<string> Categories, IReadOnlySet<long> Applications);

/// <summary>
/// The active tag kinds linked to at least one code category and application, per node in memory; any change of a kind
/// drops them on every node (cluster signal <c>tag-kinds</c>), so a warm verify of a code no kind is linked to costs no
/// database command.
/// </summary>
public sealed class TagKindCache(IClusterSignals signals, TimeProvider time, IOptions<DigitalSpaceOptions> options) : IDisposable
{
    private readonly SignalledCache<int, IReadOnlyList<LinkedKind>> _cache = new(signals, time, ClusterTopics.TagKinds,
        TimeSpan.FromSeconds(options.Value.KindCacheSeconds), 1, (_, _) => SignalledCache<int, object>.AllKeys);

    public ValueTask<IReadOnlyList<LinkedKind>> LinkedAsync(Deferred<MiniCodeDbContext> db, CancellationToken ct) =>
        _cache.GetAsync(0, db, static async (_, db, ct) =>
        {
            var kinds = await db.Value.Set<TagKind>().AsNoTracking().Where(k => k.Status == TagKindStatus.Active && k.LinkedCategories != "" && k.DisclosedToApplications != "")
                .ToListAsync(ct);
            return (IReadOnlyList<LinkedKind>)kinds.Select(k => new LinkedKind(k.Id, k.Name, k.SubjectKind, k.Categories, k.Applications)).ToList();
        }, ct);

    public void Dispose() => _cache.Dispose();
}

/// <summary>
/// Fills <see cref="ICodeTagDisclosure"/>: a verify answer shows a live tag of the code's subject only when its kind is
/// linked to the code's category and names the verifying application. Person tags go with personal codes (the subject
/// is the person), enterprise tags with enterprise codes (the binding's enterprise); other codes show none.
/// </summary>
public sealed class TagDisclosure(Deferred<MiniCodeDbContext> db, TagKindCache kinds, TimeProvider time) : ICodeTagDisclosure
{
    public async Task<IReadOnlyList<DisclosedTag>> ForAsync(CodeClaims claims, ApplicationGrant application, CancellationToken ct)
    {
        var category = CodeCategories.Of(claims.Type);
        var (subjectKind, reachable) = claims.Type.IsPersonHealthCode() ? (TagSubjectKind.Person, true)
            : claims.Type == CodeType.Enterprise ? (TagSubjectKind.Enterprise, true) : (TagSubjectKind.Person, false);
        if (!reachable) return [];
        var linked = (await kinds.LinkedAsync(db, ct)).Where(k => k.SubjectKind == subjectKind && k.Categories.Contains(category) && k.Applications.Contains(application.Id))
            .ToList();
        if (linked.Count == 0) return [];
        var subjectId = checked((long)claims.SubjectId);
        if (subjectKind == TagSubjectKind.Enterprise)
            subjectId = await db.Value.Set<EnterpriseBinding>().AsNoTracking().Where(b => b.Id == subjectId).Select(b => b.EnterpriseId).FirstOrDefaultAsync(ct);
        var ids = linked.Select(k => k.Id).ToList();
        var now = time.GetUtcNow();
        var tagged = await db.Value.Set<Tag>().AsNoTracking()
            .Where(t => t.SubjectKind == subjectKind && t.SubjectId == subjectId && ids.Contains(t.KindId) && t.RemovedAt == null && t.ExpiresAt > now)
            .Select(t => t.KindId).ToListAsync(ct);
        return linked.Where(k => tagged.Contains(k.Id)).Select(k => new DisclosedTag(k.Id, k.Name)).ToList();
    }
}

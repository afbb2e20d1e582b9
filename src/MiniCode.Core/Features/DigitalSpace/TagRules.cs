using MiniCode.Data;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.Jobs;

namespace MiniCode.Features.DigitalSpace;

/// <summary>
/// The rule of a tag kind bound to a health-data list (<see cref="TagKind.RuleRiskKind"/>): every known person with a
/// current entry of that kind on the risk list (风险人员名单, started and not ended on the business day) gets the tag, on
/// the same legal basis checks as an import. Persons already tagged are left as they are (their tag expires by retention).
/// </summary>
public sealed class TagRules(MiniCodeDbContext db, TagAttachment attachment, BusinessCalendar calendar)
{
    /// <summary>Runs the rules of every active rule-bound kind (or only <paramref name="kindId"/>); answers the tags attached.</summary>
    public async Task<int> ApplyAsync(long? kindId, CancellationToken ct)
    {
        var kinds = await db.Set<TagKind>().AsNoTracking()
            .Where(k => k.Status == TagKindStatus.Active && k.RuleRiskKind != null && k.SubjectKind == TagSubjectKind.Person && (kindId == null || k.Id == kindId))
            .ToListAsync(ct);
        var today = calendar.Today();
        var attached = 0;
        foreach (var kind in kinds)
        {
            var tagged = db.Set<Tag>().Where(t => t.KindId == kind.Id).Select(t => t.SubjectId);
            var persons = await db.Set<RiskListEntry>().AsNoTracking()
                .Where(r => r.Kind == kind.RuleRiskKind && r.PersonId != null && r.StartsOn <= today && (r.EndsOn == null || r.EndsOn >= today)
                    && !tagged.Contains(r.PersonId!.Value))
                .Select(r => r.PersonId!.Value).Distinct().Take(10_000).ToListAsync(ct);
            foreach (var person in persons)
                if (await attachment.AttachAsync(kind, person, null, $"rule:{kind.RuleRiskKind}", ct) is null) attached++;
            await db.SaveChangesAsync(ct);
        }
        return attached;
    }
}

/// <summary>
/// Retention: tags past their kind's retention are deleted (with their objections), tags removed by an upheld objection
/// after <see cref="DigitalSpaceOptions.RemovedKeptDays"/>, and the masked rejected rows of tag imports after
/// <see cref="DigitalSpaceOptions.RejectedRowsRetentionDays"/>.
/// </summary>
public sealed class TagRetention(MiniCodeDbContext db, IOptions<DigitalSpaceOptions> options, TimeProvider time)
{
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var removedBefore = now.AddDays(-options.Value.RemovedKeptDays);
        var gone = db.Set<Tag>().Where(t => t.ExpiresAt <= now || t.RemovedAt <= removedBefore).Select(t => t.Id);
        await db.Set<TagObjection>().Where(o => gone.Contains(o.TagId)).ExecuteDeleteAsync(ct);
        var purged = await db.Set<Tag>().Where(t => t.ExpiresAt <= now || t.RemovedAt <= removedBefore).ExecuteDeleteAsync(ct);
        var importsBefore = now.AddDays(-options.Value.RejectedRowsRetentionDays);
        var oldImports = db.Set<TagImport>().Where(i => i.StartedAt < importsBefore).Select(i => i.Id);
        return purged + await db.Set<TagImportRejection>().Where(r => oldImports.Contains(r.ImportId)).ExecuteDeleteAsync(ct);
    }
}

/// <summary>Scheduled as <c>purge-tags</c>.</summary>
public sealed class PurgeTagsJob(TagRetention retention) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken) => new(await retention.PurgeAsync(cancellationToken));
}

/// <summary>Scheduled as <c>apply-tag-rules</c>.</summary>
public sealed class ApplyTagRulesJob(TagRules rules) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken) => new(await rules.ApplyAsync(null, cancellationToken));
}

using MiniCode.Data;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.DigitalSpace;

/// <summary>A person's objection as they see it: status, their reason, and the staff answer once decided.</summary>
public sealed record ObjectionView(long Id, ObjectionStatus Status, string Reason, DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt, string? Answer);

/// <summary>One of the caller's own tags (数字空间): kind, source, purpose, legal basis, times and the latest objection.</summary>
public sealed record TagView(long Id, long KindId, string Kind, TagSubjectKind SubjectKind, string Source, string Purpose, LegalBasisKind BasisKind,
    string? BasisReference, DateTimeOffset AttachedAt, DateTimeOffset ExpiresAt, bool Removed, ObjectionView? Objection);

/// <summary>纠错/异议: the reason, 1 to <see cref="DigitalSpaceOptions.MaxTextLength"/> characters.</summary>
public sealed record ObjectionRequest(string? Reason) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services)
    {
        var max = services.GetRequiredService<IOptions<DigitalSpaceOptions>>().Value.MaxTextLength;
        v.Check(!string.IsNullOrWhiteSpace(Reason) && Reason.Trim().Length <= max, "reason", $"请填写异议理由（不超过{max}个字）");
    }
}

/// <summary>
/// The citizen's side of the digital space: their own person's tags (live ones, and removed ones until the purge so the
/// outcome of an objection stays visible) and objections. Someone else's tag answers 404, as a missing one does.
/// </summary>
public sealed class TagSpace(MiniCodeDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<TagView>> ListAsync(long personId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await (from t in db.Set<Tag>().AsNoTracking()
                          join k in db.Set<TagKind>().AsNoTracking() on t.KindId equals k.Id
                          where t.SubjectKind == TagSubjectKind.Person && t.SubjectId == personId && t.ExpiresAt > now
                          select new { t, k }).ToListAsync(ct);
        var ids = rows.Select(r => r.t.Id).ToList();
        var objections = (await db.Set<TagObjection>().AsNoTracking().Where(o => ids.Contains(o.TagId)).ToListAsync(ct))
            .GroupBy(o => o.TagId).ToDictionary(g => g.Key, g => g.OrderByDescending(o => o.SubmittedAt).ThenByDescending(o => o.Id).First());
        return rows.OrderByDescending(r => r.t.AttachedAt).ThenByDescending(r => r.t.Id)
            .Select(r => new TagView(r.t.Id, r.k.Id, r.k.Name, r.t.SubjectKind, r.k.Source, r.k.Purpose, r.t.BasisKind, r.t.BasisReference, r.t.AttachedAt,
                r.t.ExpiresAt, r.t.RemovedAt is not null, objections.GetValueOrDefault(r.t.Id) is { } o ? View(o) : null))
            .ToList();
    }

    /// <summary>The tag's latest objection (404 without one).</summary>
    public async Task<ObjectionView> ObjectionAsync(long personId, long tagId, CancellationToken ct)
    {
        await OwnTagAsync(personId, tagId, ct);
        var objection = await db.Set<TagObjection>().AsNoTracking().Where(o => o.TagId == tagId).OrderByDescending(o => o.SubmittedAt).ThenByDescending(o => o.Id)
            .FirstOrDefaultAsync(ct) ?? throw new ApiException(DigitalSpaceErrors.ObjectionNotFound);
        return View(objection);
    }

    /// <summary>Files an objection; one open per tag (409), none on a removed tag (409).</summary>
    public async Task<ObjectionView> ObjectAsync(long personId, long accountId, long tagId, string reason, CancellationToken ct)
    {
        var tag = await OwnTagAsync(personId, tagId, ct);
        if (tag.RemovedAt is not null) throw new ApiException(DigitalSpaceErrors.TagRemoved);
        if (await db.Set<TagObjection>().AnyAsync(o => o.TagId == tagId && o.Status == ObjectionStatus.Open, ct)) throw new ApiException(DigitalSpaceErrors.ObjectionOpen);
        var objection = new TagObjection
        {
            TagId = tagId, PersonId = personId, AccountId = accountId, Reason = reason.Trim(), Status = ObjectionStatus.Open, SubmittedAt = time.GetUtcNow(),
        };
        db.Add(objection);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new ApiException(DigitalSpaceErrors.ObjectionOpen); } // a simultaneous one won the unique index
        return View(objection);
    }

    private async Task<Tag> OwnTagAsync(long personId, long tagId, CancellationToken ct) =>
        await db.Set<Tag>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == tagId && t.SubjectKind == TagSubjectKind.Person && t.SubjectId == personId
            && t.ExpiresAt > time.GetUtcNow(), ct) ?? throw new ApiException(DigitalSpaceErrors.TagNotFound);

    internal static ObjectionView View(TagObjection o) => new(o.Id, o.Status, o.Reason, o.SubmittedAt, o.DecidedAt, o.Answer);
}

/// <summary>
/// Staff review of an objection (the page finds it within its jurisdiction first): 属实 removes the tag (its removal
/// time is kept so the person sees the outcome), 驳回 keeps it; either way the answer goes to the person. The caller's
/// audit entry saves the change.
/// </summary>
public sealed class ObjectionReview(MiniCodeDbContext db, TimeProvider time)
{
    public async Task<(object Before, object After)> DecideAsync(TagObjection objection, bool uphold, string answer, string actor, CancellationToken ct)
    {
        if (objection.Status != ObjectionStatus.Open) throw new ApiException(DigitalSpaceErrors.ObjectionNotOpen);
        var now = time.GetUtcNow();
        (objection.Status, objection.Answer, objection.DecidedAt, objection.DecidedBy) = (uphold ? ObjectionStatus.Upheld : ObjectionStatus.Rejected, answer.Trim(), now, actor);
        if (uphold && await db.Set<Tag>().FirstOrDefaultAsync(t => t.Id == objection.TagId, ct) is { RemovedAt: null } tag) tag.RemovedAt = now;
        return (new { status = ObjectionStatus.Open.ToString() }, new { status = objection.Status.ToString(), objection.TagId, answer = objection.Answer });
    }
}

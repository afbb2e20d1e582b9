using MiniCode.Data;
using MiniCode.Features.Identity.Consents;

namespace MiniCode.Features.DigitalSpace;

/// <summary>
/// The one way a tag is attached (imports and rules): only with a recorded legal basis. A consent-based kind needs a live
/// <c>digital_space</c> consent of the person (the consent row is recorded with the tag); any other basis needs a
/// reference — the row's or the kind's default (statute, notice number). Insert-only: a subject keeps one tag per kind.
/// </summary>
public sealed class TagAttachment(MiniCodeDbContext db, ConsentService consents, TimeProvider time)
{
    public const string NoConsentReason = "本人未同意数字空间标签（digital_space），不能以同意为依据贴标签";
    public const string NoBasisReason = "缺少法律依据文号（basis_reference），标签类型也未设默认依据";
    public const string ExistsReason = "该对象已有此标签：导入只能新增，更正请走异议";
    public const string EnterpriseConsentReason = "企业标签不能以个人同意为依据";

    /// <summary>Adds the tag to the context (the caller saves) and answers null, or answers why it was refused.</summary>
    public async Task<string?> AttachAsync(TagKind kind, long subjectId, string? basisReference, string attachedBy, CancellationToken ct)
    {
        if (await db.Set<Tag>().AnyAsync(t => t.KindId == kind.Id && t.SubjectKind == kind.SubjectKind && t.SubjectId == subjectId, ct)
            || db.ChangeTracker.Entries<Tag>().Any(e => e.State == EntityState.Added && e.Entity.KindId == kind.Id && e.Entity.SubjectId == subjectId))
            return ExistsReason;
        long? consentId = null;
        var reference = string.IsNullOrWhiteSpace(basisReference) ? kind.BasisReference : basisReference.Trim();
        if (kind.BasisKind == LegalBasisKind.Consent)
        {
            if (kind.SubjectKind != TagSubjectKind.Person) return EnterpriseConsentReason;
            consentId = await consents.LiveConsentOfPersonAsync(subjectId, ConsentPurposes.DigitalSpace, ct);
            if (consentId is null) return NoConsentReason;
            reference = $"consent:{consentId}";
        }
        else if (string.IsNullOrWhiteSpace(reference)) return NoBasisReason;
        var now = time.GetUtcNow();
        db.Add(new Tag
        {
            KindId = kind.Id, SubjectKind = kind.SubjectKind, SubjectId = subjectId, BasisKind = kind.BasisKind, BasisReference = reference,
            ConsentId = consentId, AttachedBy = attachedBy, AttachedAt = now, ExpiresAt = now.AddDays(kind.RetentionDays),
        });
        return null;
    }
}

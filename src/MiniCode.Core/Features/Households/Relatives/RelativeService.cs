using System.Globalization;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Features.Identity;
using MiniCode.Features.Identity.Face;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Concurrency;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Features.Households.Relatives;

/// <summary>
/// 亲友健康码: a holder adds relatives (real name + document checked as in identity, consent, proof by the relative's
/// face or SMS code unless exempt by age — then private to the holder, first health declaration), lists and switches
/// between them, and deletes them after a waiting time.
/// </summary>
public sealed class RelativeService(
    MiniCodeDbContext db, RealNameService realNames, RelativeProofCheck proofs, DeclarationService declarations, NoticeDispatcher notices,
    HouseholdCleanup cleanup, KeyedLocks locks, IOptions<RelativesOptions> options, TimeProvider time, BusinessCalendar calendar)
{
    private const int SlotAttempts = 4;

    public async Task<RelativeView> AddAsync(long holderAccountId, long holderPersonId, AddRelativeRequest r, CancellationToken ct)
    {
        var o = options.Value;
        var doc = r.IsResidentId ? realNames.ResidentIdOf(r.Number) : realNames.OtherDocumentOf(r.AsOtherDocument());
        var name = r.Name!.Trim();
        var age = AgeOf(doc.BirthDate);
        var consentBy = r.Consent!.By == "guardian" ? ConsentBy.Guardian : ConsentBy.Relative;
        if (age < o.GuardianConsentUnderAge && consentBy != ConsentBy.Guardian)
            throw new ApiException(HouseholdsErrors.ConsentRequired, $"未满{o.GuardianConsentUnderAge}周岁的亲友须由监护人同意");
        // Unproven, the declaration is always asked for: whether the person already has one would tell they exist.
        if (r.Declaration is not null) declarations.Validate(r.Declaration);
        else if (string.IsNullOrEmpty(r.FaceToken) && string.IsNullOrEmpty(r.Consent.SmsCode))
            new InputValidator().Add("declaration", "首次添加亲友须填写健康申报").ThrowIfInvalid();

        var proof = await proofs.CheckAsync(holderAccountId, r, name, doc, age, ct);
        var index = realNames.BlindIndexOf(doc);
        var existing = await db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.DocumentIndex == index, ct);
        if (existing?.Id == holderPersonId) throw new ApiException(HouseholdsErrors.RelativeIsSelf);
        if (proof == RelativeProof.Sms) await proofs.EnsurePhoneOfPersonAsync(r, existing, ct);
        // Proven (face or code checked), a wrong name is told; unproven, telling it would tell the document exists (M4): the
        // add goes to the person of the document, private, and answers as for an unknown document.
        if (existing is { AnonymisedAt: null } && existing.Name != name)
        {
            if (proof != RelativeProof.None) throw new ApiException(IdentityErrors.NameMismatch);
            name = existing.Name;
        }
        if (existing is not null && await db.Set<Relative>().AnyAsync(x => x.HolderPersonId == holderPersonId && x.PersonId == existing.Id, ct))
            throw new ApiException(HouseholdsErrors.RelativeExists);
        if (await db.Set<Relative>().CountAsync(x => x.HolderPersonId == holderPersonId, ct) >= o.MaxPerHolder)
            throw new ApiException(HouseholdsErrors.RelativeLimit, $"每位用户最多可添加{o.MaxPerHolder}位亲友");
        if (r.Declaration is null && !await db.AppliedBeforeAsync(index, ct)
            && (existing is null || !await db.Set<HealthDeclaration>().AnyAsync(d => d.PersonId == existing.Id, ct)))
            new InputValidator().Add("declaration", "首次添加亲友须填写健康申报").ThrowIfInvalid();

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var added = await InsertAsync(holderAccountId, holderPersonId, name, doc, r, consentBy, proof, ct);
                // Unproven, the answer carries what the holder sent, not the person's stored name or colour (M4).
                return proof == RelativeProof.None ? added with { Name = SensitiveDataMasker.MaskName(r.Name.Trim()), Color = null } : added;
            }
            catch (DbUpdateException e) when (attempt < SlotAttempts && !DatabaseFaults.IsUnavailable(e))
            {
                // Another add took the same slot (or created the same person) first: start again from fresh data.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException e) when (!DatabaseFaults.IsUnavailable(e))
            {
                db.ChangeTracker.Clear();
                throw new ApiException(HouseholdsErrors.RelativeBusy);
            }
        }
    }

    private async Task<RelativeView> InsertAsync(long holderAccountId, long holderPersonId, string name, RealNameService.Document doc, AddRelativeRequest r,
        ConsentBy consentBy, RelativeProof proof, CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One holder's adds take their slots one after another (across nodes too), so parallel adds fill the slots as
        // sequential ones would instead of colliding on the (holder, slot) index.
        await using var holderLock = await locks.AcquireAsync(db, $"relatives:{holderPersonId}", ct);
        var used = await db.Set<Relative>().Where(x => x.HolderPersonId == holderPersonId).Select(x => x.Slot).ToListAsync(ct);
        var slot = Enumerable.Range(1, o.MaxPerHolder).FirstOrDefault(s => !used.Contains(s));
        if (slot == 0) throw new ApiException(HouseholdsErrors.RelativeLimit, $"每位用户最多可添加{o.MaxPerHolder}位亲友");

        var person = await realNames.PersonOfAsync(name, doc, ct);
        var relative = new Relative
        {
            HolderPersonId = holderPersonId, Person = person, Slot = slot, Relation = string.IsNullOrWhiteSpace(r.Relation) ? null : r.Relation.Trim(),
            ConsentBy = consentBy, ConsentAt = now, FaceVerified = proof == RelativeProof.Face, Proof = proof, AddedAt = now,
        };
        db.Add(relative);
        await db.SaveChangesAsync(ct);
        // The first declaration only: what the person (or any holder) declared before is never overwritten by an add.
        if (r.Declaration is not null && !await db.Set<HealthDeclaration>().AnyAsync(d => d.PersonId == person.Id, ct))
            await declarations.SubmitAsync(person.Id, r.Declaration, HolderActor(holderAccountId), ct);
        await tx.CommitAsync(ct);
        await notices.FlushAsync(ct);
        var color = await db.Set<HealthStatus>().Where(s => s.PersonId == person.Id).Select(s => (HealthColor?)s.Color).FirstOrDefaultAsync(ct);
        return ToView(relative, person, color);
    }

    /// <summary>
    /// A proven holder declares for the person; a private one only while the person has no declaration or the current
    /// one is this holder's own, so nobody unproven overwrites what the person or another holder declared.
    /// </summary>
    private async Task<bool> MayDeclareAsync(Relative relative, CancellationToken ct)
    {
        if (relative.Shared) return true;
        var actors = await HolderActorsAsync(relative.HolderPersonId, ct);
        return !await db.Set<HealthDeclaration>().AnyAsync(d => d.PersonId == relative.PersonId && !actors.Contains(d.ChangedBy), ct);
    }

    /// <summary>Declaring later for a relative (<c>POST /api/me/relatives/{id}/declaration</c>).</summary>
    public async Task<DeclarationView> DeclareAsync(long holderAccountId, long holderPersonId, long relativeId, DeclarationRequest body, CancellationToken ct)
    {
        var relative = await db.Set<Relative>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == relativeId && x.HolderPersonId == holderPersonId, ct)
            ?? throw new ApiException(HouseholdsErrors.RelativeNotFound);
        if (!await MayDeclareAsync(relative, ct)) throw new ApiException(HouseholdsErrors.ProofRequired);
        return await declarations.SubmitAsync(relative.PersonId, body, HolderActor(holderAccountId), ct);
    }

    public static string HolderActor(long holderAccountId) => "holder:" + holderAccountId.ToString(CultureInfo.InvariantCulture);

    /// <summary>What any account of the holder's person recorded as holder: a private relative is private to that person.</summary>
    public async Task<List<string>> HolderActorsAsync(long holderPersonId, CancellationToken ct) =>
        (await db.Set<Account>().AsNoTracking().Where(a => a.PersonId == holderPersonId).Select(a => a.Id).ToListAsync(ct)).Select(HolderActor).ToList();

    public async Task<IReadOnlyList<RelativeView>> ListAsync(long holderPersonId, CancellationToken ct)
    {
        var rows = await db.Set<Relative>().AsNoTracking().Include(x => x.Person)
            .Where(x => x.HolderPersonId == holderPersonId).OrderBy(x => x.Slot).ToListAsync(ct);
        var colors = await ColorsAsync(rows.Select(x => x.PersonId), ct);
        return rows.Select(x => ToView(x, x.Person!, colors.GetValueOrDefault(x.PersonId))).ToList();
    }

    public async Task<RelativeView> GetAsync(long holderPersonId, long relativeId, CancellationToken ct)
    {
        var row = await db.Set<Relative>().AsNoTracking().Include(x => x.Person)
            .FirstOrDefaultAsync(x => x.Id == relativeId && x.HolderPersonId == holderPersonId, ct)
            ?? throw new ApiException(HouseholdsErrors.RelativeNotFound);
        var colors = await ColorsAsync([row.PersonId], ct);
        return ToView(row, row.Person!, colors.GetValueOrDefault(row.PersonId));
    }

    /// <summary>The holder and the relatives with their current colour (as last computed), for switching codes quickly.</summary>
    public async Task<IReadOnlyList<SwitchEntry>> SwitchListAsync(long holderPersonId, CancellationToken ct)
    {
        var holderName = await db.Set<Person>().Where(p => p.Id == holderPersonId).Select(p => p.Name).FirstAsync(ct);
        var relatives = await ListAsync(holderPersonId, ct);
        var own = (await ColorsAsync([holderPersonId], ct)).GetValueOrDefault(holderPersonId);
        return [new SwitchEntry(null, SensitiveDataMasker.MaskName(holderName), "本人", own, "/api/me/code"),
            .. relatives.Select(x => new SwitchEntry(x.Id, x.Name, x.Relation, x.Color, $"/api/me/relatives/{x.Id}/code"))];
    }

    public async Task DeleteAsync(long holderPersonId, long relativeId, CancellationToken ct)
    {
        var row = await db.Set<Relative>().FirstOrDefaultAsync(x => x.Id == relativeId && x.HolderPersonId == holderPersonId, ct)
            ?? throw new ApiException(HouseholdsErrors.RelativeNotFound);
        var allowed = DeletableAt(row);
        if (time.GetUtcNow() < allowed)
            throw new ApiException(HouseholdsErrors.RelativeDeleteTooSoon, $"可删除时间：{calendar.Format(allowed)}");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Remove(row);
        await db.SaveChangesAsync(ct);
        await cleanup.AfterUnlinkAsync(holderPersonId, row.PersonId, ct);
        await tx.CommitAsync(ct);
        cleanup.DeleteFilesAfterCommit();
    }

    private DateTimeOffset DeletableAt(Relative r) => r.AddedAt.AddHours(options.Value.DeleteAfterHours);

    private async Task<Dictionary<long, HealthColor?>> ColorsAsync(IEnumerable<long> personIds, CancellationToken ct)
    {
        var ids = personIds.ToList();
        return await db.Set<HealthStatus>().AsNoTracking().Where(s => ids.Contains(s.PersonId))
            .ToDictionaryAsync(s => s.PersonId, s => (HealthColor?)s.Color, ct);
    }

    private int AgeOf(DateOnly birth) =>
        new Person { BirthDate = birth }.AgeOn(calendar.Today()) ?? 0;

    private RelativeView ToView(Relative r, Person p, HealthColor? color) => new(
        r.Id, SensitiveDataMasker.MaskName(p.Name), JsonName(p.DocumentType), p.DocumentMasked, r.Relation,
        p.AgeOn(calendar.Today()), r.FaceVerified, r.Proof.ToString().ToLowerInvariant(), !r.Shared,
        r.ConsentBy == ConsentBy.Guardian ? "guardian" : "relative", r.AddedAt, DeletableAt(r), color);

    private static string JsonName(DocumentType type) => type switch
    {
        DocumentType.Passport => "passport",
        DocumentType.HkMacaoPermit => "hkMacaoPermit",
        DocumentType.TaiwanPermit => "taiwanPermit",
        _ => "residentId",
    };
}

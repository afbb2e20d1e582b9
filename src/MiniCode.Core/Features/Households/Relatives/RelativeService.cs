using System.Globalization;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.Identity;
using MiniCode.Features.Identity.Face;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Concurrency;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Households.Relatives;

/// <summary>
/// 亲友健康码: a holder adds relatives (real name + document checked as in identity, consent, face verification unless
/// exempt by age, first health declaration), lists and switches between them, and deletes them after a waiting time.
/// </summary>
public sealed class RelativeService(
    MiniCodeDbContext db, RealNameService realNames, PersonalDataProtector protector, FaceVerificationService faces, DeclarationService declarations,
    HouseholdCleanup cleanup, KeyedLocks locks, IOptions<RelativesOptions> options, IOptions<IdentityOptions> identity, TimeProvider time)
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

        var index = protector.BlindIndex($"{doc.Type}:{doc.Number}");
        var existing = await db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.DocumentIndex == index, ct);
        if (existing?.Id == holderPersonId) throw new ApiException(HouseholdsErrors.RelativeIsSelf);
        if (existing is not null && existing.Name != name) throw new ApiException(IdentityErrors.NameMismatch);
        if (existing is not null && await db.Set<Relative>().AnyAsync(x => x.HolderPersonId == holderPersonId && x.PersonId == existing.Id, ct))
            throw new ApiException(HouseholdsErrors.RelativeExists);
        if (await db.Set<Relative>().CountAsync(x => x.HolderPersonId == holderPersonId, ct) >= o.MaxPerHolder)
            throw new ApiException(HouseholdsErrors.RelativeLimit, $"每位用户最多可添加{o.MaxPerHolder}位亲友");
        var needsDeclaration = existing is null || !await db.Set<HealthDeclaration>().AnyAsync(d => d.PersonId == existing.Id, ct);
        if (needsDeclaration)
        {
            if (r.Declaration is null) new InputValidator().Add("declaration", "首次添加亲友须填写健康申报").ThrowIfInvalid();
            declarations.Validate(r.Declaration!);
        }

        // Someone who has an account of their own always proves presence by face; otherwise age may exempt.
        var hasOwnAccount = existing is not null &&
            await db.Set<Account>().AnyAsync(a => a.PersonId == existing.Id && a.Status != AccountStatus.Deleted, ct);
        var faceRequired = identity.Value.RealName.RequireFaceVerification &&
            (hasOwnAccount || (age >= o.FaceExemptUnderAge && age <= o.FaceExemptOverAge));
        if (faceRequired)
            await faces.VerifyAsync(holderAccountId, FacePurposes.Relative, new FaceSubject(name, doc.Type, doc.Number), r.FaceToken, ct);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await InsertAsync(holderAccountId, holderPersonId, name, doc, index, r, consentBy, faceRequired, needsDeclaration, ct);
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

    private async Task<RelativeView> InsertAsync(long holderAccountId, long holderPersonId, string name, RealNameService.Document doc, string index, AddRelativeRequest r,
        ConsentBy consentBy, bool faceVerified, bool declare, CancellationToken ct)
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

        var person = await db.Set<Person>().FirstOrDefaultAsync(p => p.DocumentIndex == index, ct) ?? new Person
        {
            Name = name,
            DocumentType = doc.Type,
            DocumentCipher = protector.Encrypt(doc.Number),
            DocumentIndex = index,
            DocumentMasked = SensitiveDataMasker.MaskIdNumber(doc.Number),
            BirthDate = doc.BirthDate,
            Gender = doc.Gender,
            RegionCode = doc.RegionCode,
            CreatedAt = now,
        };
        var relative = new Relative
        {
            HolderPersonId = holderPersonId, Person = person, Slot = slot, Relation = string.IsNullOrWhiteSpace(r.Relation) ? null : r.Relation.Trim(),
            ConsentBy = consentBy, ConsentAt = now, FaceVerified = faceVerified, AddedAt = now,
        };
        db.Add(relative);
        await db.SaveChangesAsync(ct);
        if (declare) await declarations.SubmitAsync(person.Id, r.Declaration!, $"holder:{holderAccountId}", ct);
        await tx.CommitAsync(ct);
        var color = await db.Set<HealthStatus>().Where(s => s.PersonId == person.Id).Select(s => (HealthColor?)s.Color).FirstOrDefaultAsync(ct);
        return ToView(relative, person, color);
    }

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
            throw new ApiException(HouseholdsErrors.RelativeDeleteTooSoon, $"可删除时间：{allowed.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z");
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
        new Person { BirthDate = birth }.AgeOn(ChinaTime.Today(time.GetUtcNow())) ?? 0;

    private RelativeView ToView(Relative r, Person p, HealthColor? color) => new(
        r.Id, SensitiveDataMasker.MaskName(p.Name), JsonName(p.DocumentType), p.DocumentMasked, r.Relation,
        p.AgeOn(ChinaTime.Today(time.GetUtcNow())), r.FaceVerified, r.ConsentBy == ConsentBy.Guardian ? "guardian" : "relative",
        r.AddedAt, DeletableAt(r), color);

    private static string JsonName(DocumentType type) => type switch
    {
        DocumentType.Passport => "passport",
        DocumentType.HkMacaoPermit => "hkMacaoPermit",
        DocumentType.TaiwanPermit => "taiwanPermit",
        _ => "residentId",
    };
}

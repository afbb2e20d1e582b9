using MiniCode.Data;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Licences;

/// <summary>
/// 电子证照 of a real-named person: binding after the issuer confirmed the licence is theirs (授权关联), the list in the
/// holder's order (排序), detail, the shown code (出示证照) and unbinding (解除绑定). Everything is reached through the
/// caller's own person: another person's binding is "not found".
/// </summary>
public sealed class LicenceService(MiniCodeDbContext db, ILicenceIssuer issuer, PersonalDataProtector protector, CodeSigner signer,
    IOptions<LicenceOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyList<LicenceTypeView>> TypesAsync(CancellationToken ct) =>
        (await db.Set<LicenceType>().AsNoTracking().Where(t => t.Enabled).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct))
        .Select(t => new LicenceTypeView(t.CatalogueCode, t.Name, t.IssuerName, t.Description, t.IsIdentityCredential)).ToList();

    public async Task<IReadOnlyList<LicenceView>> ListAsync(long personId, CancellationToken ct) =>
        (await Live(personId).AsNoTracking().OrderBy(b => b.SortOrder).ThenBy(b => b.Id).ToListAsync(ct)).Select(ToView).ToList();

    public async Task<LicenceView> GetAsync(long personId, long id, CancellationToken ct) => ToView(await FindAsync(personId, id, ct));

    public async Task<BindLicenceResult> AuthoriseAsync(long personId, BindLicenceRequest r, CancellationToken ct)
    {
        var type = await db.Set<LicenceType>().AsNoTracking().FirstOrDefaultAsync(t => t.CatalogueCode == r.Type!.Trim() && t.Enabled, ct)
            ?? throw new ApiException(LicencesErrors.TypeNotFound);
        // 不授权: nothing reaches the issuer and nothing is stored.
        if (r.Consent != true) return new BindLicenceResult(false, null);

        var person = await db.Set<Person>().AsNoTracking().FirstAsync(p => p.Id == personId, ct);
        var answer = await issuer.AuthoriseAsync(new LicenceAuthorisationRequest(type.CatalogueCode, person.Name, protector.Decrypt(person.DocumentCipher)), ct);
        if (answer.Outcome == LicenceAuthorisationOutcome.NotFound) throw new ApiException(LicencesErrors.NotIssued);
        // The issuer checked the name too; a licence answered under another name is someone else's all the same.
        if (answer is not { Outcome: LicenceAuthorisationOutcome.Issued, Licence: { } licence } || licence.HolderName != person.Name)
            throw new ApiException(LicencesErrors.HolderMismatch);

        var index = protector.BlindIndex($"{type.CatalogueCode}:{licence.LicenceNumber}");
        try
        {
            return new BindLicenceResult(true, ToView(await SaveAsync(personId, type, licence, index, ct)));
        }
        catch (DbUpdateException e) when (!DatabaseFaults.IsUnavailable(e))
        {
            // A parallel bind of the same licence won the unique index: the same answer as binding it once.
            db.ChangeTracker.Clear();
            var mine = await Live(personId).AsNoTracking().FirstOrDefaultAsync(b => b.LicenceTypeId == type.Id && b.LicenceNumberIndex == index, ct);
            return mine is not null ? new BindLicenceResult(true, ToView(mine)) : throw new ApiException(LicencesErrors.Busy);
        }
    }

    /// <summary>Binds, or refreshes the caller's binding of this type (idempotent: the same id, the issuer's latest facts).</summary>
    private async Task<LicenceBinding> SaveAsync(long personId, LicenceType type, IssuedLicence licence, string index, CancellationToken ct)
    {
        if (await db.Set<LicenceBinding>().AnyAsync(b => b.LicenceNumberIndex == index && b.UnboundAt == null && b.PersonId != personId, ct))
            throw new ApiException(LicencesErrors.BoundElsewhere);
        var binding = await Live(personId).FirstOrDefaultAsync(b => b.LicenceTypeId == type.Id, ct);
        if (binding is null)
        {
            var held = await Live(personId).Select(b => (int?)b.SortOrder).ToListAsync(ct);
            if (held.Count >= options.Value.MaxPerPerson)
                throw new ApiException(LicencesErrors.Limit, $"最多可绑定{options.Value.MaxPerPerson}个证照");
            binding = new LicenceBinding { PersonId = personId, LicenceTypeId = type.Id, SortOrder = (held.Max() ?? 0) + 1, BoundAt = time.GetUtcNow() };
            db.Add(binding);
        }
        if (binding.LicenceNumberIndex != index)
        {
            binding.LicenceNumberCipher = protector.Encrypt(licence.LicenceNumber);
            binding.LicenceNumberIndex = index;
            binding.LicenceNumberMasked = SensitiveDataMasker.MaskIdNumber(licence.LicenceNumber);
        }
        binding.HolderMasked = SensitiveDataMasker.MaskName(licence.HolderName);
        binding.Issuer = licence.Issuer;
        binding.ValidFrom = licence.ValidFrom;
        binding.ValidTo = licence.ValidTo;
        binding.FaceImageRefCipher = licence.FaceImageRef is { } face ? protector.Encrypt(face) : null;
        await db.SaveChangesAsync(ct);
        binding.LicenceType = type;
        return binding;
    }

    /// <summary>解除绑定: the row stays (codes shown before verify as revoked), the licence number and face reference go.</summary>
    public async Task UnbindAsync(long personId, long id, CancellationToken ct)
    {
        var binding = await FindAsync(personId, id, ct);
        binding.UnboundAt = time.GetUtcNow();
        binding.LicenceNumberCipher = "";
        binding.LicenceNumberIndex = "";
        binding.FaceImageRefCipher = null;
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<LicenceView>> ReorderAsync(long personId, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var bindings = await Live(personId).ToListAsync(ct);
        if (ids.Count != bindings.Count || ids.Distinct().Count() != ids.Count || !ids.All(id => bindings.Any(b => b.Id == id)))
            throw new ApiException(LicencesErrors.OrderMismatch);
        for (var i = 0; i < ids.Count; i++) bindings.First(b => b.Id == ids[i]).SortOrder = i + 1;
        await db.SaveChangesAsync(ct);
        return bindings.OrderBy(b => b.SortOrder).Select(ToView).ToList();
    }

    /// <summary>出示证照: a short-lived MC1 code whose subject is the binding; not for a licence past its validity.</summary>
    public async Task<LicenceCodeView> CodeAsync(long personId, long id, CancellationToken ct)
    {
        var binding = await FindAsync(personId, id, ct);
        var now = time.GetUtcNow();
        if (LicenceDates.IsExpired(binding.ValidTo, now)) throw new ApiException(LicencesErrors.Expired);
        var (text, claims) = signer.Sign(CodeType.Licence, binding.Id, null, now, TimeSpan.FromSeconds(options.Value.CodeLifetimeSeconds));
        return new LicenceCodeView(binding.Id, binding.LicenceType!.Name, text, claims.ExpiresAt);
    }

    private IQueryable<LicenceBinding> Live(long personId) =>
        db.Set<LicenceBinding>().Include(b => b.LicenceType).Where(b => b.PersonId == personId && b.UnboundAt == null);

    private async Task<LicenceBinding> FindAsync(long personId, long id, CancellationToken ct) =>
        await Live(personId).FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new ApiException(LicencesErrors.NotFound);

    private LicenceView ToView(LicenceBinding b) =>
        new(b.Id, b.LicenceType!.CatalogueCode, b.LicenceType.Name, b.HolderMasked, b.LicenceNumberMasked, b.Issuer, b.ValidFrom, b.ValidTo,
            LicenceDates.IsExpired(b.ValidTo, time.GetUtcNow()), b.LicenceType.IsIdentityCredential, b.FaceImageRefCipher is not null, b.SortOrder, b.BoundAt);
}

/// <summary>Licence validity is in China calendar days (Asia/Shanghai, UTC+8 all year): valid through the whole last day.</summary>
public static class LicenceDates
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static bool IsExpired(DateOnly? validTo, DateTimeOffset now) => validTo is { } to && DateOnly.FromDateTime(now.ToOffset(China).DateTime) > to;

    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), China).ToUniversalTime();
}

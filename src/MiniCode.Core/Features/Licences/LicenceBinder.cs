using MiniCode.Data;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Licences;

/// <summary>
/// 授权关联: binds a licence after the issuer confirmed it belongs to this real-named person (same name), once per
/// person and type and once per licence; binding again is the same binding refreshed. 不授权 stores nothing.
/// </summary>
public sealed class LicenceBinder(MiniCodeDbContext db, ILicenceIssuer issuer, PersonalDataProtector protector, IOptions<LicenceOptions> options,
    TimeProvider time, BusinessCalendar calendar)
{
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
            return new BindLicenceResult(true, LicenceViews.Of(await SaveAsync(personId, type, licence, index, ct), calendar));
        }
        catch (DbUpdateException e) when (!DatabaseFaults.IsUnavailable(e))
        {
            // A parallel bind of the same licence won the unique index: the same answer as binding it once.
            db.ChangeTracker.Clear();
            var mine = await db.LiveLicences(personId).AsNoTracking().FirstOrDefaultAsync(b => b.LicenceTypeId == type.Id && b.LicenceNumberIndex == index, ct);
            return mine is not null ? new BindLicenceResult(true, LicenceViews.Of(mine, calendar)) : throw new ApiException(LicencesErrors.Busy);
        }
    }

    /// <summary>Binds, or refreshes the caller's binding of this type (idempotent: the same id, the issuer's latest facts).</summary>
    private async Task<LicenceBinding> SaveAsync(long personId, LicenceType type, IssuedLicence licence, string index, CancellationToken ct)
    {
        if (await db.Set<LicenceBinding>().AnyAsync(b => b.LicenceNumberIndex == index && b.UnboundAt == null && b.PersonId != personId, ct))
            throw new ApiException(LicencesErrors.BoundElsewhere);
        var binding = await db.LiveLicences(personId).FirstOrDefaultAsync(b => b.LicenceTypeId == type.Id, ct);
        if (binding is null)
        {
            var held = await db.LiveLicences(personId).Select(b => (int?)b.SortOrder).ToListAsync(ct);
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
}

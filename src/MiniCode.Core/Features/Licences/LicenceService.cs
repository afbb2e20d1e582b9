using MiniCode.Data;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.People;
using MiniCode.Features.Rendering;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Licences;

/// <summary>
/// 电子证照 of a real-named person once bound (<see cref="LicenceBinder"/>): the list in the holder's order (排序), detail,
/// the shown code (出示证照) and unbinding (解除绑定). Everything is reached through the caller's own person: another
/// person's binding is "not found".
/// </summary>
public sealed class LicenceService(MiniCodeDbContext db, CodeSigner signer, ServiceCodeMarks marks, IOptions<LicenceOptions> options, TimeProvider time,
    BusinessCalendar calendar)
{
    public async Task<IReadOnlyList<LicenceTypeView>> TypesAsync(CancellationToken ct) =>
        (await db.Set<LicenceType>().AsNoTracking().Where(t => t.Enabled).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct))
        .Select(t => new LicenceTypeView(t.CatalogueCode, t.Name, t.IssuerName, t.Description, t.IsIdentityCredential)).ToList();

    public async Task<IReadOnlyList<LicenceView>> ListAsync(long personId, CancellationToken ct) =>
        (await Live(personId).AsNoTracking().OrderBy(b => b.SortOrder).ThenBy(b => b.Id).ToListAsync(ct)).Select(ToView).ToList();

    public async Task<LicenceView> GetAsync(long personId, long id, CancellationToken ct) => ToView(await FindAsync(personId, id, ct));

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
        if (LicenceDates.IsExpired(binding.ValidTo, calendar)) throw new ApiException(LicencesErrors.Expired);
        var (text, claims) = signer.Sign(CodeType.Licence, binding.Id, null, now, TimeSpan.FromSeconds(options.Value.CodeLifetimeSeconds));
        // The holder's region feeds the rule only when the number is first made.
        var number = binding.CodeNumber ?? await marks.NumberAsync<LicenceBinding>(db, CodeCategories.Licence, binding.Id, null,
            await db.Set<Person>().Where(p => p.Id == personId).Select(p => p.RegionCode).FirstOrDefaultAsync(ct), ct);
        return new LicenceCodeView(binding.Id, binding.LicenceType!.Name, text, claims.ExpiresAt, number, await marks.StyleAsync(CodeCategories.Licence, ct));
    }

    private IQueryable<LicenceBinding> Live(long personId) => db.LiveLicences(personId);


    private async Task<LicenceBinding> FindAsync(long personId, long id, CancellationToken ct) =>
        await Live(personId).FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new ApiException(LicencesErrors.NotFound);

    private LicenceView ToView(LicenceBinding b) => LicenceViews.Of(b, calendar);
}

public static class LicenceViews
{
    /// <summary>The bound licences of a person, with their types.</summary>
    public static IQueryable<LicenceBinding> LiveLicences(this MiniCodeDbContext db, long personId) =>
        db.Set<LicenceBinding>().Include(b => b.LicenceType).Where(b => b.PersonId == personId && b.UnboundAt == null);

    public static LicenceView Of(LicenceBinding b, BusinessCalendar calendar) =>
        new(b.Id, b.LicenceType!.CatalogueCode, b.LicenceType.Name, b.HolderMasked, b.LicenceNumberMasked, b.Issuer, b.ValidFrom, b.ValidTo,
            LicenceDates.IsExpired(b.ValidTo, calendar), b.LicenceType.IsIdentityCredential, b.FaceImageRefCipher is not null, b.SortOrder, b.BoundAt);
}

/// <summary>Licence validity is in business calendar days: valid through the whole last day.</summary>
public static class LicenceDates
{
    public static bool IsExpired(DateOnly? validTo, BusinessCalendar calendar) => validTo is { } to && calendar.Today() > to;
}

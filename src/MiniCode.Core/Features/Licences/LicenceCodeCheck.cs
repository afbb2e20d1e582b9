using MiniCode.Data;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.People;

namespace MiniCode.Features.Licences;

/// <summary>
/// 验码 of a licence code: live while the binding is bound and the licence within its validity. The counter sees the
/// licence type, the masked holder and licence number, the issuing office and the validity — also when it is not live
/// (state <c>unbound</c> or <c>expired</c>), so it learns why.
/// </summary>
public sealed class LicenceCodeCheck(MiniCodeDbContext db, BusinessCalendar calendar) : ISubjectCodeCheck
{
    public CodeType Type => CodeType.Licence;

    public async Task<SubjectCodeState> CheckAsync(CodeClaims claims, CancellationToken cancellationToken)
    {
        if (claims.SubjectId > long.MaxValue) return new SubjectCodeState(false, null, null);
        var id = (long)claims.SubjectId;
        var found = await db.Set<LicenceBinding>().AsNoTracking().Where(b => b.Id == id)
            .Select(b => new { Binding = b, TypeName = b.LicenceType!.Name, Region = db.Set<Person>().Where(p => p.Id == b.PersonId).Select(p => p.RegionCode).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null) return new SubjectCodeState(false, null, null);
        var b = found.Binding;
        var state = b.UnboundAt is not null ? "unbound" : LicenceDates.IsExpired(b.ValidTo, calendar) ? "expired" : "active";
        var subject = new CodeSubjectView(found.TypeName, b.HolderMasked, state, calendar.StartOfDay(b.ValidFrom),
            b.ValidTo is { } to ? calendar.StartOfDay(to.AddDays(1)) : null,
            [
                new CodeSubjectFact("licenceNumber", "证照编号", b.LicenceNumberMasked),
                new CodeSubjectFact("issuer", "签发机构", b.Issuer),
            ]);
        return new SubjectCodeState(state == "active", found.Region, subject);
    }
}

using MiniCode.Data;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Rendering;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Features.Errands;

/// <summary>
/// 授权码: the grantee shows a short-lived signed code (type authorisation, subjectId = the authorisation's id) only on a
/// day of an accepted authorisation, after the same face check as the own code when that is required. The code never
/// outlives the last day.
/// </summary>
public sealed class AuthorisationCodes(MiniCodeDbContext db, AuthorisationService authorisations, CodeSigner signer, IFaceCheckGate faceCheck,
    CodeUsageCounters counters, ServiceCodeMarks marks, IOptions<ErrandOptions> options, TimeProvider time, BusinessCalendar calendar)
{
    public async Task<AuthorisationCodeView> ShowAsync(CodeViewer viewer, long id, CancellationToken ct)
    {
        var personId = viewer.HolderPersonId;
        var o = options.Value;
        var row = await authorisations.ReceivedRowAsync(personId, id, ct);
        var now = time.GetUtcNow();
        if (!AuthorisationStates.InEffect(row, calendar.DayOf(now))) throw new ApiException(ErrandsErrors.CodeUnavailable);
        if (!await faceCheck.AllowsAsync(viewer, personId, ct)) throw new ApiException(HealthCodeErrors.FaceCheckRequired);
        var untilDayEnds = calendar.StartOfDay(row.ValidTo.AddDays(1)) - now;
        var lifetime = TimeSpan.FromSeconds(Math.Max(1, Math.Min(o.CodeSeconds, Math.Floor(untilDayEnds.TotalSeconds))));
        var (text, claims) = signer.Sign(CodeType.Authorisation, row.Id, null, now, lifetime);
        counters.Increment(CodeType.Authorisation, row.RegionCode, CodeUsage.Shown);
        var number = await marks.NumberAsync<ErrandAuthorisation>(db, CodeCategories.Authorisation, row.Id, row.CodeNumber, row.RegionCode, ct);
        return new AuthorisationCodeView(text, row.Id, row.MatterName, SensitiveDataMasker.MaskName(row.Grantor!.Name), row.ValidFrom, row.ValidTo,
            claims.IssuedAt, claims.ExpiresAt, number, await marks.StyleAsync(CodeCategories.Authorisation, ct));
    }

    public byte[] Png(AuthorisationCodeView code) => marks.Png(code, options.Value.PngPixelsPerModule);

    public string Svg(AuthorisationCodeView code) => marks.Svg(code, options.Value.PngPixelsPerModule);
}

/// <summary>
/// 验码 of an authorisation code: live only while accepted and today is one of its days; the counter sees the grantor and
/// grantee masked, the matter, the dates and the state (also when not live, so it learns why).
/// </summary>
internal sealed class AuthorisationCodeCheck(MiniCodeDbContext db, BusinessCalendar calendar) : ISubjectCodeCheck
{
    public CodeType Type => CodeType.Authorisation;

    public async Task<SubjectCodeState> CheckAsync(CodeClaims claims, CancellationToken cancellationToken)
    {
        var id = checked((long)claims.SubjectId);
        var a = await db.Set<ErrandAuthorisation>().AsNoTracking().Include(x => x.Grantor).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (a is null) return new SubjectCodeState(false, null, null);
        var today = calendar.Today();
        var (state, endReason) = AuthorisationStates.Of(a, today);
        var label = AuthorisationStates.Label(state);
        var grantor = SensitiveDataMasker.MaskName(a.Grantor!.Name);
        var view = new CodeSubjectView(a.MatterName, a.GranteeNameMasked, state, calendar.StartOfDay(a.ValidFrom), calendar.StartOfDay(a.ValidTo.AddDays(1)),
        [
            new("grantor", "授权人", grantor),
            new("grantee", "被授权人", a.GranteeNameMasked),
            new("granteeDocument", "被授权人证件号码", a.GranteeDocumentMasked),
            new("matter", "授权事项", a.MatterName),
            new("dates", "授权日期", AuthorisationStates.Dates(a)),
            new("state", "授权状态", endReason == AuthorisationStates.Revoked ? label + "（已撤销）" : label),
        ]);
        return new SubjectCodeState(AuthorisationStates.InEffect(a, today), a.RegionCode, view);
    }
}

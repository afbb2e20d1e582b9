using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.Organisations;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Posters;

/// <summary>Apply for (申领) a poster code; the contact phone is a mainland mobile or a landline such as 0431-88881234.</summary>
public sealed record PosterRequest(PosterKind? Kind, string? VenueName, string? Address, string? RegionCode, VenueType? VenueType,
    string? ContactName, string? ContactPhone) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) => v
        .Check(Kind is not null, "kind", "请选择个人或机构张贴码")
        .Required(VenueName, "venueName", "场所名称", 40)
        .Required(Address, "address", "场所地址", 200)
        .Check(RegionCodes.IsValid(RegionCode), "regionCode", "行政区划代码须为6位数字")
        .Check(VenueType is not null, "venueType", "请选择场所类型")
        .Required(ContactName, "contactName", "负责人姓名", 50)
        .Check(PosterService.NormalisePhone(ContactPhone) is not null, "contactPhone", "联系电话格式不正确");
}

public sealed record VenueView(long PosterId, string VenueName, string Address, string RegionCode, VenueType VenueType, PosterKind Kind);

public sealed record PosterSummary(long Id, PosterKind Kind, string VenueName, string Address, string RegionCode, VenueType VenueType,
    string ContactName, string ContactPhoneMasked, DateTimeOffset CreatedAt, int Generation, DateTimeOffset ExpiresAt, string Status);

/// <summary>A poster with what printing needs: the signed payload, the mini-program scene and the download links.</summary>
public sealed record PosterView(PosterSummary Poster, string Payload, string Scene, DateTimeOffset IssuedAt,
    IReadOnlyList<PreviousGeneration> StillValidPrevious, PosterLinks Links);

public sealed record PreviousGeneration(int Generation, DateTimeOffset ValidUntil);

public sealed record PosterLinks(string Png, string Svg, string Pdf, string WeChatCode, string AlipayCode, string CheckIns, string CheckInsCsv);

public sealed record PosterList(IReadOnlyList<PosterSummary> Items, int Total);

public sealed record AlipayCodeView(string QrCodeUrl, string Scene);

/// <summary>Scan a poster: <c>payload</c> is the printed code's text (<c>MC1:…</c>) or the mini-program code's scene
/// (<c>P&lt;id&gt;.&lt;token&gt;</c>); <c>relativeId</c> names one of the holder's relatives (as listed by <c>/api/me/relatives</c>), omitted for oneself.</summary>
public sealed record CheckInRequest(string? Payload, long? RelativeId) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) => v.Required(Payload, "payload", "扫码内容", 500);
}

public sealed record CheckInView(long CheckInId, VenueView Venue, string MaskedName, HealthColor Color, DateTimeOffset CheckedInAt,
    DateTimeOffset LastScanAt, int ScanCount, bool Repeated, int RetentionDays, string RetentionNotice);

public sealed record MyCheckIn(long CheckInId, VenueView Venue, string MaskedName, DateTimeOffset CheckedInAt, int ScanCount);

public sealed record MyCheckIns(IReadOnlyList<MyCheckIn> Items, int RetentionDays, string RetentionNotice);

/// <summary>A visitor as the venue owner sees them: name and phone masked.</summary>
public sealed record OwnerCheckIn(long CheckInId, string MaskedName, string MaskedPhone, DateTimeOffset CheckedInAt, DateTimeOffset LastScanAt, int ScanCount);

public sealed record OwnerCheckIns(IReadOnlyList<OwnerCheckIn> Items, int Total, int Page, int PageSize);

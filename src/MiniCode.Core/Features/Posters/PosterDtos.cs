using MiniCode.Features.HealthCodes.Engine;

namespace MiniCode.Features.Posters;

/// <summary>Apply for (申领) a poster code; the contact phone is a mainland mobile or a landline such as 0431-88881234.</summary>
public sealed record PosterRequest(PosterKind? Kind, string? VenueName, string? Address, string? RegionCode, VenueType? VenueType,
    string? ContactName, string? ContactPhone);

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
public sealed record CheckInRequest(string? Payload, long? RelativeId);

public sealed record CheckInView(long CheckInId, VenueView Venue, string MaskedName, HealthColor Color, DateTimeOffset CheckedInAt,
    DateTimeOffset LastScanAt, int ScanCount, bool Repeated, int RetentionDays, string RetentionNotice);

public sealed record MyCheckIn(long CheckInId, VenueView Venue, string MaskedName, DateTimeOffset CheckedInAt, int ScanCount);

public sealed record MyCheckIns(IReadOnlyList<MyCheckIn> Items, int RetentionDays, string RetentionNotice);

/// <summary>A visitor as the venue owner sees them: name and phone masked.</summary>
public sealed record OwnerCheckIn(long CheckInId, string MaskedName, string MaskedPhone, DateTimeOffset CheckedInAt, DateTimeOffset LastScanAt, int ScanCount);

public sealed record OwnerCheckIns(IReadOnlyList<OwnerCheckIn> Items, int Total, int Page, int PageSize);

using MiniCode.Features.HealthCodes.Applications;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Organisations;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Posters;

/// <summary>
/// 张贴码 through the generation API: a venue system's own venues are the posters it registered
/// (<see cref="Poster.OwnerApplicationId"/> and its <see cref="Poster.ApplicationSubjectRef"/>); they have no owner account,
/// so they never appear in a citizen's list. The answer is the venue's current generation.
/// </summary>
internal sealed class PosterApplicationIssuer(PosterService posters) : IApplicationCodeIssuer
{
    public string Category => CodeCategories.Poster;

    public async Task<GeneratedCode> IssueAsync(ApplicationGrant application, GenerateCodeRequest request, CancellationToken ct)
    {
        var (poster, current, created) = await posters.ForApplicationAsync(application.Id, request.SubjectRef!, () => Venue(request.Subject), ct);
        return new GeneratedCode(Category, request.SubjectRef!, poster.Id, current.Payload, current.IssuedAt, current.ExpiresAt, created);
    }

    private static PosterRequest Venue(GenerateSubject? s)
    {
        VenueType? type = Enum.TryParse<VenueType>(s?.VenueType, ignoreCase: true, out var t) && Enum.IsDefined(t) ? t : null;
        var venue = new PosterRequest(PosterKind.Institution, s?.Name, s?.Address, s?.RegionCode, type, s?.ContactName, s?.ContactPhone);
        var v = new InputValidator().Check(s is not null, "subject", "首次生码须提供主体信息");
        if (s is not null) venue.Validate(v, null!);
        // The venue's fields answer under subject.*, as the caller sent them.
        var errors = v.Errors.ToDictionary(e => e.Key == "subject" ? e.Key : "subject." + (e.Key == "venueName" ? "name" : e.Key), e => e.Value);
        if (errors.Count > 0) throw new ApiException(CommonErrors.ValidationFailed, extensions: new Dictionary<string, object?> { ["errors"] = errors });
        return venue;
    }
}

using System.Security.Claims;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.HealthCodes.Appeals;

/// <summary>The citizen's side of 纠错 under <c>/api/me</c>; staff act through <see cref="AppealService"/> / <see cref="OverrideService"/> in the admin.</summary>
public static class AppealsApi
{
    public static RouteGroupBuilder MapAppealsApi(this RouteGroupBuilder me)
    {
        me.MapPost("/appeals", File).ProducesErrors(CommonErrors.ValidationFailed);
        me.MapGet("/appeals", Mine);
        return me;
    }

    private static async Task<Created<AppealView>> File(ClaimsPrincipal user, AppealRequest body, AppealService appeals, CancellationToken ct)
    {
        var view = await appeals.FileAsync(user.PersonIdOrThrow(), user.AccountId(), body, ct);
        return TypedResults.Created($"/api/me/appeals/{view.Id}", view);
    }

    private static async Task<Ok<IReadOnlyList<AppealView>>> Mine(ClaimsPrincipal user, AppealService appeals, CancellationToken ct) =>
        TypedResults.Ok(await appeals.ListMineAsync(user.PersonIdOrThrow(), ct));
}

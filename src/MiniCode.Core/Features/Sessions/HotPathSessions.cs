using MiniCode.Features.People;

namespace MiniCode.Features.Sessions;

/// <summary>
/// The session check of a hot path (<see cref="Infrastructure.Endpoints.HotPath"/>): the bearer session the
/// authentication handler would accept, without building a principal. Only a valid session of the kind the endpoint's
/// policy admits is answered; anything else (no token, a refused session, another kind) is null, and the full
/// pipeline answers it with its own 401 or 403.
/// </summary>
public static class HotPathSessions
{
    /// <summary>The request's valid session of an account of <paramref name="kind"/>, or null.</summary>
    public static async ValueTask<SessionSnapshot?> ValidSessionAsync(HttpContext http, AccountKind kind)
    {
        if (SessionAuthenticationHandler.TokenOf(http.Request.Headers.Authorization.ToString()) is not { } token) return null;
        var validation = await http.RequestServices.GetRequiredService<SessionService>().ValidateAsync(token, http.RequestAborted);
        return validation.Outcome == SessionService.Outcome.Valid && validation.Session is { } session && session.Kind == kind ? session : null;
    }
}

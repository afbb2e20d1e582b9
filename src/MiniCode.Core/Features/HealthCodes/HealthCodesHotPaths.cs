using MiniCode.Features.HealthCodes.Applications;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.People;
using MiniCode.Features.Rendering;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.HealthCodes;

/// <summary>
/// The lean handlers (<see cref="HotPath"/>) of show-code and verify: the caller is checked from the same caches the
/// authentication handlers use, without building a principal, and the endpoint's own code answers. A caller the
/// policy would not admit as the plain case (none, refused, of another kind, two credentials at once) and a body
/// that does not read as a valid request are handed on untouched, so the full pipeline answers them as it always did.
/// </summary>
internal static class HealthCodesHotPaths
{
    /// <summary>亮码 for a real-named citizen's valid session.</summary>
    public static async ValueTask<bool> ShowCodeAsync(HttpContext http)
    {
        if (await HotPathSessions.ValidSessionAsync(http, AccountKind.Citizen) is not { PersonId: { } personId } session) return false;
        var code = await http.RequestServices.GetRequiredService<ShowCodeService>().ShowAsync(new CodeViewer(personId, session.Id), personId, http.RequestAborted);
        CodeImages.NoStore(http);
        await http.Response.WriteAsJsonAsync(code, HotPaths.JsonOf<CodeView>(http));
        return true;
    }

    /// <summary>验码 by a registered application's key or a scanner's session (one of them, not both).</summary>
    public static async ValueTask<bool> VerifyAsync(HttpContext http)
    {
        var headers = http.Request.Headers;
        var services = http.RequestServices;
        string principal;
        ApplicationGrant? grant = null;
        if (headers.TryGetValue(ApiKeyAuthenticationHandler.Header, out var key))
        {
            if (headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Authorization) || services.GetRequiredService<ApiKeyRegistry>().IsAuthority(key.ToString())) return false;
            if ((grant = await services.GetRequiredService<ApplicationDirectory>().FindAsync(key.ToString(), http.RequestAborted)) is null) return false;
            principal = VerifyRateLimits.ApplicationKey(grant.StatisticsKey);
        }
        else if (await HotPathSessions.ValidSessionAsync(http, AccountKind.Scanner) is { } scanner)
            principal = VerifyRateLimits.AccountKey(scanner.AccountIdText);
        else return false;

        if (await HotPaths.PeekJsonAsync(http, HotPaths.JsonOf<HealthCodesApi.VerifyRequest>(http), MaxBodyBytes, static (body, http) => RequestValidation.IsValid(body, http.RequestServices)) is not { } body) return false;
        services.GetRequiredService<VerifyRateLimits>().Admit(principal);
        if (grant is not null) http.Features.Set(grant);
        var answer = await HealthCodesApi.Verify(body, services.GetRequiredService<HealthCodeVerifier>(), services.GetRequiredService<IForeignCodeVerifier>(),
            services.GetRequiredService<ApplicationGate>(), services.GetRequiredService<ICodeTagDisclosure>(), http, http.RequestAborted);
        await http.Response.WriteAsJsonAsync(answer.Value!, HotPaths.JsonOf<HealthCodesApi.VerifyResponse>(http));
        return true;
    }

    /// <summary>A verify body is a payload of at most 1,000 characters in a small JSON object; a larger one is handed on.</summary>
    private const int MaxBodyBytes = 8 * 1024;
}

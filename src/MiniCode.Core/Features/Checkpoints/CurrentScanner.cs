using System.Reflection;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Checkpoints;

/// <summary>
/// The scanner behind the request's session, bound once as a handler parameter (403 <c>checkpoint.profile_missing</c>
/// when the account has no scanner profile), so no handler looks it up itself.
/// </summary>
public sealed record CurrentScanner(ScannerProfile Profile, long SessionId)
{
    /// <summary>What binding can answer; declared on every endpoint that takes a <see cref="CurrentScanner"/>.</summary>
    public static readonly IReadOnlyList<ErrorCode> Errors = [CheckpointErrors.ProfileMissing];

    public static async ValueTask<CurrentScanner?> BindAsync(HttpContext http, ParameterInfo parameter)
    {
        var scanners = http.RequestServices.GetRequiredService<ScannerDirectory>();
        return new CurrentScanner(await scanners.CurrentAsync(http.User.AccountId(), http.RequestAborted), http.User.SessionIdOf());
    }
}

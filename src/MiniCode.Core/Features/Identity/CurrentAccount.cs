using System.Reflection;
using MiniCode.Features.People;
using MiniCode.Features.Sessions;

namespace MiniCode.Features.Identity;

/// <summary>
/// The account behind the request's session, loaded (tracked, with its person) once as a handler parameter, so no
/// handler looks it up itself. A session whose account is gone answers 401 <c>auth.session_invalid</c>.
/// </summary>
public sealed record CurrentAccount(Account Account)
{
    public static async ValueTask<CurrentAccount?> BindAsync(HttpContext http, ParameterInfo parameter) =>
        new(await http.RequestServices.GetRequiredService<AccountDirectory>().CurrentAsync(http.User.AccountId(), http.RequestAborted));
}

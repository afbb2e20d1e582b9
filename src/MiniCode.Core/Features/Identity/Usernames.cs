using System.Text.RegularExpressions;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Identity;

/// <summary>Usernames start with a letter (so they are never confused with phone numbers): 4–30 letters, digits or underscores.</summary>
public static partial class Usernames
{
    public static void Validate(string username, InputValidator v) =>
        v.Check(Pattern().IsMatch(username), "username", "用户名须以字母开头，4到30位字母、数字或下划线");

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{3,29}$")]
    private static partial Regex Pattern();
}

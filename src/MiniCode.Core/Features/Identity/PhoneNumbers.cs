using System.Text.RegularExpressions;

namespace MiniCode.Features.Identity;

/// <summary>Mainland mobile numbers: 11 ASCII digits (full-width digits are refused) starting 13–19; a leading +86/86 is accepted and removed.</summary>
public static partial class PhoneNumbers
{
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var s = input.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (s.StartsWith("+86", StringComparison.Ordinal)) s = s[3..];
        else if (s.Length == 13 && s.StartsWith("86", StringComparison.Ordinal)) s = s[2..];
        return Mobile().IsMatch(s) ? s : null;
    }

    [GeneratedRegex(@"^1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();
}

using System.Globalization;

namespace MiniCode.Features.People;

/// <summary>GB 11643-1999 resident identity numbers: 6-digit region, 8-digit birth date, 3-digit sequence, check digit.</summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    public static char CheckDigit(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    /// <summary>Structure, check digit and a real calendar birth date not in the future and not before 1900.</summary>
    public static bool IsValid(string? value, DateOnly today, out DateOnly birthDate)
    {
        birthDate = default;
        if (value is not { Length: 18 }) return false;
        var id = value.ToUpperInvariant();
        for (var i = 0; i < 17; i++) if (!char.IsAsciiDigit(id[i])) return false;
        if (id[17] != CheckDigit(id.AsSpan(0, 17))) return false;
        if (!DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate)) return false;
        return birthDate.Year >= 1900 && birthDate <= today;
    }

    /// <summary>"M" when the sequence's last digit is odd, otherwise "F".</summary>
    public static string Gender(string id) => (id[16] - '0') % 2 == 1 ? "M" : "F";

    /// <summary>Builds a valid number (tests, simulators): region, birth date and sequence, with its check digit.</summary>
    public static string Make(string region, DateOnly birth, int sequence)
    {
        var first17 = region + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + CheckDigit(first17);
    }
}

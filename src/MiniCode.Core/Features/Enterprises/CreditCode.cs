namespace MiniCode.Features.Enterprises;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and A-Y without I, O, S, V, Z: the registering authority (1),
/// the kind of organisation (1), the registering authority's region code (6 digits, GB/T 2260), the organisation code (9)
/// and a check character computed over the first 17 with weights 3^i mod 31.
/// </summary>
public static class CreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The code upper-cased and trimmed, or null when it is not a valid GB 32100 code.</summary>
    public static string? Normalise(string? input)
    {
        var code = input?.Trim().ToUpperInvariant();
        if (code is not { Length: 18 } || !code.All(c => Alphabet.Contains(c))) return null;
        if (!code.AsSpan(2, 6).ToString().All(char.IsAsciiDigit)) return null;
        return CheckCharacter(code.AsSpan(0, 17)) == code[17] ? code : null;
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>The registering authority's region (characters 3–8).</summary>
    public static string RegionOf(string code) => code.Substring(2, 6);
}

namespace MiniCode.Features.CodeEngine;

/// <summary>The check character a numbering rule appends to a code number.</summary>
public enum CheckAlgorithm
{
    None = 0,
    /// <summary>ISO/IEC 7064 MOD 37,36 (hybrid system over 0–9 A–Z, one alphanumeric check character): detects every
    /// single substitution and every transposition of adjacent characters. Used by GRid and ISAN.</summary>
    Iso7064Mod37_36 = 1,
}

/// <summary>ISO/IEC 7064 hybrid system MOD 37,36 for code numbers (码编号).</summary>
public static class CheckCharacters
{
    private const int M = 36;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>The check character of <paramref name="text"/> (digits and upper-case ASCII letters only).</summary>
    public static char Mod37_36(string text)
    {
        var product = M;
        foreach (var c in text)
        {
            var sum = (product + ValueOf(c)) % M;
            if (sum == 0) sum = M;
            product = sum * 2 % (M + 1);
        }
        return Alphabet[(M + 1 - product) % M];
    }

    /// <summary>Whether the last character of <paramref name="number"/> is the MOD 37,36 check character of the rest.</summary>
    public static bool IsValidMod37_36(string number) =>
        number.Length >= 2 && number[..^1].All(IsAllowed) && Mod37_36(number[..^1]) == number[^1];

    public static bool IsAllowed(char c) => c is >= '0' and <= '9' or >= 'A' and <= 'Z';

    private static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => throw new ArgumentException($"'{c}' is not in the MOD 37,36 alphabet (0-9, A-Z).", nameof(c)),
    };
}

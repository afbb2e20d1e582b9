using System.Numerics;

namespace MiniCode.Features.HealthCodes.Signing;

/// <summary>
/// ECDSA signatures are malleable: with (r, s) valid, (r, n − s) is valid too, which would give a second text for one
/// code. MiniCode signs with s ≤ n/2 only ("low-S", as Bitcoin's BIP 62 and many JOSE libraries) and every verifier
/// refuses a signature with a high s, so each code has exactly one valid text (miniprogram-contracts/qr-payload.md).
/// </summary>
public static class EcdsaLowS
{
    /// <summary>The order n of the P-256 group.</summary>
    private static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber);
    private static readonly BigInteger HalfOrder = Order / 2;

    private static BigInteger S(ReadOnlySpan<byte> signature) => new(signature[32..], isUnsigned: true, isBigEndian: true);

    /// <summary>Whether the P1363 signature r‖s (64 bytes) has s ≤ n/2.</summary>
    public static bool IsLowS(ReadOnlySpan<byte> signature) => signature.Length == 64 && S(signature) <= HalfOrder;

    /// <summary>Replaces a high s by n − s in place; the signature stays valid for the same data and key.</summary>
    public static void Normalise(Span<byte> signature)
    {
        if (!IsLowS(signature)) Twin(signature).CopyTo(signature);
    }

    /// <summary>The other valid signature for the same data (r, n − s): what a forger would try; for tests and vectors.</summary>
    public static byte[] Twin(ReadOnlySpan<byte> signature)
    {
        var twin = signature.ToArray();
        var flipped = (Order - S(signature)).ToByteArray(isUnsigned: true, isBigEndian: true);
        twin.AsSpan(32).Clear();
        flipped.CopyTo(twin.AsSpan(64 - flipped.Length));
        return twin;
    }
}

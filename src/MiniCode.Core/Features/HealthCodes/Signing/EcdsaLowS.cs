using System.Numerics;

namespace MiniCode.Features.HealthCodes.Signing;

/// <summary>
/// ECDSA signatures are malleable: with (r, s) valid, (r, n − s) is valid too, which would give a second text for one
/// code. MiniCode signs with s ≤ n/2 only ("low-S", as Bitcoin's BIP 62 and many JOSE libraries) and every verifier
/// refuses a signature with a high s, so each code has exactly one valid text (miniprogram-contracts/qr-payload.md).
/// </summary>
public static class EcdsaLowS
{
    /// <summary>The order n of the P-256 group and n/2, big-endian: compared and subtracted bytewise, no allocation.</summary>
    private static readonly byte[] Order = Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
    private static readonly byte[] HalfOrder =
        (new BigInteger(Order, isUnsigned: true, isBigEndian: true) / 2).ToByteArray(isUnsigned: true, isBigEndian: true);

    /// <summary>Whether the P1363 signature r‖s (64 bytes) has s ≤ n/2 (equal-length big-endian bytes compare as numbers).</summary>
    public static bool IsLowS(ReadOnlySpan<byte> signature) => signature.Length == 64 && signature[32..].SequenceCompareTo(HalfOrder) <= 0;

    /// <summary>Replaces a high s by n − s in place; the signature stays valid for the same data and key.</summary>
    public static void Normalise(Span<byte> signature)
    {
        if (!IsLowS(signature)) FlipS(signature[32..]);
    }

    /// <summary>The other valid signature for the same data (r, n − s): what a forger would try; for tests and vectors.</summary>
    public static byte[] Twin(ReadOnlySpan<byte> signature)
    {
        var twin = signature.ToArray();
        FlipS(twin.AsSpan(32));
        return twin;
    }

    // s := n − s, big-endian with borrow (0 < s < n for a valid signature).
    private static void FlipS(Span<byte> s)
    {
        var borrow = 0;
        for (var i = 31; i >= 0; i--)
        {
            var d = Order[i] - s[i] - borrow;
            borrow = d < 0 ? 1 : 0;
            s[i] = (byte)(d + (borrow << 8));
        }
    }
}

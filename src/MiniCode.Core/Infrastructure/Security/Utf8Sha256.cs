using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace MiniCode.Infrastructure.Security;

/// <summary>SHA-256 of a text's UTF-8 bytes without a heap buffer: session tokens and API keys are hashed on every request.</summary>
internal static class Utf8Sha256
{
    private const int OnStack = 512;

    public static void Hash(string text, Span<byte> hash)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        Span<byte> utf8 = max <= OnStack ? stackalloc byte[OnStack] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(text, utf8)], hash);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }
}

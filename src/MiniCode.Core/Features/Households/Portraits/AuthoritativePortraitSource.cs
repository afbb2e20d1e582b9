using System.IO.Compression;
using MiniCode.Features.People;

namespace MiniCode.Features.Households.Portraits;

public enum PortraitFetchOutcome { Found, NotFound, Unavailable }

public sealed record PortraitFetchResult(PortraitFetchOutcome Outcome, byte[]? Image);

/// <summary>
/// The authoritative source of a first portrait (the public-security photo service of a province, or the platform's
/// certified identity service). The result goes through the same checks as an upload.
/// </summary>
public interface IAuthoritativePortraitSource
{
    Task<PortraitFetchResult> FetchAsync(string name, DocumentType documentType, string documentNumber, CancellationToken ct);
}

/// <summary>Without a configured source (and outside the simulator) fetching fails closed: upload instead.</summary>
public sealed class UnconfiguredPortraitSource : IAuthoritativePortraitSource
{
    public Task<PortraitFetchResult> FetchAsync(string name, DocumentType documentType, string documentNumber, CancellationToken ct) =>
        Task.FromResult(new PortraitFetchResult(PortraitFetchOutcome.Unavailable, null));
}

/// <summary>
/// Simulator: a resident ID whose sequence (digits 15-17) is 999 finds the source unavailable, 998 has no photo, other
/// resident IDs get a generated grey PNG; other documents have no photo.
/// </summary>
public sealed class SimulatorPortraitSource : IAuthoritativePortraitSource
{
    public Task<PortraitFetchResult> FetchAsync(string name, DocumentType documentType, string documentNumber, CancellationToken ct)
    {
        if (documentType != DocumentType.ResidentId || documentNumber.Length != 18 || documentNumber[14..17] == "998")
            return Task.FromResult(new PortraitFetchResult(PortraitFetchOutcome.NotFound, null));
        if (documentNumber[14..17] == "999") return Task.FromResult(new PortraitFetchResult(PortraitFetchOutcome.Unavailable, null));
        return Task.FromResult(new PortraitFetchResult(PortraitFetchOutcome.Found, SimplePng.Gray(240, 320, (x, y) => (byte)(96 + (x + y) % 128))));
    }
}

/// <summary>A minimal PNG encoder (8-bit greyscale) for simulated photos; no image library is on our feed.</summary>
public static class SimplePng
{
    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    public static byte[] Gray(int width, int height, Func<int, int, byte> pixel)
    {
        var raw = new byte[(width + 1) * height];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = pixel(x, y);
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) z.Write(raw);
        var ihdr = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth; colour type 0 (grey), compression/filter/interlace 0
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static void Chunk(Stream s, string type, byte[] data)
    {
        var header = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, header.AsSpan(4));
        s.Write(header);
        s.Write(data);
        var crc = 0xFFFFFFFFu;
        foreach (var b in header.AsSpan(4).ToArray().Concat(data)) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        var tail = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(tail, crc ^ 0xFFFFFFFFu);
        s.Write(tail);
    }
}

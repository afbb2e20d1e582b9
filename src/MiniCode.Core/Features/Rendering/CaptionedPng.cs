using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MiniCode.Features.Rendering;

/// <summary>Where a caption sits in the band under a QR of <c>Width</c> pixels: glyph scale, first glyph's corner, band height.</summary>
public sealed record CaptionLayout(int Scale, int Left, int Top, int Band)
{
    public static CaptionLayout For(int width, int qrHeight, int length, int pixelsPerModule)
    {
        var room = Math.Max(1, width - 2 * pixelsPerModule);
        var scale = Math.Clamp(room / Math.Max(1, length * CaptionFont.Advance), 1, Math.Max(1, pixelsPerModule));
        var textWidth = length * CaptionFont.Advance * scale - scale;
        return new CaptionLayout(scale, Math.Max(0, (width - textWidth) / 2), qrHeight + scale, (CaptionFont.Height + 2) * scale);
    }
}

/// <summary>
/// A palette PNG of a QR module matrix with the code number in a band below it (palette entry 0 = dark, 1 = light,
/// as QRCoder writes them). Drawn in process: the live code's PNG is a hot path, so no converter process per image.
/// </summary>
public static class CaptionedPng
{
    public static byte[] Render(bool[,] modules, int pixelsPerModule, byte[] dark, byte[] light, string caption)
    {
        var size = modules.GetLength(0);
        var width = size * pixelsPerModule;
        var layout = CaptionLayout.For(width, width, caption.Length, pixelsPerModule);
        var height = width + layout.Band;
        var pixels = new byte[height, width];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                pixels[y, x] = y < width && modules[y / pixelsPerModule, x / pixelsPerModule] ? (byte)0 : (byte)1;
        for (var i = 0; i < caption.Length; i++)
            for (var gy = 0; gy < CaptionFont.Height; gy++)
                for (var gx = 0; gx < CaptionFont.Width; gx++)
                {
                    if (!CaptionFont.Inked(caption[i], gx, gy)) continue;
                    var left = layout.Left + (i * CaptionFont.Advance + gx) * layout.Scale;
                    var top = layout.Top + gy * layout.Scale;
                    for (var dy = 0; dy < layout.Scale; dy++)
                        for (var dx = 0; dx < layout.Scale && left + dx < width; dx++) pixels[top + dy, left + dx] = 0;
                }
        return Encode(pixels, dark, light);
    }

    private static byte[] Encode(byte[,] pixels, byte[] dark, byte[] light)
    {
        int height = pixels.GetLength(0), width = pixels.GetLength(1);
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 3; // indexed colour
        Chunk(png, "IHDR", header);
        Chunk(png, "PLTE", [.. dark, .. light]);
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[width + 1]; // filter byte 0 (none), then the row's palette indices
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++) row[x + 1] = pixels[y, x];
                z.Write(row);
            }
        }
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc32(byte[] bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}

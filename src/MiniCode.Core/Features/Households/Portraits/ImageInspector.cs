using System.Buffers.Binary;

namespace MiniCode.Features.Households.Portraits;

/// <summary>A checked image: its real type (from the bytes), its size from the header, and the bytes without metadata.</summary>
public sealed record InspectedImage(string ContentType, string Extension, int Width, int Height, byte[] Cleaned);

/// <summary>
/// Recognises JPEG and PNG by their magic bytes (never by file name or declared type), reads the dimensions from the
/// header, and removes metadata that may hold personal data: JPEG APP1..APP15 (EXIF with GPS, XMP, ...) and comment
/// segments; every PNG chunk except the image data and colour information (text, EXIF and time chunks go).
/// No pixel is decoded.
/// </summary>
public static class ImageInspector
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly HashSet<string> PngKeptChunks = ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs"];

    public static InspectedImage? Inspect(byte[] data)
    {
        if (data.Length > 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return Jpeg(data);
        if (data.AsSpan().StartsWith(PngSignature)) return Png(data);
        return null;
    }

    private static InspectedImage? Jpeg(byte[] data)
    {
        var output = new MemoryStream(data.Length);
        output.Write(data, 0, 2);
        int width = 0, height = 0, pos = 2;
        while (pos + 4 <= data.Length)
        {
            if (data[pos] != 0xFF) return null;
            var marker = data[pos + 1];
            if (marker == 0xFF) { pos++; continue; } // fill byte
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7)) return null; // no standalone markers before the scan
            var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(pos + 2));
            if (length < 2 || pos + 2 + length > data.Length) return null;
            if (marker == 0xDA)
            {
                if (width == 0) return null;
                var end = LastIndexOfEoi(data, pos + 2 + length);
                if (end < 0) return null;
                output.Write(data, pos, end + 2 - pos); // scan header, entropy-coded data and EOI; trailing bytes dropped
                return new InspectedImage("image/jpeg", ".jpg", width, height, output.ToArray());
            }
            if (IsStartOfFrame(marker))
            {
                if (length < 8) return null;
                height = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(pos + 5));
                width = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(pos + 7));
                if (width == 0 || height == 0) return null;
            }
            var metadata = marker is >= 0xE1 and <= 0xEF or 0xFE;
            if (!metadata) output.Write(data, pos, 2 + length);
            pos += 2 + length;
        }
        return null;
    }

    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    private static int LastIndexOfEoi(byte[] data, int from)
    {
        for (var i = data.Length - 2; i >= from; i--)
            if (data[i] == 0xFF && data[i + 1] == 0xD9) return i;
        return -1;
    }

    private static InspectedImage? Png(byte[] data)
    {
        var output = new MemoryStream(data.Length);
        output.Write(PngSignature);
        int width = 0, height = 0, pos = PngSignature.Length;
        var first = true;
        while (pos + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(pos));
            if (length > int.MaxValue || pos + 12 + (long)length > data.Length) return null;
            var type = System.Text.Encoding.ASCII.GetString(data, pos + 4, 4);
            if (first)
            {
                if (type != "IHDR" || length != 13) return null;
                width = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(pos + 8)));
                height = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(pos + 12)));
                if (width <= 0 || height <= 0) return null;
                first = false;
            }
            var chunk = 12 + (int)length;
            if (PngKeptChunks.Contains(type)) output.Write(data, pos, chunk);
            pos += chunk;
            if (type == "IEND") return new InspectedImage("image/png", ".png", width, height, output.ToArray());
        }
        return null;
    }
}

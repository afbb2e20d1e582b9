using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using MiniCode.Features.Households.Portraits;
using MiniCode.Features.People;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Households;

public static class HouseholdsKit
{
    /// <summary>The request body of an add: a resident ID for <paramref name="birth"/>, relative's consent, a first declaration.</summary>
    public static object Relative(string name, DateOnly birth, string? faceToken = "sim:pass", string consent = "relative", string? number = null,
        bool declaration = true) => new
    {
        name,
        documentType = "residentId",
        number = number ?? TestUsers.NextIdNumber(birth),
        relation = "家人",
        faceToken,
        consent = new { by = consent, confirmed = true },
        declaration = declaration ? HealthCodeKit.Declaration() : null,
    };

    public static Task<HttpResponseMessage> PostRelativeAsync(this TestUser holder, object body) => holder.Client.PostJson("/api/me/relatives", body);

    public static async Task<long> AddRelativeAsync(this TestUser holder, string name = "张小红", DateOnly? birth = null) =>
        (await HttpAssert.Ok(await holder.PostRelativeAsync(Relative(name, birth ?? new DateOnly(1960, 3, 8))), System.Net.HttpStatusCode.Created))
            .GetProperty("id").GetInt64();

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string url, byte[] image, string fileName = "photo.jpg", string type = "image/jpeg")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", fileName);
        return await client.PostAsync(url, form);
    }

    /// <summary>A structurally complete baseline JPEG header with APP0 (JFIF), APP1 (EXIF carrying a GPS marker) and a comment.</summary>
    public static byte[] Jpeg(int width, int height)
    {
        var b = new List<byte> { 0xFF, 0xD8 };
        b.AddRange([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        var exif = "Exif\0\0GPS 26.07N 119.30E secret"u8.ToArray();
        b.AddRange([0xFF, 0xE1, 0x00, (byte)(exif.Length + 2)]);
        b.AddRange(exif);
        var comment = "comment: taken at home"u8.ToArray();
        b.AddRange([0xFF, 0xFE, 0x00, (byte)(comment.Length + 2)]);
        b.AddRange(comment);
        b.AddRange([0xFF, 0xDB, 0x00, 0x43, 0x00]);
        b.AddRange(Enumerable.Repeat((byte)1, 64));
        b.AddRange([0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
        b.AddRange([0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00]);
        b.AddRange([0x12, 0x34, 0x56, 0x78, 0x9A]);
        b.AddRange([0xFF, 0xD9]);
        return [.. b];
    }

    /// <summary>A real PNG with a tEXt chunk (text metadata) after IHDR.</summary>
    public static byte[] PngWithText(int width, int height)
    {
        var png = SimplePng.Gray(width, height, (x, y) => (byte)(x ^ y));
        var text = new MemoryStream();
        SimplePng.Chunk(text, "tEXt", "Comment\0home address"u8.ToArray());
        const int afterIhdr = 8 + 25;
        return [.. png.AsSpan(0, afterIhdr), .. text.ToArray(), .. png.AsSpan(afterIhdr)];
    }

    public static bool Contains(byte[] haystack, string ascii) => haystack.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(ascii)) >= 0;

    /// <summary>Renders the first page of a PDF to PNG with pdftoppm (poppler-utils).</summary>
    public static byte[] PdfToPng(byte[] pdf, int dpi = 200)
    {
        var dir = Path.Combine(Path.GetTempPath(), "minicode-pdf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "in.pdf"), pdf);
            var start = new ProcessStartInfo("pdftoppm", ["-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "1", "-l", "1", "-singlefile", Path.Combine(dir, "in.pdf"), Path.Combine(dir, "out")])
            { RedirectStandardError = true };
            using var p = Process.Start(start)!;
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, "pdftoppm failed: " + p.StandardError.ReadToEnd());
            return File.ReadAllBytes(Path.Combine(dir, "out.png"));
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>Page size in points from pdfinfo.</summary>
    public static (double Width, double Height) PdfPageSize(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), "minicode-pdfinfo-" + Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var p = Process.Start(new ProcessStartInfo("pdfinfo", [file]) { RedirectStandardOutput = true })!;
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            var line = output.Split('\n').First(l => l.StartsWith("Page size:", StringComparison.Ordinal));
            var parts = line["Page size:".Length..].Trim().Split(' ');
            return (double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
        }
        finally { File.Delete(file); }
    }

    public static string Str(this JsonElement e, string property) => e.GetProperty(property).GetString()!;
}

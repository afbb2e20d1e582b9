using System.Diagnostics;
using System.Net;
using System.Text.Json;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Posters;

public static class PosterKit
{
    public static object Application(string venueName = "长春市朝阳区幸福超市", string kind = "institution", string venueType = "shop",
        string region = "220104", string phone = "13800138000") =>
        new { kind, venueName, address = "吉林省长春市朝阳区人民大街100号", regionCode = region, venueType, contactName = "王经理", contactPhone = phone };

    public static async Task<JsonElement> ApplyAsync(this TestUser owner, string venueName = "长春市朝阳区幸福超市") =>
        await HttpAssert.Ok(await owner.Client.PostJson("/api/posters", Application(venueName)), HttpStatusCode.Created);

    public static long Id(this JsonElement poster) => poster.GetProperty("poster").GetProperty("id").GetInt64();

    public static string Payload(this JsonElement poster) => poster.GetProperty("payload").GetString()!;

    public static string Scene(this JsonElement poster) => poster.GetProperty("scene").GetString()!;

    public static Task<HttpResponseMessage> CheckInAsync(this TestUser visitor, string payload, long? relativeId = null) =>
        visitor.Client.PostJson("/api/check-ins", new { payload, relativeId });

    /// <summary>A real-named citizen with a declaration (a colour to show at the door).</summary>
    public static async Task<TestUser> VisitorAsync(this MiniCodeFactory factory, string name = "李小明")
    {
        var visitor = await factory.CitizenAsync(name);
        await visitor.DeclareAsync();
        return visitor;
    }

    /// <summary>Renders every page of a PDF with pdftoppm and decodes each page's QR with zbarimg.</summary>
    public static List<string> DecodePdfPages(byte[] pdf)
    {
        var dir = Directory.CreateTempSubdirectory("minicode-poster-pdf");
        try
        {
            var file = Path.Combine(dir.FullName, "p.pdf");
            File.WriteAllBytes(file, pdf);
            using (var p = Process.Start("pdftoppm", ["-png", "-r", "100", file, Path.Combine(dir.FullName, "page")])) p.WaitForExit();
            return Directory.GetFiles(dir.FullName, "page*.png").Order(StringComparer.Ordinal)
                .Select(png => HealthCodeKit.Zbar(File.ReadAllBytes(png), ".png")).ToList();
        }
        finally { dir.Delete(true); }
    }

    public static string PdfText(byte[] pdf, string tool)
    {
        var file = Path.Combine(Path.GetTempPath(), "minicode-" + Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var p = Process.Start(new ProcessStartInfo(tool, tool == "pdftotext" ? [file, "-"] : [file]) { RedirectStandardOutput = true })!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return text;
        }
        finally { File.Delete(file); }
    }
}

/// <summary>A host shared by the tests of one class (xUnit fixtures need a single public constructor).</summary>
public sealed class PostersFactory : MiniCodeFactory;

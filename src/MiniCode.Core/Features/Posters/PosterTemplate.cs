using System.Globalization;
using System.Security;
using System.Text;

namespace MiniCode.Features.Posters;

/// <summary>
/// The printable A4 poster as SVG (210 × 297 mm, user units of 0.1 mm): title, venue name, address, the QR, Chinese
/// instructions, the poster id and the retention notice. Text uses Noto Sans CJK (Debian fonts-noto-cjk), which
/// rsvg-convert embeds as a subset in the PDF.
/// </summary>
public static class PosterTemplate
{
    private const string Font = "Noto Sans CJK SC, Noto Sans CJK, sans-serif";
    private const int Width = 2100, Height = 2970, QrSize = 1200, QrTop = 1000;

    public static string Render(Poster poster, int generation, string qrSvg, int retentionDays)
    {
        var kind = poster.Kind == PosterKind.Institution ? "机构张贴码" : "个人张贴码";
        var qr = Convert.ToBase64String(Encoding.UTF8.GetBytes(qrSvg));
        var nameLines = Wrap(poster.VenueName, 20, 2);
        var nameSize = poster.VenueName.Length <= 12 ? 150 : 95; // 20 characters at 95 fit the 2100-unit width
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="210mm" height="297mm" viewBox="0 0 {Width} {Height}">""");
        sb.Append(CultureInfo.InvariantCulture, $"""<rect width="{Width}" height="{Height}" fill="#FFFFFF"/>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<rect x="0" y="0" width="{Width}" height="330" fill="#1B7F3B"/>""");
        Text(sb, 1050, 150, 110, "#FFFFFF", "bold", "场所码 · 扫码登记");
        Text(sb, 1050, 265, 60, "#FFFFFF", "normal", kind);
        var y = 470;
        foreach (var line in nameLines)
        {
            Text(sb, 1050, y, nameSize, "#111111", "bold", line);
            y += nameSize + 30;
        }
        foreach (var line in Wrap(poster.Address, 34, 3))
        {
            Text(sb, 1050, y + 10, 50, "#444444", "normal", line);
            y += 68;
        }
        sb.Append(CultureInfo.InvariantCulture, $"""<image x="{(Width - QrSize) / 2}" y="{QrTop}" width="{QrSize}" height="{QrSize}" xlink:href="data:image/svg+xml;base64,{qr}"/>""");
        const int textTop = QrTop + QrSize + 110;
        Text(sb, 1050, textTop, 75, "#111111", "bold", "请使用微信或支付宝“健康码”小程序“扫一扫”");
        Text(sb, 1050, textTop + 100, 75, "#111111", "bold", "扫描上方二维码进行健康码信息登记");
        Text(sb, 1050, textTop + 200, 55, "#444444", "normal", "进入场所请主动扫码、出示健康码，配合工作人员查验");
        Text(sb, 1050, textTop + 290, 45, "#666666", "normal", $"登记信息仅用于疫情防控，保存{retentionDays}天后自动删除");
        Text(sb, 1050, Height - 90, 48, "#666666", "normal",
            $"编号 P{poster.Id.ToString(CultureInfo.InvariantCulture)}-{generation.ToString(CultureInfo.InvariantCulture)} · 区划 {poster.RegionCode}");
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static void Text(StringBuilder sb, int x, int y, int size, string fill, string weight, string text) =>
        sb.Append(CultureInfo.InvariantCulture,
            $"""<text x="{x}" y="{y}" font-family="{Font}" font-size="{size}" font-weight="{weight}" fill="{fill}" text-anchor="middle">{SecurityElement.Escape(text)}</text>""");

    /// <summary>Splits text into at most <paramref name="maxLines"/> lines of <paramref name="perLine"/> characters (CJK text has
    /// no spaces to break at); what does not fit ends in "…".</summary>
    private static List<string> Wrap(string text, int perLine, int maxLines)
    {
        var lines = new List<string>();
        for (var i = 0; i < text.Length && lines.Count < maxLines; i += perLine) lines.Add(text.Substring(i, Math.Min(perLine, text.Length - i)));
        if (text.Length > perLine * maxLines) lines[^1] = lines[^1][..^1] + "…";
        return lines;
    }
}

using System.Globalization;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using MiniCode.Features.HealthCodes.Engine;

namespace MiniCode.Features.Households.OfflineCards;

/// <summary>What a card shows. Times are already in the business zone (printed as they are, without offset); <paramref name="CodeNumber"/> (码编号) under the QR.</summary>
public sealed record CardContent(long CardId, string Title, string MaskedName, HealthColor Color, string ColorHex, DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt, int ValidDays, string QrSvg, string? CodeNumber = null);

/// <summary>
/// The SVG template of a card: A6 (105 × 148 mm) with the signed QR in the middle, and an A4 sheet holding four
/// copies with cut marks. Units are millimetres; rsvg-convert turns them into PDF pages of the same size and embeds
/// subset Noto Sans CJK for the Chinese text.
/// </summary>
public static partial class CardTemplate
{
    private const string Font = "Noto Sans CJK SC, Noto Sans CJK, sans-serif";

    public static string Card(CardContent c) =>
        $"""<svg xmlns="http://www.w3.org/2000/svg" width="105mm" height="148mm" viewBox="0 0 105 148">{Body(c)}</svg>""";

    public static string Sheet(CardContent c)
    {
        var sb = new StringBuilder("""<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297"><rect width="210" height="297" fill="#FFFFFF"/>""");
        foreach (var (x, y) in new[] { (0, 0), (105, 0), (0, 148.5), (105, 148.5) })
            sb.Append(CultureInfo.InvariantCulture, $"""<g transform="translate({x} {y})">{Body(c)}</g>""");
        sb.Append("""<path d="M105 0V297M0 148.5H210" stroke="#999999" stroke-width="0.2" stroke-dasharray="2 2"/></svg>""");
        return sb.ToString();
    }

    private static string Body(CardContent c)
    {
        var issued = c.IssuedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var expires = c.ExpiresAt.ToString(BusinessCalendar.DisplayFormat, CultureInfo.InvariantCulture);
        var (qr, qrWidth) = Embeddable(c.QrSvg);
        const double qrSize = 70, qrX = 17.5, qrY = 40;
        var scale = (qrSize / qrWidth).ToString("0.#####", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"""
            <rect x="0" y="0" width="105" height="148" fill="#FFFFFF"/>
            <rect x="3" y="3" width="99" height="142" rx="4" fill="none" stroke="{c.ColorHex}" stroke-width="1.2"/>
            <rect x="3" y="3" width="99" height="18" rx="4" fill="{c.ColorHex}"/>
            <rect x="3" y="12" width="99" height="9" fill="{c.ColorHex}"/>
            <text x="52.5" y="14.5" font-family="{Font}" font-size="6" font-weight="bold" fill="#FFFFFF" text-anchor="middle">{Escape(c.Title)}</text>
            <text x="52.5" y="30" font-family="{Font}" font-size="5.5" fill="#222222" text-anchor="middle">姓名：{Escape(c.MaskedName)}</text>
            <text x="52.5" y="37" font-family="{Font}" font-size="4.5" fill="{c.ColorHex}" text-anchor="middle">签发时颜色：{ColorNames.Chinese(c.Color)}</text>
            <g transform="translate({qrX} {qrY}) scale({scale})">{qr}</g>
            <text x="52.5" y="114.5" font-family="DejaVu Sans Mono, monospace" font-size="3.4" fill="{c.ColorHex}" text-anchor="middle">{Escape(c.CodeNumber ?? "")}</text>
            <text x="52.5" y="120" font-family="{Font}" font-size="4" fill="#222222" text-anchor="middle">签发日期：{issued}</text>
            <text x="52.5" y="125.5" font-family="{Font}" font-size="4" fill="#222222" text-anchor="middle">有效期至：{expires}</text>
            <text x="52.5" y="132" font-family="{Font}" font-size="3" fill="#555555" text-anchor="middle">本卡有效期{c.ValidDays}天，仅供离线核验，以扫码核验结果为准。</text>
            <text x="52.5" y="137" font-family="{Font}" font-size="3" fill="#555555" text-anchor="middle">健康状况变化时本卡将被吊销，请妥善保管，勿转借他人。</text>
            <text x="52.5" y="142" font-family="{Font}" font-size="2.6" fill="#888888" text-anchor="middle">卡号 No.{c.CardId:D8}</text>
            """);
    }

    /// <summary>The QR document without its XML declaration, and its width in its own units (for scaling).</summary>
    private static (string Svg, double Width) Embeddable(string qrSvg)
    {
        var svg = XmlDeclaration().Replace(qrSvg, "").Trim();
        var width = WidthAttribute().Match(svg);
        if (!width.Success) throw new InvalidOperationException("QR SVG without a width.");
        return (svg, double.Parse(width.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static string Escape(string text) => SecurityElement.Escape(text);

    [GeneratedRegex(@"<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"<svg[^>]*?\swidth=""([0-9.]+)")]
    private static partial Regex WidthAttribute();
}

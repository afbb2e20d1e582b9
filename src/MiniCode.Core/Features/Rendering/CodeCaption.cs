using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace MiniCode.Features.Rendering;

/// <summary>Prints the code number (码编号) under a rendered QR code.</summary>
public static partial class CodeCaption
{
    [GeneratedRegex("<svg[^>]*?\\swidth=\"(?<w>[0-9.]+)(px)?\"[^>]*?\\sheight=\"(?<h>[0-9.]+)(px)?\"")] private static partial Regex RootSize();

    /// <summary>The QR SVG with a band below it carrying <paramref name="caption"/>; unchanged when there is none.</summary>
    public static string UnderSvg(string qrSvg, string? caption, string textColor, string background = "#FFFFFF")
    {
        if (string.IsNullOrEmpty(caption)) return qrSvg;
        var size = RootSize().Match(qrSvg);
        if (!size.Success) return qrSvg;
        var width = double.Parse(size.Groups["w"].Value, CultureInfo.InvariantCulture);
        var height = double.Parse(size.Groups["h"].Value, CultureInfo.InvariantCulture);
        var band = Math.Max(24, width / 10);
        var inner = qrSvg[qrSvg.IndexOf("<svg", StringComparison.Ordinal)..];
        string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        return $"""<svg xmlns="http://www.w3.org/2000/svg" width="{N(width)}" height="{N(height + band)}" viewBox="0 0 {N(width)} {N(height + band)}">""" +
            $"""<rect width="100%" height="100%" fill="{WebUtility.HtmlEncode(background)}"/>{inner}""" +
            $"""<text x="{N(width / 2)}" y="{N(height + band * 0.7)}" text-anchor="middle" font-family="DejaVu Sans Mono, monospace" font-size="{N(band * 0.6)}" fill="{WebUtility.HtmlEncode(textColor)}">{WebUtility.HtmlEncode(caption)}</text></svg>""";
    }
}

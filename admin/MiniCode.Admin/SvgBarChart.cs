using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace MiniCode.Admin;

/// <summary>A server-rendered SVG bar chart (no chart library, no script): one bar per labelled value, value printed above.</summary>
public static class SvgBarChart
{
    public static IHtmlContent Render(string title, IReadOnlyList<(string Label, int Value)> points, int width = 640, int height = 220, string colour = "#1f6feb")
    {
        const int left = 36, right = 12, top = 28, bottom = 36;
        var max = Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.Value));
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var slot = points.Count == 0 ? plotW : (double)plotW / points.Count;
        var f = CultureInfo.InvariantCulture;
        var svg = new StringBuilder();
        svg.Append(f, $"<svg class=\"chart\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(f, $"<text x=\"{left}\" y=\"18\" font-size=\"13\" font-weight=\"600\">{WebUtility.HtmlEncode(title)}</text>");
        svg.Append(f, $"<line x1=\"{left}\" y1=\"{top + plotH}\" x2=\"{width - right}\" y2=\"{top + plotH}\" stroke=\"#8c959f\"/>");
        svg.Append(f, $"<text x=\"{left - 4}\" y=\"{top + 4}\" font-size=\"10\" text-anchor=\"end\" fill=\"#656d76\">{max}</text>");
        svg.Append(f, $"<text x=\"{left - 4}\" y=\"{top + plotH}\" font-size=\"10\" text-anchor=\"end\" fill=\"#656d76\">0</text>");
        // Long ranges (a year of days) keep every bar but label only some, so labels never overlap.
        var labelEvery = Math.Max(1, (int)Math.Ceiling(points.Count / 16.0));
        for (var i = 0; i < points.Count; i++)
        {
            var (label, value) = points[i];
            var h = (double)value / max * plotH;
            var x = left + i * slot + slot * 0.15;
            var w = slot * 0.7;
            svg.Append(f, $"<rect x=\"{x:0.#}\" y=\"{top + plotH - h:0.#}\" width=\"{w:0.#}\" height=\"{h:0.#}\" fill=\"{colour}\"><title>{WebUtility.HtmlEncode(label)}: {value}</title></rect>");
            if (value > 0 && labelEvery == 1) svg.Append(f, $"<text x=\"{x + w / 2:0.#}\" y=\"{top + plotH - h - 3:0.#}\" font-size=\"10\" text-anchor=\"middle\">{value}</text>");
            if (i % labelEvery == 0) svg.Append(f, $"<text x=\"{x + w / 2:0.#}\" y=\"{height - bottom + 14}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#656d76\">{WebUtility.HtmlEncode(label)}</text>");
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }
}

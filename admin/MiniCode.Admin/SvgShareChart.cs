using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace MiniCode.Admin;

/// <summary>A server-rendered SVG share chart: one horizontal bar per category, its length the category's share of the total.</summary>
public static class SvgShareChart
{
    public static IHtmlContent Render(string title, IReadOnlyList<(string Label, long Count, double Fraction)> shares, int width = 420, string colour = "#1f6feb")
    {
        const int rowH = 22, top = 28, labelW = 90, valueW = 90;
        var height = top + Math.Max(1, shares.Count) * rowH + 8;
        var barMax = width - labelW - valueW;
        var f = CultureInfo.InvariantCulture;
        var svg = new StringBuilder();
        svg.Append(f, $"<svg class=\"chart share\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(f, $"<text x=\"0\" y=\"18\" font-size=\"13\" font-weight=\"600\">{WebUtility.HtmlEncode(title)}</text>");
        if (shares.Sum(s => s.Count) == 0)
            svg.Append(f, $"<text x=\"0\" y=\"{top + 14}\" font-size=\"12\" fill=\"#656d76\">暂无数据</text>");
        else
            for (var i = 0; i < shares.Count; i++)
            {
                var (label, count, fraction) = shares[i];
                var y = top + i * rowH;
                var w = Math.Max(fraction > 0 ? 1 : 0, fraction * barMax);
                svg.Append(f, $"<text x=\"{labelW - 6}\" y=\"{y + 14}\" font-size=\"11\" text-anchor=\"end\">{WebUtility.HtmlEncode(label)}</text>");
                svg.Append(f, $"<rect x=\"{labelW}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"{rowH - 8}\" fill=\"{colour}\"><title>{WebUtility.HtmlEncode(label)}: {count}</title></rect>");
                svg.Append(f, $"<text x=\"{labelW + w + 4:0.#}\" y=\"{y + 14}\" font-size=\"11\" fill=\"#656d76\">{count}（{fraction.ToString("P1", f)}）</text>");
            }
        return new HtmlString(svg.Append("</svg>").ToString());
    }
}

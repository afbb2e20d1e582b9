using System.Text;

namespace MiniCode.Infrastructure.Csv;

/// <summary>
/// RFC 4180 CSV lines for exports. Cells that a spreadsheet would run as a formula (= + - @ at the start) get a leading
/// apostrophe, since exported text comes from citizens (CSV injection).
/// </summary>
public static class CsvText
{
    public static string Line(params object?[] cells)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) sb.Append(',');
            var text = Convert.ToString(cells[i], System.Globalization.CultureInfo.InvariantCulture) ?? "";
            if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') text = "'" + text;
            if (text.IndexOfAny([',', '"', '\r', '\n']) >= 0) sb.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else sb.Append(text);
        }
        return sb.Append("\r\n").ToString();
    }
}

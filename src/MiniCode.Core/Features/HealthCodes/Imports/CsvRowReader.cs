using System.Runtime.CompilerServices;
using System.Text;

namespace MiniCode.Features.HealthCodes.Imports;

/// <summary>
/// A small streaming RFC 4180 reader (quoted fields, doubled quotes, line breaks inside quotes; UTF-8 with or without
/// BOM): one record in memory at a time, so a file of any length imports in constant memory.
/// </summary>
public static class CsvRowReader
{
    /// <summary>Streams data records after the header row as field-name → value rows (names trimmed, lower case).</summary>
    public static async IAsyncEnumerable<SourceRow> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        long line = 0;
        string[]? header = null;
        while (true)
        {
            var (fields, raw, lines) = await ReadRecordAsync(reader, ct);
            if (fields is null) yield break;
            var startLine = line + 1;
            line += lines;
            if (fields.Count == 1 && fields[0].Length == 0) continue; // blank line
            if (header is null)
            {
                header = fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
                continue;
            }
            var row = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++) row[header[i]] = i < fields.Count ? fields[i] : null;
            yield return new SourceRow(startLine, raw, row);
        }
    }

    private static async Task<(List<string>? Fields, string Raw, int Lines)> ReadRecordAsync(StreamReader reader, CancellationToken ct)
    {
        var first = await reader.ReadLineAsync(ct);
        if (first is null) return (null, "", 0);
        var fields = new List<string>();
        var field = new StringBuilder();
        var raw = new StringBuilder(first);
        var text = first;
        var lines = 1;
        var inQuotes = false;
        var i = 0;
        while (true)
        {
            if (i == text.Length)
            {
                if (!inQuotes) break;
                var next = await reader.ReadLineAsync(ct);
                if (next is null) break; // unterminated quote: keep what we have, the row validation rejects it
                field.Append('\n');
                raw.Append('\n').Append(next);
                text = next;
                i = 0;
                lines++;
                continue;
            }
            var c = text[i++];
            if (inQuotes)
            {
                if (c != '"') field.Append(c);
                else if (i < text.Length && text[i] == '"') { field.Append('"'); i++; }
                else inQuotes = false;
            }
            else if (c == '"' && field.Length == 0) inQuotes = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return (fields, raw.ToString(), lines);
    }
}

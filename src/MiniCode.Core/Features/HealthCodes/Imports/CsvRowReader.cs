using System.Runtime.CompilerServices;
using System.Text;

namespace MiniCode.Features.HealthCodes.Imports;

/// <summary>
/// A small streaming RFC 4180 reader (quoted fields, doubled quotes, line breaks inside quotes; UTF-8 with or without
/// BOM): one record in memory at a time, and that record at most <c>maxRecordChars</c> long, so a file of any length —
/// even one huge unterminated quoted field — imports in bounded memory. A longer record is handed on as a row without
/// fields (rejected, its raw text cut) and reading stops there: after it nothing can be told apart reliably.
/// </summary>
public static class CsvRowReader
{
    public const int DefaultMaxRecordChars = 64 * 1024;

    /// <summary>Streams data records after the header row as field-name → value rows (names trimmed, lower case).</summary>
    public static async IAsyncEnumerable<SourceRow> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken ct, int maxRecordChars = DefaultMaxRecordChars)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lineReader = new BoundedLineReader(reader);
        long line = 0;
        string[]? header = null;
        while (true)
        {
            var (fields, raw, lines) = await ReadRecordAsync(lineReader, maxRecordChars, ct);
            if (fields is null && raw.Length > 0)
            {
                yield return new SourceRow(line + 1, raw, new Dictionary<string, string?>(StringComparer.Ordinal));
                yield break;
            }
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

    /// <summary>The next record; no fields but a raw text when it is longer than <paramref name="max"/> characters.</summary>
    private static async Task<(List<string>? Fields, string Raw, int Lines)> ReadRecordAsync(BoundedLineReader reader, int max, CancellationToken ct)
    {
        var first = await reader.ReadLineAsync(max, ct);
        if (first is null) return (null, "", 0);
        if (first.Length > max) return TooLong(first, max);
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
                var next = await reader.ReadLineAsync(Math.Max(0, max - raw.Length), ct);
                if (next is null) break; // unterminated quote: keep what we have, the row validation rejects it
                if (raw.Length + 1 + next.Length > max) return TooLong(raw.ToString(), max);
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

    private static (List<string>? Fields, string Raw, int Lines) TooLong(string start, int max) =>
        (null, $"[记录超过 {max} 个字符，其后内容未读取] " + start[..Math.Min(start.Length, 200)], 1);

    /// <summary>Lines (LF or CRLF) of at most a given length: a longer one comes back cut at one character past it.</summary>
    private sealed class BoundedLineReader(StreamReader reader)
    {
        private readonly char[] _buffer = new char[8192];
        private int _position, _length;

        public async Task<string?> ReadLineAsync(int max, CancellationToken ct)
        {
            var line = new StringBuilder();
            while (true)
            {
                if (_position == _length)
                {
                    _length = await reader.ReadAsync(_buffer.AsMemory(), ct);
                    _position = 0;
                    if (_length == 0) return line.Length > 0 ? line.ToString() : null;
                }
                var end = Array.IndexOf(_buffer, '\n', _position, _length - _position);
                var take = (end < 0 ? _length : end) - _position;
                line.Append(_buffer, _position, Math.Min(take, max + 1 - line.Length));
                _position += take;
                if (line.Length > max) return line.ToString(); // the caller stops reading
                if (end >= 0)
                {
                    _position++;
                    if (line.Length > 0 && line[^1] == '\r') line.Length--;
                    return line.ToString();
                }
            }
        }
    }
}

using System.Globalization;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.People;

namespace MiniCode.Features.HealthCodes.Imports;

/// <summary>One parsed, valid row; person rows carry the document's blind-index input ("ResidentId:110105...").</summary>
public abstract record ImportRow(string? DocumentKey);
public sealed record RiskRow(string DocumentKey, RiskKind Kind, DateOnly StartsOn, DateOnly? EndsOn) : ImportRow(DocumentKey);
public sealed record RegionRow(string RegionCode, DateOnly StartsOn, DateOnly? EndsOn) : ImportRow((string?)null);
public sealed record NucleicRow(string DocumentKey, DateTimeOffset SampledAt, bool Negative, string Institution) : ImportRow(DocumentKey);
public sealed record VaccinationRow(string DocumentKey, int Dose, DateOnly VaccinatedOn, string Product, bool CompletesSeries) : ImportRow(DocumentKey);
public sealed record ApplicationRow(string DocumentKey, DateOnly AppliedOn) : ImportRow(DocumentKey);

/// <summary>
/// Validates one row (CSV record or JSON object, both as field → text) of each import kind. Column names are in
/// README "Health-data imports". Returns the parsed row or the reason it was rejected.
/// </summary>
public static class ImportRowParser
{
    public static (ImportRow? Row, string? Error) Parse(ImportKind kind, IReadOnlyDictionary<string, string?> f, DateOnly today)
    {
        try
        {
            return kind switch
            {
                ImportKind.RiskList => (new RiskRow(Document(f, today), Risk(Get(f, "kind")), Date(f, "starts_on"), OptionalDate(f, "ends_on")).Check(), null),
                ImportKind.Regions => (new RegionRow(Region(Get(f, "region_code")), Date(f, "starts_on"), OptionalDate(f, "ends_on")).Check(), null),
                ImportKind.NucleicAcid => (new NucleicRow(Document(f, today), Instant(Get(f, "sampled_at")), Result(Get(f, "result")), Text(f, "institution", 100)), null),
                ImportKind.PriorApplications => (new ApplicationRow(Document(f, today), Date(f, "applied_on")), null),
                _ => (new VaccinationRow(Document(f, today), Dose(Get(f, "dose")), Date(f, "vaccinated_on"), Text(f, "product", 100),
                    Bool(f.GetValueOrDefault("completes_series"))), null),
            };
        }
        catch (RowException ex) { return (null, ex.Message); }
    }

    /// <summary>The row's <c>document_type</c> + <c>document_number</c> as "{type}:{number}" (what the blind index is made of), or the reason it is wrong.</summary>
    public static (string? DocumentKey, string? Error) ParseDocument(IReadOnlyDictionary<string, string?> f, DateOnly today)
    {
        try { return (Document(f, today), null); }
        catch (RowException ex) { return (null, ex.Message); }
    }

    private sealed class RowException(string message) : Exception(message);

    private static RiskRow Check(this RiskRow r) => r.EndsOn is { } e && e < r.StartsOn ? throw new RowException("ends_on 早于 starts_on") : r;
    private static RegionRow Check(this RegionRow r) => r.EndsOn is { } e && e < r.StartsOn ? throw new RowException("ends_on 早于 starts_on") : r;

    private static string Get(IReadOnlyDictionary<string, string?> f, string name) =>
        f.GetValueOrDefault(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : throw new RowException($"缺少字段 {name}");

    private static string Document(IReadOnlyDictionary<string, string?> f, DateOnly today)
    {
        var typeText = f.GetValueOrDefault("document_type") is { Length: > 0 } t ? t.Trim() : nameof(DocumentType.ResidentId);
        if (!Enum.TryParse<DocumentType>(typeText, true, out var type) || !Enum.IsDefined(type)) throw new RowException("document_type 无效");
        var number = Get(f, "document_number").ToUpperInvariant();
        if (type == DocumentType.ResidentId && !ResidentIdNumber.IsValid(number, today, out _)) throw new RowException("身份证号码无效");
        if (number.Length > 30) throw new RowException("证件号码过长");
        return $"{type}:{number}";
    }

    private static RiskKind Risk(string v) => v.ToLowerInvariant() switch
    {
        "confirmed" => RiskKind.Confirmed,
        "suspected" => RiskKind.Suspected,
        "close_contact" => RiskKind.CloseContact,
        "quarantine" => RiskKind.Quarantine,
        _ => throw new RowException("kind 应为 confirmed/suspected/close_contact/quarantine"),
    };

    private static string Region(string v) => v.Length == 6 && v.All(char.IsAsciiDigit) ? v : throw new RowException("region_code 应为6位数字");

    private static DateOnly Date(IReadOnlyDictionary<string, string?> f, string name) =>
        DateOnly.TryParseExact(Get(f, name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw new RowException($"{name} 应为 yyyy-MM-dd");

    private static DateOnly? OptionalDate(IReadOnlyDictionary<string, string?> f, string name) =>
        string.IsNullOrWhiteSpace(f.GetValueOrDefault(name)) ? null : Date(f, name);

    private static DateTimeOffset Instant(string v) =>
        DateTimeOffset.TryParseExact(v, ["yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz"], CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal, out var t) ? t.ToUniversalTime() : throw new RowException("sampled_at 应为带时区的 ISO 8601 时间");

    private static bool Result(string v) => v.ToLowerInvariant() switch
    {
        "negative" => true,
        "positive" => false,
        _ => throw new RowException("result 应为 negative 或 positive"),
    };

    private static int Dose(string v) => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 10 ? d : throw new RowException("dose 应为1至10");

    private static bool Bool(string? v) => v?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "0" or "no" => false,
        "true" or "1" or "yes" => true,
        _ => throw new RowException("completes_series 应为 true 或 false"),
    };

    private static string Text(IReadOnlyDictionary<string, string?> f, string name, int max)
    {
        var v = Get(f, name);
        return v.Length <= max ? v : throw new RowException($"{name} 超过{max}个字符");
    }
}

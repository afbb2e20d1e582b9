using MiniCode.Infrastructure.Cluster;

namespace MiniCode.Features.People;

public enum DocumentType
{
    /// <summary>18-digit resident identity card (GB 11643).</summary>
    ResidentId,
    Passport,
    /// <summary>Mainland Travel Permit for Hong Kong and Macao residents.</summary>
    HkMacaoPermit,
    /// <summary>Mainland Travel Permit for Taiwan residents.</summary>
    TaiwanPermit,
}

/// <summary>
/// A real, identified person: the subject of a health code. One row per document. A citizen account points at its own
/// person; a household holder reaches relatives' persons through the households feature. The document number is only
/// stored encrypted, found through its blind index, and shown masked.
/// </summary>
public sealed class Person : IClusterSignalled
{
    public IEnumerable<ClusterSignal> ClusterSignals() => ClusterSignal.For(ClusterTopics.People, Id);

    public long Id { get; set; }
    public string Name { get; set; } = "";
    public DocumentType DocumentType { get; set; }
    public string DocumentCipher { get; set; } = "";
    /// <summary>Blind index of <c>{DocumentType}:{number}</c>.</summary>
    public string DocumentIndex { get; set; } = "";
    public string DocumentMasked { get; set; } = "";
    public DateOnly? BirthDate { get; set; }
    /// <summary>"M" or "F" when the document says.</summary>
    public string? Gender { get; set; }
    /// <summary>GB/T 2260 region of household registration (first six digits of a resident ID).</summary>
    public string? RegionCode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set when an account deletion anonymised this person (PIPL); the row and its blind index stay for the health facts.</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }

    /// <summary>
    /// PIPL deletion: the identity goes, the blind index stays. Health facts (nucleic-acid and vaccination rows, risk
    /// lists, overrides, on-site temperatures) hang on it, so a later real name of the same document finds them again.
    /// </summary>
    public void Anonymise(string emptyCipher, DateTimeOffset now)
    {
        Name = "已注销";
        DocumentCipher = emptyCipher;
        DocumentMasked = "";
        BirthDate = null;
        Gender = null;
        RegionCode = null;
        AnonymisedAt = now;
    }

    /// <summary>Whole years of age on <paramref name="today"/>, or null when the birth date is unknown.</summary>
    public int? AgeOn(DateOnly today)
    {
        if (BirthDate is not { } birth) return null;
        var age = today.Year - birth.Year;
        if (today < birth.AddYears(age)) age--;
        return age;
    }
}

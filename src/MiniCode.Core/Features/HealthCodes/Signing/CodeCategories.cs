namespace MiniCode.Features.HealthCodes.Signing;

/// <summary>
/// The built-in code categories (码分类, 一码通 §2.2.4) the system's own code types belong to. Staff may add
/// categories (third-party codes) in the code engine; these codes are stable and referenced by application
/// permissions, statistics and styles.
/// </summary>
public static class CodeCategories
{
    public const string Personal = "personal";
    public const string Enterprise = "enterprise";
    public const string Licence = "licence";
    public const string Authorisation = "authorisation";
    public const string Appointment = "appointment";
    public const string Poster = "poster";

    /// <summary>Code → Chinese name, in display order.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> BuiltIn =
    [
        (Personal, "个人码"), (Enterprise, "企业码"), (Licence, "证照码"), (Authorisation, "授权码"), (Appointment, "预约码"), (Poster, "张贴码"),
    ];

    /// <summary>The category a code type of this system belongs to (live codes and offline cards are both 个人码).</summary>
    public static string Of(CodeType type) => type switch
    {
        CodeType.HealthCode or CodeType.OfflineCard => Personal,
        CodeType.Poster => Poster,
        CodeType.Licence => Licence,
        CodeType.Enterprise => Enterprise,
        CodeType.Authorisation => Authorisation,
        CodeType.Appointment => Appointment,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "A code type without a category"),
    };
}

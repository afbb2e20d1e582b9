using MiniCode.Features.HealthCodes.Signing;

namespace MiniCode.Admin.Areas.Admin.Pages.CodeSubjects;

/// <summary>The kinds of subject a category's codes are about, each with what staff may correct on it.</summary>
public enum SubjectKind
{
    Person,
    Enterprise,
    Poster,
    Licence,
}

/// <param name="Key">The kind in URLs (<c>?kind=enterprise</c>).</param>
/// <param name="Category">The 码分类 whose codes are about this kind.</param>
/// <param name="AuditType">The audit entries' target type of this kind's rows.</param>
/// <param name="Corrects">What staff may correct: a person's name is what real-naming proved and their colour has its
/// own reviewed path, so only the household region; a licence is the issuing authority's record (number, holder,
/// validity) and its holder's region is the person's, so nothing here — the holder unbinds it.</param>
public sealed record SubjectKindInfo(SubjectKind Kind, string Key, string Category, string Label, string NameLabel, string IdentifierLabel,
    string AuditType, Correctable Corrects);

[Flags]
public enum Correctable
{
    Nothing = 0,
    Name = 1,
    Region = 2,
    Status = 4,
}

public static class SubjectKinds
{
    public const string Active = "active";
    public const string Stopped = "stopped";
    public const string Ended = "ended";

    public static readonly IReadOnlyList<SubjectKindInfo> All =
    [
        new(SubjectKind.Person, "person", CodeCategories.Personal, "个人码 · 人员", "姓名", "证件号", "person", Correctable.Region),
        new(SubjectKind.Enterprise, "enterprise", CodeCategories.Enterprise, "企业码 · 企业", "企业名称", "统一社会信用代码", "enterprise",
            Correctable.Name | Correctable.Region | Correctable.Status),
        new(SubjectKind.Poster, "poster", CodeCategories.Poster, "张贴码 · 场所", "场所名称", "编号 / 地址", "poster",
            Correctable.Name | Correctable.Region | Correctable.Status),
        new(SubjectKind.Licence, "licence", CodeCategories.Licence, "证照码 · 电子证照", "证照", "证照编号", "licence_binding", Correctable.Nothing),
    ];

    /// <summary>The statuses a list filters by and a correction sets (a correction only active/stopped).</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Statuses = [(Active, "正常"), (Stopped, "停用"), (Ended, "已终止")];

    public static SubjectKindInfo? Find(string? key) => All.FirstOrDefault(k => string.Equals(k.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static SubjectKindInfo Of(SubjectKind kind) => All.First(k => k.Kind == kind);

    public static bool IsStatus(string? code) => Statuses.Any(s => s.Code == code);

    public static string StatusClass(string status) => status switch { Active => "ok", Stopped => "off", _ => "" };
}

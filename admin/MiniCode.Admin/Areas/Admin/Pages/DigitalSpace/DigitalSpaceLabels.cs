using MiniCode.Features.DigitalSpace;
using MiniCode.Features.HealthCodes.Engine;

namespace MiniCode.Admin.Areas.Admin.Pages.DigitalSpace;

/// <summary>The Chinese labels of the digital space's choices, shared by its pages.</summary>
public static class DigitalSpaceLabels
{
    public static readonly IReadOnlyList<(TagSubjectKind Value, string Label)> Subjects = [(TagSubjectKind.Person, "个人"), (TagSubjectKind.Enterprise, "企业")];

    public static readonly IReadOnlyList<(LegalBasisKind Value, string Label)> Bases =
    [
        (LegalBasisKind.Consent, "个人同意"), (LegalBasisKind.Contract, "订立、履行合同所必需"), (LegalBasisKind.StatutoryDuty, "履行法定职责或法定义务"),
        (LegalBasisKind.PublicHealthEmergency, "应对突发公共卫生事件"), (LegalBasisKind.OtherLaw, "法律、行政法规规定的其他情形"),
    ];

    public static readonly IReadOnlyList<(RiskKind? Value, string Label)> Rules =
    [
        (null, "无（仅导入）"), (RiskKind.Confirmed, "风险人员名单：确诊"), (RiskKind.Suspected, "风险人员名单：疑似"),
        (RiskKind.CloseContact, "风险人员名单：密切接触者"), (RiskKind.Quarantine, "风险人员名单：隔离"),
    ];

    public static string Subject(TagSubjectKind kind) => Subjects.First(s => s.Value == kind).Label;

    public static string Basis(LegalBasisKind kind) => Bases.First(b => b.Value == kind).Label;

    public static string Rule(RiskKind? kind) => Rules.First(r => r.Value == kind).Label;

    public static string Status(TagKindStatus status) => status == TagKindStatus.Active ? "启用" : "停用";

    public static string Objection(ObjectionStatus status) => status switch
    {
        ObjectionStatus.Open => "待处理",
        ObjectionStatus.Upheld => "属实（已删除标签）",
        _ => "驳回",
    };
}

namespace MiniCode.Features.Staff;

/// <summary>The admin's permissions. Each admin page requires one; a role grants a set of them.</summary>
public static class Permissions
{
    public const string Roles = "roles.manage";
    public const string Staff = "staff.manage";
    public const string Organisations = "orgs.manage";
    public const string Audit = "audit.view";
    public const string Faq = "faq.manage";
    public const string Feedback = "feedback.manage";
    public const string Announcements = "announcements.manage";
    public const string Forms = "forms.manage";
    public const string CodeStyles = "codestyles.manage";
    public const string Statistics = "stats.view";
    public const string Jobs = "jobs.manage";
    /// <summary>Start a job now, in the summary or the Hangfire dashboard (which is read-only without it).</summary>
    public const string JobsRun = "jobs.run";
    public const string AppealsReview = "appeals.review";
    public const string OverrideApprove = "overrides.approve";
    public const string HealthImports = "imports.manage";
    /// <summary>Approve or reject another staff member's health-data import (four eyes: never one's own).</summary>
    public const string HealthImportsApprove = "imports.approve";
    public const string Records = "records.view";
    public const string Posters = "posters.manage";
    /// <summary>授权办事: the matters, and searching authorisations (masked).</summary>
    public const string Errands = "errands.manage";
    public const string Licences = "licences.manage";
    public const string CodeApps = "codeapps.manage";
    public const string CodeEngine = "codes.engine";
    public const string CodeManagement = "codes.manage";
    /// <summary>码对象主体管理: the subjects (persons, enterprises, venues, licences) the categories' codes are about, masked.</summary>
    public const string CodeSubjects = "codesubjects.view";
    /// <summary>Correct a code subject's name, region or status (with a reason, audited).</summary>
    public const string CodeSubjectsEdit = "codesubjects.edit";
    /// <summary>日志记录: 扫码, 亮码, 授权办事 and 操作记录 of the jurisdiction's people, masked.</summary>
    public const string CodeLogs = "codelogs.view";
    // 一码通 appointments and enterprise codes (issue #17).
    public const string Appointments = "appointments.manage";
    /// <summary>Counter staff: verify an appointment code and mark the arrival (预约签到).</summary>
    public const string AppointmentsCounter = "appointments.counter";
    public const string Enterprises = "enterprises.manage";
    // 一码通 data views, data support and digital space (issue #18).
    public const string DataViews = "dataviews.view";
    public const string DataSupport = "datasupport.manage";
    /// <summary>数字空间: tag kinds and the jurisdiction's tags (masked).</summary>
    public const string DigitalSpaceView = "digitalspace.view";
    /// <summary>Create and change tag kinds, import tags.</summary>
    public const string DigitalSpaceEdit = "digitalspace.edit";
    /// <summary>Decide the objections (纠错/异议) against tags of the jurisdiction.</summary>
    public const string DigitalSpaceReview = "digitalspace.review";

    /// <summary>The permissions that open an admin area (one menu entry each), with their Chinese labels, in menu order.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Areas =
    [
        (Organisations, "机构与场所"),
        (Posters, "张贴码"),
        (Staff, "人员管理"), (Roles, "角色权限"), (Faq, "常见问题"),
        (Feedback, "纠错反馈"), (Announcements, "资讯与服务"), (Forms, "表单管理"), (CodeManagement, "码管理"), (CodeStyles, "码样式"), (CodeEngine, "码引擎管理"), (CodeSubjects, "码对象主体管理"),
        (Errands, "授权办事"),
        (AppealsReview, "申诉审核"), (OverrideApprove, "人工赋码审批"), (HealthImports, "健康数据导入"), (Records, "核验记录"), (CodeApps, "码应用管理"), (CodeLogs, "日志记录"), (Statistics, "统计分析"), (Jobs, "定时任务"),
        (Audit, "操作日志"),
        (Licences, "电子证照"),
        (Appointments, "码上预约"), (AppointmentsCounter, "预约签到"), (Enterprises, "企业码管理"),
        (DataViews, "数据查看"), (DataSupport, "数据支撑管理"), (DigitalSpaceView, "数字空间"),
    ];

    /// <summary>Permissions for an action inside an area someone may already open (run a job now).</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Actions =
    [
        (JobsRun, "立即运行定时任务"),
        (HealthImportsApprove, "审批健康数据导入"),
        (CodeSubjectsEdit, "更正码对象主体"),
        (DigitalSpaceEdit, "维护标签类型和导入标签"),
        (DigitalSpaceReview, "审核标签异议"),
    ];

    /// <summary>Every permission a role can hold: the areas, then the actions.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> All = [.. Areas, .. Actions];

    public static bool IsKnown(string code) => All.Any(p => p.Code == code);

    public static string LabelOf(string code) => All.FirstOrDefault(p => p.Code == code).Label ?? code;
}

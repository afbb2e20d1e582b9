using Microsoft.AspNetCore.WebUtilities;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Feedback;
using MiniCode.Features.Forms;
using MiniCode.Features.HealthCodes.Statistics;
using MiniCode.Features.Jobs;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Statistics;

/// <summary>
/// Per-day counts over the chosen date range (a preset number of days or from/to): codes issued, shown and scanned by
/// UTC day (the counters' day), by code type and by region within the staff member's jurisdiction (optionally one
/// code type or one region inside it); feedback and form submissions by local (Asia/Shanghai) calendar day. Every
/// figure, the feedback, form and staff counts included, covers the jurisdiction only.
/// </summary>
[RequirePermission(Permissions.Statistics)]
public sealed class IndexModel(CodeStatisticsService statistics, JobsService jobs) : RegionalPageModel
{
    /// <summary>Longest range one request may ask for, so a page never scans years of rows.</summary>
    public const int MaxRangeDays = 366;

    public sealed record CategoryShare(string Label, int Count, double Share);

    [BindProperty(SupportsGet = true)] public int Days { get; set; } = 14;
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    public CodeUsageReport Codes { get; private set; } = null!;
    /// <summary>The region prefix the figures cover ("" = every region).</summary>
    public string Scope { get; private set; } = "";
    public DateTimeOffset? LastRollUp { get; private set; }
    public int FeedbackTotal { get; private set; }
    public int FeedbackPending { get; private set; }
    public int SubmissionTotal { get; private set; }
    public int ActiveStaff { get; private set; }
    public IReadOnlyList<(string Label, int Value)> FeedbackPerDay { get; private set; } = [];
    public IReadOnlyList<(string Label, int Value)> SubmissionsPerDay { get; private set; } = [];
    public IReadOnlyList<CategoryShare> FeedbackByCategory { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Days = Days is 7 or 14 or 30 ? Days : 14;
        var today = Calendar.Today();
        if (From is { } from && To is { } to)
        {
            if (!Accept(new InputValidator().Check(from <= to, nameof(From), "开始日期不能晚于结束日期")
                    .Check(to.DayNumber - from.DayNumber < MaxRangeDays, nameof(To), $"日期范围不能超过 {MaxRangeDays} 天")))
                (From, To) = (null, null);
            else Days = to.DayNumber - from.DayNumber + 1;
        }
        else (From, To) = (null, null);
        var lastDay = To ?? today;
        var firstDay = From ?? today.AddDays(1 - Days);
        var until = LocalMidnight(lastDay.AddDays(1));
        NarrowScope();
        Codes = await CodeStatistics.LoadAsync(Within, statistics, firstDay, lastDay, Scope, Type, ct);
        LastRollUp = jobs.LastSucceededAt("rollup-statistics");
        var since = LocalMidnight(firstDay);

        // Like the code figures, every count stays within the jurisdiction.
        FeedbackTotal = await Within.Feedback.CountAsync(ct);
        FeedbackPending = await Within.Feedback.CountAsync(f => f.Status == FeedbackStatus.Pending, ct);
        SubmissionTotal = await Within.FormSubmissions.CountAsync(ct);
        ActiveStaff = await Within.Staff.CountAsync(s => s.Status == StaffStatus.Active, ct);

        var feedback = await Within.Feedback.AsNoTracking().Where(f => f.CreatedAt >= since && f.CreatedAt < until).Select(f => new { f.CreatedAt, f.Category }).ToListAsync(ct);
        var submissions = await Within.FormSubmissions.AsNoTracking().Where(s => s.SubmittedAt >= since && s.SubmittedAt < until).Select(s => s.SubmittedAt).ToListAsync(ct);
        FeedbackPerDay = PerDay(feedback.Select(f => f.CreatedAt), firstDay);
        SubmissionsPerDay = PerDay(submissions, firstDay);
        var total = Math.Max(1, feedback.Count);
        FeedbackByCategory = Enum.GetValues<FeedbackCategory>()
            .Select(c => new CategoryShare(FeedbackEntry.CategoryLabel(c), feedback.Count(f => f.Category == c), (double)feedback.Count(f => f.Category == c) / total)).ToList();
    }

    /// <summary>The jurisdiction bounds every figure; a chosen region or code type narrows it, an invalid one is refused.</summary>
    private void NarrowScope()
    {
        Region = string.IsNullOrWhiteSpace(Region) ? null : Region.Trim();
        Type = string.IsNullOrWhiteSpace(Type) ? null : Type.Trim();
        var typeKnown = Type is null || CodeStatistics.CodeTypes.Any(t => t.Key == Type);
        var regionValid = Region is null || RegionCodes.IsValid(Region);
        var regionInside = Region is null || !regionValid || MayTarget(Region);
        var validator = new InputValidator().Check(typeKnown, nameof(Type), "未知的码类型")
            .Check(regionValid, nameof(Region), "地区代码应为 6 位行政区划代码");
        if (validator.IsValid) validator.Check(regionInside, nameof(Region), $"只能查看本辖区（{Jurisdiction}）内的统计");
        Accept(validator);
        if (!typeKnown) Type = null;
        if (!regionValid || !regionInside) Region = null;
        // An invalid or out-of-jurisdiction region falls back to the whole jurisdiction, never wider.
        Scope = Within.StatisticsPrefix(Region);
    }

    public static IReadOnlyList<(string Label, int Value)> Series(IEnumerable<CodeDay> days, Func<CodeDay, long> value) =>
        days.Select(d => (CodeStatistics.DayLabel(d.Day), (int)Math.Min(int.MaxValue, value(d)))).ToList();

    /// <summary>The same page narrowed to one region (the date range and code type kept).</summary>
    public string DrillDown(string region) => QueryHelpers.AddQueryString("/admin/statistics", new Dictionary<string, string?>
    {
        ["days"] = From is null ? Days.ToString(CultureInfo.InvariantCulture) : null, ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["type"] = Type, ["region"] = region,
    }.Where(p => p.Value is not null));

    public string Local(DateTimeOffset at) => Calendar.Format(at, "yyyy-MM-dd HH:mm");


    private List<(string, int)> PerDay(IEnumerable<DateTimeOffset> moments, DateOnly firstDay)
    {
        var counts = moments.GroupBy(m => Calendar.DayOf(m)).ToDictionary(g => g.Key, g => g.Count());
        return Enumerable.Range(0, Days).Select(i => firstDay.AddDays(i))
            .Select(d => (d.ToString("MM-dd", CultureInfo.InvariantCulture), counts.GetValueOrDefault(d))).ToList();
    }
}

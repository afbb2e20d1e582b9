using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Feedback;
using MiniCode.Features.Forms;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Statistics;

/// <summary>
/// Per-day counts over the chosen date range (a preset number of days or from/to): health codes issued, shown and
/// scanned by UTC day (the counters' day), feedback and form submissions by local (Asia/Shanghai) calendar day.
/// </summary>
[RequirePermission(Permissions.Statistics)]
public sealed class IndexModel(MiniCodeDbContext db, TimeProvider time) : AdminPageModel
{
    /// <summary>Longest range one request may ask for, so a page never scans years of rows.</summary>
    public const int MaxRangeDays = 366;

    public sealed record CategoryShare(string Label, int Count, double Share);

    [BindProperty(SupportsGet = true)] public int Days { get; set; } = 14;
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public CodeUsageReport Codes { get; private set; } = null!;
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
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), time.LocalTimeZone).Date);
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
        var until = Start(lastDay.AddDays(1));
        Codes = await CodeStatistics.LoadAsync(db, firstDay, lastDay, ct);
        var since = Start(firstDay);

        FeedbackTotal = await db.Set<FeedbackEntry>().CountAsync(ct);
        FeedbackPending = await db.Set<FeedbackEntry>().CountAsync(f => f.Status == FeedbackStatus.Pending, ct);
        SubmissionTotal = await db.Set<FormSubmission>().CountAsync(ct);
        ActiveStaff = await db.Set<StaffMember>().CountAsync(s => s.Status == StaffStatus.Active, ct);

        var feedback = await db.Set<FeedbackEntry>().AsNoTracking().Where(f => f.CreatedAt >= since && f.CreatedAt < until).Select(f => new { f.CreatedAt, f.Category }).ToListAsync(ct);
        var submissions = await db.Set<FormSubmission>().AsNoTracking().Where(s => s.SubmittedAt >= since && s.SubmittedAt < until).Select(s => s.SubmittedAt).ToListAsync(ct);
        FeedbackPerDay = PerDay(feedback.Select(f => f.CreatedAt), firstDay);
        SubmissionsPerDay = PerDay(submissions, firstDay);
        var total = Math.Max(1, feedback.Count);
        FeedbackByCategory = Enum.GetValues<FeedbackCategory>()
            .Select(c => new CategoryShare(FeedbackEntry.CategoryLabel(c), feedback.Count(f => f.Category == c), (double)feedback.Count(f => f.Category == c) / total)).ToList();
    }

    public static IReadOnlyList<(string Label, int Value)> Series(IEnumerable<CodeDay> days, Func<CodeDay, long> value) =>
        days.Select(d => (CodeStatistics.DayLabel(d.Day), (int)Math.Min(int.MaxValue, value(d)))).ToList();

    /// <summary>The UTC instant a local calendar day starts.</summary>
    private DateTimeOffset Start(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, time.LocalTimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private List<(string, int)> PerDay(IEnumerable<DateTimeOffset> moments, DateOnly firstDay)
    {
        var counts = moments.GroupBy(m => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(m, time.LocalTimeZone).Date)).ToDictionary(g => g.Key, g => g.Count());
        return Enumerable.Range(0, Days).Select(i => firstDay.AddDays(i))
            .Select(d => (d.ToString("MM-dd", CultureInfo.InvariantCulture), counts.GetValueOrDefault(d))).ToList();
    }
}

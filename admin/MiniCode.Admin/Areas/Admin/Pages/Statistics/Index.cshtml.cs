using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Feedback;
using MiniCode.Features.Forms;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.Statistics;

/// <summary>Per-day counts over the chosen window, bucketed by local (Asia/Shanghai) calendar day.</summary>
[RequirePermission(Permissions.Statistics)]
public sealed class IndexModel(MiniCodeDbContext db, TimeProvider time) : AdminPageModel
{
    public sealed record CategoryShare(string Label, int Count, double Share);

    [BindProperty(SupportsGet = true)] public int Days { get; set; } = 14;
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
        var firstDay = today.AddDays(1 - Days);
        var local = firstDay.ToDateTime(TimeOnly.MinValue);
        var since = new DateTimeOffset(local, time.LocalTimeZone.GetUtcOffset(local)).ToUniversalTime();

        FeedbackTotal = await db.Set<FeedbackEntry>().CountAsync(ct);
        FeedbackPending = await db.Set<FeedbackEntry>().CountAsync(f => f.Status == FeedbackStatus.Pending, ct);
        SubmissionTotal = await db.Set<FormSubmission>().CountAsync(ct);
        ActiveStaff = await db.Set<StaffMember>().CountAsync(s => s.Status == StaffStatus.Active, ct);

        var feedback = await db.Set<FeedbackEntry>().AsNoTracking().Where(f => f.CreatedAt >= since).Select(f => new { f.CreatedAt, f.Category }).ToListAsync(ct);
        var submissions = await db.Set<FormSubmission>().AsNoTracking().Where(s => s.SubmittedAt >= since).Select(s => s.SubmittedAt).ToListAsync(ct);
        FeedbackPerDay = PerDay(feedback.Select(f => f.CreatedAt), firstDay);
        SubmissionsPerDay = PerDay(submissions, firstDay);
        var total = Math.Max(1, feedback.Count);
        FeedbackByCategory = Enum.GetValues<FeedbackCategory>()
            .Select(c => new CategoryShare(FeedbackEntry.CategoryLabel(c), feedback.Count(f => f.Category == c), (double)feedback.Count(f => f.Category == c) / total)).ToList();
    }

    private List<(string, int)> PerDay(IEnumerable<DateTimeOffset> moments, DateOnly firstDay)
    {
        var counts = moments.GroupBy(m => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(m, time.LocalTimeZone).Date)).ToDictionary(g => g.Key, g => g.Count());
        return Enumerable.Range(0, Days).Select(i => firstDay.AddDays(i))
            .Select(d => (d.ToString("MM-dd", CultureInfo.InvariantCulture), counts.GetValueOrDefault(d))).ToList();
    }
}

using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Faq;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.Faq;

/// <summary>未解答的问题: what citizens searched and the FAQ could not answer, most asked first; staff dismiss a row once answered.</summary>
[RequirePermission(Permissions.Faq)]
[PlatformWide("the FAQ serves every region, so what it could not answer is one list")]
public sealed class UnansweredModel(MiniCodeDbContext db) : AdminPageModel
{
    public IReadOnlyList<FaqUnansweredQuestion> Questions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Questions = await db.Set<FaqUnansweredQuestion>().AsNoTracking().OrderByDescending(q => q.Count).ThenByDescending(q => q.LastAskedAt).Take(200).ToListAsync(ct);

    public async Task<IActionResult> OnPostDismissAsync(long id, CancellationToken ct)
    {
        var question = await db.Set<FaqUnansweredQuestion>().FindAsync([id], ct);
        if (question is null) return NotFound();
        db.Remove(question);
        await Audit.RecordAsync("faq.unanswered_dismiss", "faq_unanswered", id, new { question.Text, question.Count }, ct: ct);
        Flash("已移除");
        return RedirectToPage();
    }

    public string Local(DateTimeOffset at) => Calendar.Format(at, "yyyy-MM-dd HH:mm");
}

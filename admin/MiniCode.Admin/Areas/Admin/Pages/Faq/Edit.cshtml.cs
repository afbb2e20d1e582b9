using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Faq;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Faq;

[RequirePermission(Permissions.Faq)]
[PlatformWide("FAQ categories, questions and hotline numbers are published to the mini program of every region")]
public sealed class EditModel(MiniCodeDbContext db, TimeProvider time) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty(SupportsGet = true)] public long CategoryId { get; set; }
    [BindProperty] public string? Question { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public bool IsHot { get; set; }
    public IReadOnlyList<FaqCategory> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Categories = await LoadCategoriesAsync(ct);
        if (Id is null) return Page();
        var q = await db.Set<FaqQuestion>().FindAsync([Id], ct);
        if (q is null) return NotFound();
        (CategoryId, Question, Answer, IsHot) = (q.CategoryId, q.Question, q.Answer, q.IsHot);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Categories = await LoadCategoriesAsync(ct);
        var validator = new InputValidator().Check(Categories.Any(c => c.Id == CategoryId), nameof(CategoryId), "请选择分类")
            .Required(Question?.Trim(), nameof(Question), "问题", 200).Required(Answer?.Trim(), nameof(Answer), "答案", 4000);
        var question = Id is null ? new FaqQuestion() : await db.Set<FaqQuestion>().FindAsync([Id], ct);
        if (question is null) return NotFound();
        if (!Accept(validator)) return Page();

        var before = Id is null ? null : question.Snapshot();
        if (Id is null || question.CategoryId != CategoryId)
            question.SortOrder = (await db.Set<FaqQuestion>().Where(q => q.CategoryId == CategoryId).Select(q => (int?)q.SortOrder).MaxAsync(ct) ?? 0) + 1;
        (question.CategoryId, question.Question, question.Answer, question.IsHot, question.UpdatedAt) = (CategoryId, Question!.Trim(), Answer!.Trim(), IsHot, time.GetUtcNow());
        if (Id is null)
        {
            db.Add(question);
            await Audit.RecordCreatedAsync("faq.question_create", "faq_question", question, q => q.Id, question.Snapshot(), ct);
        }
        else await Audit.RecordAsync("faq.question_update", "faq_question", question.Id, before, question.Snapshot(), ct);
        Flash("问题已保存");
        return Redirect($"/admin/faq?categoryId={CategoryId}");
    }

    private Task<List<FaqCategory>> LoadCategoriesAsync(CancellationToken ct) =>
        db.Set<FaqCategory>().AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
}

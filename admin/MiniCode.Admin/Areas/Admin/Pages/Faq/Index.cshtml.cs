using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.Faq;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Faq;

[RequirePermission(Permissions.Faq)]
[PlatformWide("FAQ categories, questions and hotline numbers are published to the mini program of every region")]
public sealed class IndexModel(MiniCodeDbContext db, TimeProvider time) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public long? CategoryId { get; set; }
    public IReadOnlyList<FaqCategory> Categories { get; private set; } = [];
    public IReadOnlyList<FaqQuestion> Questions { get; private set; } = [];
    public IReadOnlyList<FaqQuestion> Shown => CategoryId is { } c ? Questions.Where(q => q.CategoryId == c).ToList() : Questions;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public int CountOf(long categoryId) => Questions.Count(q => q.CategoryId == categoryId);
    public string CategoryName(long id) => Categories.FirstOrDefault(c => c.Id == id)?.Name ?? "";

    public async Task<IActionResult> OnPostAddCategoryAsync(string? name, CancellationToken ct)
    {
        name = name?.Trim();
        var validator = new InputValidator().Required(name, "name", "分类名称", 50)
            .Check(!await db.Set<FaqCategory>().AnyAsync(c => c.Name == name, ct), "name", "分类已存在");
        if (!Accept(validator))
        {
            await LoadAsync(ct);
            return Page();
        }
        var order = await db.Set<FaqCategory>().Select(c => (int?)c.SortOrder).MaxAsync(ct) ?? 0;
        var category = new FaqCategory { Name = name!, SortOrder = order + 1 };
        db.Add(category);
        await Audit.RecordCreatedAsync("faq.category_create", "faq_category", category, c => c.Id, new { category.Name }, ct);
        Flash($"分类“{category.Name}”已添加");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRenameCategoryAsync(long id, string? name, CancellationToken ct)
    {
        var category = await db.Set<FaqCategory>().FindAsync([id], ct);
        if (category is null) return NotFound();
        name = name?.Trim();
        var validator = new InputValidator().Required(name, "name", "分类名称", 50)
            .Check(!await db.Set<FaqCategory>().AnyAsync(c => c.Name == name && c.Id != id, ct), "name", "分类已存在");
        if (!Accept(validator))
        {
            await LoadAsync(ct);
            return Page();
        }
        var before = new { category.Name };
        category.Name = name!;
        await Audit.RecordAsync("faq.category_rename", "faq_category", id, before, new { category.Name }, ct);
        Flash($"分类已改名为“{category.Name}”");
        return RedirectToPage(new { CategoryId });
    }

    /// <summary>Deletes an empty category; one that still holds questions is refused (move or delete them first).</summary>
    public async Task<IActionResult> OnPostDeleteCategoryAsync(long id, CancellationToken ct)
    {
        var category = await db.Set<FaqCategory>().FindAsync([id], ct);
        if (category is null) return NotFound();
        var questions = await db.Set<FaqQuestion>().CountAsync(q => q.CategoryId == id, ct);
        if (questions > 0)
        {
            ModelState.AddModelError("", $"分类“{category.Name}”下还有 {questions} 个问题，请先移走或删除这些问题");
            await LoadAsync(ct);
            return Page();
        }
        db.Remove(category);
        await Audit.RecordAsync("faq.category_delete", "faq_category", id, new { category.Name }, ct: ct);
        Flash($"分类“{category.Name}”已删除");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostMoveCategoryAsync(long id, bool up, CancellationToken ct)
    {
        var all = await db.Set<FaqCategory>().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        if (!Swap(all, all.FindIndex(c => c.Id == id), up, c => c.SortOrder, (c, v) => c.SortOrder = v)) return NotFound();
        await Audit.RecordAsync("faq.category_reorder", "faq_category", id, after: all.Select(c => c.Id).ToList(), ct: ct);
        return RedirectToPage(new { CategoryId });
    }

    public async Task<IActionResult> OnPostMoveAsync(long id, bool up, CancellationToken ct)
    {
        var question = await db.Set<FaqQuestion>().FindAsync([id], ct);
        if (question is null) return NotFound();
        var siblings = await db.Set<FaqQuestion>().Where(q => q.CategoryId == question.CategoryId).OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync(ct);
        Swap(siblings, siblings.FindIndex(q => q.Id == id), up, q => q.SortOrder, (q, v) => q.SortOrder = v);
        await Audit.RecordAsync("faq.question_reorder", "faq_question", id, after: siblings.Select(q => q.Id).ToList(), ct: ct);
        return RedirectToPage(new { CategoryId });
    }

    public async Task<IActionResult> OnPostToggleHotAsync(long id, CancellationToken ct)
    {
        var question = await db.Set<FaqQuestion>().FindAsync([id], ct);
        if (question is null) return NotFound();
        var before = question.Snapshot();
        question.IsHot = !question.IsHot;
        question.UpdatedAt = time.GetUtcNow();
        await Audit.RecordAsync("faq.question_update", "faq_question", id, before, question.Snapshot(), ct);
        return RedirectToPage(new { CategoryId });
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        var question = await db.Set<FaqQuestion>().FindAsync([id], ct);
        if (question is null) return NotFound();
        db.Remove(question);
        await Audit.RecordAsync("faq.question_delete", "faq_question", id, question.Snapshot(), ct: ct);
        Flash("问题已删除");
        return RedirectToPage(new { CategoryId });
    }

    /// <summary>Renumbers the list 1..n after swapping item <paramref name="index"/> with its neighbour.</summary>
    private static bool Swap<T>(List<T> items, int index, bool up, Func<T, int> get, Action<T, int> set)
    {
        if (index < 0) return false;
        var other = up ? index - 1 : index + 1;
        if (other >= 0 && other < items.Count) (items[index], items[other]) = (items[other], items[index]);
        for (var i = 0; i < items.Count; i++) if (get(items[i]) != i + 1) set(items[i], i + 1);
        return true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Categories = await db.Set<FaqCategory>().AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        var order = Categories.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        Questions = (await db.Set<FaqQuestion>().AsNoTracking().ToListAsync(ct))
            .OrderBy(q => order.GetValueOrDefault(q.CategoryId)).ThenBy(q => q.SortOrder).ThenBy(q => q.Id).ToList();
    }
}

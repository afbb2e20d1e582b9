using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MiniCode.Admin.Security;
using MiniCode.Features.DigitalSpace;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Admin.Areas.Admin.Pages.DigitalSpace;

/// <summary>
/// 数字空间 · 异议审核: citizens' objections (纠错/异议) against tags of people within the jurisdiction, oldest open first.
/// 属实 removes the tag, 驳回 keeps it; the answer is shown to the citizen. Outside the jurisdiction answers 404.
/// Audited <c>tag_objection.uphold</c> / <c>tag_objection.reject</c>.
/// </summary>
[RequirePermission(Permissions.DigitalSpaceReview)]
public sealed class ObjectionsModel(ObjectionReview review, IOptions<DigitalSpaceOptions> options) : RegionalPageModel
{
    public sealed record Row(TagObjection Objection, string Kind, string Subject, LegalBasisKind Basis, string? BasisReference);

    [BindProperty(SupportsGet = true)] public ObjectionStatus? Status { get; set; } = ObjectionStatus.Open;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int MaxTextLength => options.Value.MaxTextLength;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostDecideAsync(long id, bool uphold, string? answer, CancellationToken ct)
    {
        var objection = await Within.TagObjections.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (objection is null) return NotFound();
        if (!Accept(new InputValidator().Required(answer, "answer", "答复", MaxTextLength))) { await LoadAsync(ct); return Page(); }
        try
        {
            var (before, after) = await review.DecideAsync(objection, uphold, answer!, Current.Actor, ct);
            await Audit.RecordAsync(uphold ? "tag_objection.uphold" : "tag_objection.reject", "tag_objection", id, before, after, ct);
        }
        catch (ApiException ex)
        {
            Refused(ex);
            await LoadAsync(ct);
            return Page();
        }
        Flash(uphold ? "异议属实，标签已删除，处理结果已告知本人" : "已驳回异议，标签保留，答复已告知本人");
        return RedirectToPage();
    }

    public string Local(DateTimeOffset? at) => at is { } t ? Calendar.Format(t, "yyyy-MM-dd HH:mm") : "";

    private async Task LoadAsync(CancellationToken ct)
    {
        var query = Within.TagObjections.AsNoTracking();
        if (Status is { } s) query = query.Where(o => o.Status == s);
        var objections = await query.OrderBy(o => o.SubmittedAt).ThenBy(o => o.Id).Take(500).ToListAsync(ct);
        var tagIds = objections.Select(o => o.TagId).ToList();
        var tags = await Within.Tags.AsNoTracking().Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var kindIds = tags.Values.Select(t => t.KindId).Distinct().ToList();
        var kinds = await Db.Set<TagKind>().AsNoTracking().Where(k => kindIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.Name, ct);
        var personIds = objections.Select(o => o.PersonId).Distinct().ToList();
        var people = await Within.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.DocumentMasked })
            .ToDictionaryAsync(p => p.Id, p => $"{SensitiveDataMasker.MaskName(p.Name)} {p.DocumentMasked}", ct);
        Rows = objections.Where(o => tags.ContainsKey(o.TagId)).Select(o =>
        {
            var tag = tags[o.TagId];
            return new Row(o, kinds.GetValueOrDefault(tag.KindId, ""), people.GetValueOrDefault(o.PersonId, ""), tag.BasisKind, tag.BasisReference);
        }).ToList();
    }
}

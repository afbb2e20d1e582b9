using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Feedback;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Feedback;

/// <summary>One feedback entry: status and reply. An entry outside the jurisdiction answers 404, as if it did not exist.</summary>
[RequirePermission(Permissions.Feedback)]
public sealed class DetailModel(TimeProvider time) : RegionalPageModel
{
    public FeedbackEntry Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, FeedbackStatus status, string? reply, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        reply = string.IsNullOrWhiteSpace(reply) ? null : reply.Trim();
        var validator = new InputValidator().Check(Enum.IsDefined(status), "Status", "状态无效").Optional(reply, "Reply", "回复", 2000)
            .Check(status != FeedbackStatus.Resolved || reply is not null, "Reply", "办结时请填写回复");
        if (!Accept(validator))
        {
            (Item.Status, Item.Reply) = (status, reply); // show what was entered; nothing is saved
            return Page();
        }
        var before = Item.Snapshot();
        if (reply != Item.Reply)
        {
            Item.Reply = reply;
            Item.RepliedAt = time.GetUtcNow();
            Item.RepliedBy = Current.Actor;
        }
        Item.Status = status;
        await Audit.RecordAsync("feedback.update", "feedback", id, before, Item.Snapshot(), ct);
        Flash("反馈已更新");
        return Redirect($"/admin/feedback/detail?id={id}");
    }

    public string Local(DateTimeOffset at) => Calendar.Format(at, "yyyy-MM-dd HH:mm");

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var item = await Within.Feedback.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (item is null) return false;
        Item = item;
        return true;
    }
}

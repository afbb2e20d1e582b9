using MiniCode.Infrastructure.Errors;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Notices;

namespace MiniCode.Features.HealthCodes.Appeals;

public sealed record AppealRequest(string? Text, string? AttachmentName, string? AttachmentBase64);

public sealed record AppealView(long Id, HealthColor ColorAtFiling, string Text, bool HasAttachment, AppealStatus Status,
    DateTimeOffset FiledAt, DateTimeOffset? ResolvedAt, string? Resolution);

/// <summary>纠错: citizens file appeals; staff (through the admin) resolve them, usually together with an override request.</summary>
public sealed class AppealService(MiniCodeDbContext db, AuditLog audit, NoticeDispatcher notices, IOptions<HealthCodeOptions> options, TimeProvider time)
{
    public async Task<AppealView> FileAsync(long personId, long accountId, AppealRequest request, CancellationToken ct)
    {
        var v = new InputValidator().Required(request.Text, "text", "申诉内容", 1000);
        byte[]? attachment = null;
        if (request.AttachmentBase64 is { Length: > 0 } b64)
        {
            try { attachment = Convert.FromBase64String(b64); } catch (FormatException) { v.Add("attachmentBase64", "附件编码无效"); }
            if (attachment is not null)
            {
                v.Check(attachment.Length <= options.Value.MaxAppealAttachmentBytes, "attachmentBase64", $"附件不能超过{options.Value.MaxAppealAttachmentBytes / 1024}KB");
                v.Check(IsAllowedFile(attachment), "attachmentBase64", "附件仅支持 JPEG、PNG 或 PDF");
            }
            v.Optional(request.AttachmentName, "attachmentName", "附件名称", 100);
        }
        v.ThrowIfInvalid();
        var color = await db.Set<HealthStatus>().Where(s => s.PersonId == personId).Select(s => (HealthColor?)s.Color).FirstOrDefaultAsync(ct) ?? HealthColor.Green;
        var appeal = new Appeal
        {
            PersonId = personId, AccountId = accountId, ColorAtFiling = color, Text = request.Text!.Trim(),
            Attachment = attachment, AttachmentName = attachment is null ? null : request.AttachmentName ?? "attachment",
            Status = AppealStatus.Open, FiledAt = time.GetUtcNow(),
        };
        db.Add(appeal);
        await db.SaveChangesAsync(ct);
        return ToView(appeal);
    }

    public async Task<IReadOnlyList<AppealView>> ListMineAsync(long personId, CancellationToken ct) =>
        (await db.Set<Appeal>().AsNoTracking().Where(a => a.PersonId == personId).OrderByDescending(a => a.Id).Take(50).ToListAsync(ct)).Select(ToView).ToList();

    /// <summary>Open appeals, oldest first, for the admin's review queue.</summary>
    public async Task<IReadOnlyList<(long PersonId, AppealView Appeal)>> ListOpenAsync(int take, CancellationToken ct) =>
        (await db.Set<Appeal>().AsNoTracking().Where(a => a.Status == AppealStatus.Open).OrderBy(a => a.Id).Take(take).ToListAsync(ct))
            .Select(a => (a.PersonId, ToView(a))).ToList();

    /// <summary>Closes an appeal with a resolution; a colour change goes through <see cref="OverrideService"/>, never here.</summary>
    public async Task<AppealView> ResolveAsync(long appealId, string staffActor, bool upheld, string resolution, CancellationToken ct)
    {
        new InputValidator().Required(resolution, "resolution", "处理意见", 500).ThrowIfInvalid();
        var appeal = await db.Set<Appeal>().FirstOrDefaultAsync(a => a.Id == appealId, ct) ?? throw new ApiException(HealthCodeErrors.AppealNotFound);
        if (appeal.Status != AppealStatus.Open) throw new ApiException(HealthCodeErrors.AppealClosed);
        var now = time.GetUtcNow();
        appeal.Status = upheld ? AppealStatus.Resolved : AppealStatus.Rejected;
        appeal.Resolution = resolution.Trim();
        appeal.ResolvedBy = staffActor;
        appeal.ResolvedAt = now;
        audit.Record(staffActor, "appeal.resolve", "appeal", appeal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { status = AppealStatus.Open }, new { status = appeal.Status, resolution = appeal.Resolution });
        await db.SaveChangesAsync(ct);
        notices.Enqueue(new NoticeMessage(appeal.PersonId, "appeal_resolved", "纠错申诉处理结果", $"您的申诉已处理：{appeal.Resolution}", now));
        await notices.FlushAsync(ct);
        return ToView(appeal);
    }

    private static bool IsAllowedFile(byte[] b) =>
        (b.Length > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        || (b.Length > 8 && b[0] == 0x89 && b[1] == 0x50 && b[2] == 0x4E && b[3] == 0x47)
        || (b.Length > 4 && b[0] == 0x25 && b[1] == 0x50 && b[2] == 0x44 && b[3] == 0x46);

    private static AppealView ToView(Appeal a) =>
        new(a.Id, a.ColorAtFiling, a.Text, a.Attachment is not null, a.Status, a.FiledAt, a.ResolvedAt, a.Resolution);
}

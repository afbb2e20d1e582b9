using MiniCode.Infrastructure.Errors;
using System.Globalization;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Notices;

namespace MiniCode.Features.HealthCodes.Appeals;

public sealed record OverrideRequest(long PersonId, HealthColor Color, string? ReasonCode, string? Note, long? AppealId, DateTimeOffset? EndsAt);

public sealed record OverrideView(long Id, long PersonId, HealthColor Color, string ReasonCode, string Note, OverrideStatus Status,
    string RequestedBy, string? DecidedBy, DateTimeOffset? EndsAt);

/// <summary>
/// Manual colour overrides (人工赋码). Four-eyes: one staff member requests with a rule reason code, a different one
/// approves; only then the colour is recomputed (cause "override"), with audit entries and a notice to the citizen.
/// </summary>
public sealed class OverrideService(MiniCodeDbContext db, HealthStatusService statuses, AuditLog audit, NoticeDispatcher notices,
    IOptions<ColorRulesOptions> rules, TimeProvider time)
{
    public async Task<OverrideView> RequestAsync(string staffActor, OverrideRequest request, CancellationToken ct)
    {
        var v = new InputValidator().Required(request.Note, "note", "赋码说明", 500);
        if (request.ReasonCode is null || !rules.Value.OverrideReasons.ContainsKey(request.ReasonCode)) throw new ApiException(HealthCodeErrors.OverrideReasonUnknown);
        v.Check(request.EndsAt is null || request.EndsAt > time.GetUtcNow(), "endsAt", "结束时间应晚于当前时间");
        v.Check(await db.Set<People.Person>().AnyAsync(p => p.Id == request.PersonId, ct), "personId", "人员不存在");
        v.ThrowIfInvalid();
        var o = new ColorOverride
        {
            PersonId = request.PersonId, AppealId = request.AppealId, Color = request.Color, ReasonCode = request.ReasonCode,
            Note = request.Note!.Trim(), Status = OverrideStatus.Pending, RequestedBy = staffActor, RequestedAt = time.GetUtcNow(), EndsAt = request.EndsAt,
        };
        db.Add(o);
        await db.SaveChangesAsync(ct);
        audit.Record(staffActor, "override.request", "color_override", Id(o), null, Snapshot(o));
        await db.SaveChangesAsync(ct);
        return ToView(o);
    }

    public async Task<OverrideView> ApproveAsync(long overrideId, string approverActor, CancellationToken ct)
    {
        var o = await PendingAsync(overrideId, ct);
        if (string.Equals(o.RequestedBy, approverActor, StringComparison.Ordinal)) throw new ApiException(HealthCodeErrors.OverrideSecondApproverRequired);
        var now = time.GetUtcNow();
        o.Status = OverrideStatus.Approved;
        o.DecidedBy = approverActor;
        o.DecidedAt = now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var status = await statuses.RecomputeAsync(o.PersonId, "override", approverActor, ct);
        audit.Record(approverActor, "override.approve", "color_override", Id(o), new { status = OverrideStatus.Pending }, Snapshot(o));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var reason = rules.Value.OverrideReasons[o.ReasonCode];
        notices.Enqueue(new NoticeMessage(o.PersonId, "override", "健康码人工赋码",
            $"经复核，您的健康码已调整为{ColorNames.Chinese(status.Color)}。依据：{reason}。如有异议可提交纠错申诉。", now));
        await notices.FlushAsync(ct);
        return ToView(o);
    }

    public async Task<OverrideView> RejectAsync(long overrideId, string approverActor, CancellationToken ct)
    {
        var o = await PendingAsync(overrideId, ct);
        o.Status = OverrideStatus.Rejected;
        o.DecidedBy = approverActor;
        o.DecidedAt = time.GetUtcNow();
        audit.Record(approverActor, "override.reject", "color_override", Id(o), new { status = OverrideStatus.Pending }, Snapshot(o));
        await db.SaveChangesAsync(ct);
        return ToView(o);
    }

    /// <summary>Ends an approved override early; the computed colour returns (cause "override.end").</summary>
    public async Task<OverrideView> EndAsync(long overrideId, string staffActor, CancellationToken ct)
    {
        var o = await db.Set<ColorOverride>().FirstOrDefaultAsync(x => x.Id == overrideId, ct) ?? throw new ApiException(HealthCodeErrors.OverrideNotFound);
        if (o.Status != OverrideStatus.Approved) throw new ApiException(HealthCodeErrors.OverrideNotPending);
        o.Status = OverrideStatus.Ended;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await statuses.RecomputeAsync(o.PersonId, "override.end", staffActor, ct);
        audit.Record(staffActor, "override.end", "color_override", Id(o), new { status = OverrideStatus.Approved }, Snapshot(o));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await notices.FlushAsync(ct);
        return ToView(o);
    }

    public async Task<IReadOnlyList<OverrideView>> ListPendingAsync(int take, CancellationToken ct) =>
        (await db.Set<ColorOverride>().AsNoTracking().Where(o => o.Status == OverrideStatus.Pending).OrderBy(o => o.Id).Take(take).ToListAsync(ct)).Select(ToView).ToList();

    private async Task<ColorOverride> PendingAsync(long id, CancellationToken ct)
    {
        var o = await db.Set<ColorOverride>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new ApiException(HealthCodeErrors.OverrideNotFound);
        return o.Status == OverrideStatus.Pending ? o : throw new ApiException(HealthCodeErrors.OverrideNotPending);
    }

    private static string Id(ColorOverride o) => o.Id.ToString(CultureInfo.InvariantCulture);

    private static object Snapshot(ColorOverride o) => new { o.PersonId, color = o.Color, o.ReasonCode, o.Note, status = o.Status, o.RequestedBy, o.DecidedBy, o.EndsAt };

    private static OverrideView ToView(ColorOverride o) => new(o.Id, o.PersonId, o.Color, o.ReasonCode, o.Note, o.Status, o.RequestedBy, o.DecidedBy, o.EndsAt);
}

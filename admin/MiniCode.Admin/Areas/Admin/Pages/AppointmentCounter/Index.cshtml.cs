using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Appointments;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.AppointmentCounter;

/// <summary>
/// 预约签到 at the counter: the scanned appointment code is verified (signature, expiry, the appointment's state) and shown
/// masked; a live booking at a hall within the jurisdiction, inside its arrival window, is marked arrived (audited).
/// A code of a hall outside the jurisdiction is treated as missing (404).
/// </summary>
[RequirePermission(Permissions.AppointmentsCounter)]
public sealed class IndexModel(HealthCodeVerifier verifier, AppointmentLifecycle lifecycle, TimeProvider time) : RegionalPageModel
{
    [BindProperty] public string? Payload { get; set; }
    public VerificationResult? Result { get; private set; }
    public long? AppointmentId { get; private set; }
    public bool CanMarkArrived { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct) => await CheckAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostArriveAsync(CancellationToken ct)
    {
        if (!await CheckAsync(ct)) return NotFound();
        if (!CanMarkArrived)
        {
            ModelState.AddModelError("", Result is { Valid: true } ? "不在该预约时段的签到时间内或已签到" : "预约码无效，不能签到");
            return Page();
        }
        var now = time.GetUtcNow();
        var actor = Current.Actor;
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        var marked = await Within.Appointments.Where(a => a.Id == AppointmentId && a.Status == AppointmentStatus.Booked)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AppointmentStatus.Arrived).SetProperty(a => a.ArrivedAt, now).SetProperty(a => a.ArrivedBy, actor), ct);
        if (marked == 0)
        {
            ModelState.AddModelError("", "该预约已签到、已取消或已过期");
            return Page();
        }
        await Audit.RecordAsync("appointment.arrive", "appointment", AppointmentId, new { Status = "Booked" }, new { Status = "Arrived", ArrivedAt = now }, ct);
        await tx.CommitAsync(ct);
        Flash("已签到：" + Result!.Subject?.MaskedHolder);
        return RedirectToPage();
    }

    /// <summary>Verifies the payload; false when it is an appointment code of a hall outside the jurisdiction.</summary>
    private async Task<bool> CheckAsync(CancellationToken ct)
    {
        Payload = Payload?.Trim();
        if (string.IsNullOrEmpty(Payload))
        {
            ModelState.AddModelError(nameof(Payload), "请扫描或粘贴预约码");
            return true;
        }
        Result = await verifier.VerifyAsync(Payload, ct);
        if (Result.Claims is not { Type: CodeType.Appointment } claims)
        {
            if (Result.Claims is not null) ModelState.AddModelError(nameof(Payload), "不是预约码");
            Result = Result.Claims is null ? Result : null;
            return true;
        }
        var id = checked((long)claims.SubjectId);
        var slot = await Within.Appointments.AsNoTracking().Where(a => a.Id == id)
            .Join(Within.AppointmentSlots, a => a.SlotId, s => s.Id, (a, s) => new { a.Status, Slot = s }).SingleOrDefaultAsync(ct);
        if (slot is null) return Result.Subject is null; // no such appointment: the verifier says so; another region's: 404
        AppointmentId = id;
        CanMarkArrived = Result.Valid && slot.Status == AppointmentStatus.Booked && lifecycle.ArrivalOpen(slot.Slot);
        return true;
    }
}

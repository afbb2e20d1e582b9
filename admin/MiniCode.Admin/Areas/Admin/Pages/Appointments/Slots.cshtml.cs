using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Appointments;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Appointments;

/// <summary>
/// 预约时段: one hall's week as a calendar (days × times, booked / capacity per slot). Staff add a run of slots (a time
/// range cut into equal slots on several days), change a capacity (never below what is booked) or delete an unbooked slot.
/// </summary>
[RequirePermission(Permissions.Appointments)]
public sealed class SlotsModel(TimeProvider time) : RegionalPageModel
{
    public const int MaxSlotsPerRun = 200;
    [BindProperty(SupportsGet = true)] public long HallId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Week { get; set; }
    public AppointmentHall Hall { get; private set; } = null!;
    public DateOnly Monday { get; private set; }
    public IReadOnlyList<AppointmentSlot> Slots { get; private set; } = [];

    public IEnumerable<DateOnly> Days => Enumerable.Range(0, 7).Select(Monday.AddDays);

    /// <summary>The distinct local times of the week's slots ("09:00-09:30"), in order: the calendar's rows.</summary>
    public IEnumerable<string> Times => Slots.Select(TimeOf).Distinct().Order(StringComparer.Ordinal);

    public AppointmentSlot? At(DateOnly day, string times) => Slots.FirstOrDefault(s => DayOf(s) == day && TimeOf(s) == times);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(DateOnly? from, int days, string? start, string? end, int minutes, int capacity, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var validator = new InputValidator().Check(from is not null, "from", "请选择开始日期").Check(days is >= 1 and <= 31, "days", "天数须在1到31之间")
            .Check(TimeOnly.TryParse(start, CultureInfo.InvariantCulture, out var first), "start", "开始时间格式应为 HH:mm")
            .Check(TimeOnly.TryParse(end, CultureInfo.InvariantCulture, out var last) && last > first, "end", "结束时间应晚于开始时间")
            .Check(minutes is >= 5 and <= 480, "minutes", "每段时长须在5到480分钟之间").Check(capacity is >= 1 and <= 10_000, "capacity", "容量须在1到10000之间");
        var now = time.GetUtcNow();
        var starts = new List<DateTimeOffset>();
        if (validator.IsValid)
            for (var d = 0; d < days; d++)
                for (var t = first; t.AddMinutes(minutes) <= last && t >= first; t = t.AddMinutes(minutes))
                {
                    var at = LocalMidnight(from!.Value.AddDays(d)) + t.ToTimeSpan();
                    if (at > now) starts.Add(at);
                }
        validator.Check(!validator.IsValid || starts.Count > 0, "from", "没有未来的时段可以添加").Check(starts.Count <= MaxSlotsPerRun, "days", $"一次最多添加{MaxSlotsPerRun}个时段");
        if (!Accept(validator)) return Page();
        var taken = (await Within.AppointmentSlots.Where(s => s.HallId == HallId && starts.Contains(s.StartsAt)).Select(s => s.StartsAt).ToListAsync(ct)).ToHashSet();
        var added = starts.Where(s => !taken.Contains(s)).Select(s => new AppointmentSlot
            { HallId = HallId, StartsAt = s, EndsAt = s.AddMinutes(minutes), Capacity = capacity, CreatedAt = now }).ToList();
        Db.AddRange(added);
        await Audit.RecordAsync("appointment.slots_create", "appointment_hall", HallId, null,
            new { Count = added.Count, From = from, Days = days, Start = start, End = end, Minutes = minutes, Capacity = capacity }, ct);
        Flash($"已添加{added.Count}个时段" + (taken.Count > 0 ? $"（{taken.Count}个已存在，未重复添加）" : ""));
        return RedirectToPage(new { HallId, Week = from });
    }

    public async Task<IActionResult> OnPostCapacityAsync(long slotId, int capacity, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var slot = await Within.AppointmentSlots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == slotId && s.HallId == HallId, ct);
        if (slot is null) return NotFound();
        if (!Accept(new InputValidator().Check(capacity is >= 1 and <= 10_000, "capacity", "容量须在1到10000之间"))) return Page();
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        // Conditional, so a booking taken meanwhile is never cut off.
        var changed = await Within.AppointmentSlots.Where(s => s.Id == slotId && s.Booked <= capacity)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Capacity, capacity), ct);
        if (changed == 0)
        {
            ModelState.AddModelError("capacity", "容量不能小于已预约人数");
            return Page();
        }
        await Audit.RecordAsync("appointment.slot_capacity", "appointment_slot", slotId, new { slot.Capacity }, new { Capacity = capacity }, ct);
        await tx.CommitAsync(ct);
        Flash("容量已修改");
        return RedirectToPage(new { HallId, Week });
    }

    public async Task<IActionResult> OnPostDeleteAsync(long slotId, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var slot = await Within.AppointmentSlots.SingleOrDefaultAsync(s => s.Id == slotId && s.HallId == HallId, ct);
        if (slot is null) return NotFound();
        if (slot.Booked > 0 || await Within.Appointments.AnyAsync(a => a.SlotId == slotId, ct))
        {
            ModelState.AddModelError("", "该时段已有预约记录，不能删除（可将容量改小）");
            return Page();
        }
        Db.Remove(slot);
        await Audit.RecordAsync("appointment.slot_delete", "appointment_slot", slotId, new { slot.StartsAt, slot.EndsAt, slot.Capacity }, null, ct);
        Flash("时段已删除");
        return RedirectToPage(new { HallId, Week });
    }

    public string Local(DateTimeOffset at, string format) => Calendar.Format(at, format);

    private string TimeOf(AppointmentSlot s) => Local(s.StartsAt, "HH:mm") + "-" + Local(s.EndsAt, "HH:mm");

    private DateOnly DayOf(AppointmentSlot s) => Calendar.DayOf(s.StartsAt);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var hall = await Within.AppointmentHalls.AsNoTracking().SingleOrDefaultAsync(h => h.Id == HallId, ct);
        if (hall is null) return false;
        Hall = hall;
        var day = Week ?? Calendar.Today();
        Monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var (from, to) = (LocalMidnight(Monday), LocalMidnight(Monday.AddDays(7)));
        Slots = await Within.AppointmentSlots.AsNoTracking().Where(s => s.HallId == HallId && s.StartsAt >= from && s.StartsAt < to).OrderBy(s => s.StartsAt).ToListAsync(ct);
        return true;
    }
}

using MiniCode.Features.Identity;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Rendering;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Appointments;

public sealed record MatterView(long Id, string Name, string? Description);

public sealed record HallView(long Id, string Name, string Address, string RegionCode, string OpeningHours);

/// <summary>A bookable slot: <c>remaining</c> = capacity − live bookings (0 = full).</summary>
public sealed record SlotView(long Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, int Remaining);

/// <summary>Slots of a hall from <c>from</c> (a business calendar date, default today) for <c>days</c> days (default 7).</summary>
public sealed record SlotQuery(DateOnly? From, int? Days) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) =>
        v.Check(Days is null or (>= 1 and <= 31), "days", "天数须在1到31之间");
}

/// <summary>Someone else who attends (filled from 常用联系人 or typed in): name, resident ID number, optional phone.</summary>
public sealed record AttendeeRequest(string? Name, string? IdNumber, string? Phone);

/// <summary>
/// 确认预约: the slot and the matter; <c>attendee</c> when booking for someone else, or <c>contactId</c> for one of the
/// caller's 常用联系人 (manual §2.1.5.3); neither: the caller's own person.
/// </summary>
public sealed record BookRequest(long SlotId, long MatterId, AttendeeRequest? Attendee, long? ContactId = null) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services)
    {
        v.Check(SlotId > 0, "slotId", "请选择预约时段").Check(MatterId > 0, "matterId", "请选择预约事项");
        if (ContactId is not null) v.Check(ContactId > 0 && Attendee is null, "contactId", "常用联系人与预约人信息只能填写一种");
        if (Attendee is not { } a) return;
        var own = new InputValidator();
        RealNameService.ValidateName(a.Name, own);
        services.GetRequiredService<RealNameService>().ParseResidentId(a.IdNumber, own);
        own.Check(a.Phone is null || PhoneNumbers.Normalise(a.Phone) is not null, "phone", "手机号格式不正确");
        foreach (var (field, messages) in own.Errors)
            foreach (var m in messages) v.Add("attendee." + field, m);
    }
}

/// <summary>
/// 预约信息: one booking as its booker sees it. <c>status</c>: booked, cancelled, arrived, noShow; <c>cancellableUntil</c>
/// is when cancelling stops (null once it cannot be cancelled any more).
/// </summary>
public sealed record AppointmentView(long Id, string Status, MatterView Matter, HallView Hall, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string AttendeeName, string AttendeeIdNumber, string? AttendeePhone, DateTimeOffset BookedAt, DateTimeOffset? CancellableUntil,
    DateTimeOffset? CancelledAt, DateTimeOffset? ArrivedAt);

/// <summary>The appointment code (预约码) to show at the counter; it lives until the slot ends.</summary>
/// <param name="CodeNumber">码编号 printed under the QR (null without a numbering rule for the category).</param>
/// <param name="Style">The active 码样式 of the category: QR colours and icon (black on white without one).</param>
public sealed record AppointmentCodeView(long AppointmentId, string Payload, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string? CodeNumber, CodeLook Style) : IMarkedCode;

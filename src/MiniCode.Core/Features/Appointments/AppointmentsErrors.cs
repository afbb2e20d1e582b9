using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Appointments;

public static class AppointmentsErrors
{
    public static readonly ErrorCode MatterNotFound = new("appointments.matter_not_found", 404, "预约事项不存在");
    public static readonly ErrorCode HallNotFound = new("appointments.hall_not_found", 404, "预约大厅不存在");
    public static readonly ErrorCode SlotNotFound = new("appointments.slot_not_found", 404, "预约时段不存在");
    public static readonly ErrorCode NotFound = new("appointments.not_found", 404, "预约记录不存在");
    public static readonly ErrorCode MatterNotOffered = new("appointments.matter_not_offered", 400, "该大厅不办理此事项");
    public static readonly ErrorCode SlotPast = new("appointments.slot_past", 400, "该时段已过，请选择其他时段");
    public static readonly ErrorCode SlotNotOpen = new("appointments.slot_not_open", 400, "该时段尚未开放预约");
    public static readonly ErrorCode SlotFull = new("appointments.slot_full", 409, "该时段已约满，请选择其他时段");
    public static readonly ErrorCode AlreadyBooked = new("appointments.already_booked", 409, "已预约该时段，请勿重复预约");
    public static readonly ErrorCode LimitReached = new("appointments.limit_reached", 409, "未到期的预约数量已达上限");
    public static readonly ErrorCode CancelTooLate = new("appointments.cancel_too_late", 409, "距预约时段开始时间过近，已不能取消");
    public static readonly ErrorCode NotActive = new("appointments.not_active", 409, "该预约已取消、已到场或已过期");
    public static readonly ErrorCode ArrivalNotOpen = new("appointments.arrival_not_open", 409, "不在该预约时段的签到时间内");
    public static readonly ErrorCode CodeInvalid = new("appointments.code_invalid", 400, "不是有效的预约码");

    /// <summary>Reaching one's own appointment.</summary>
    public static readonly IReadOnlyList<ErrorCode> Own = [NotFound];
}

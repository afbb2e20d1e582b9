using System.Security.Claims;
using MiniCode.Features.Rendering;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Appointments;

/// <summary>
/// 码上预约: the catalogue under <c>/api/appointments</c> (matters → halls → slots, open to anyone), bookings of the
/// caller under <c>/api/me/appointments</c> (预约信息, cancel, the appointment code as JSON, PNG or SVG).
/// </summary>
public static class AppointmentsApi
{
    public static IEndpointRouteBuilder MapAppointmentsApi(this IEndpointRouteBuilder app)
    {
        var catalogue = app.MapApiGroup("/api/appointments").AllowAnonymous().RequireRateLimiting(FoundationSetup.RateLimits.PerClient)
            .WithTags("Appointments");
        catalogue.MapGet("/matters", Matters);
        catalogue.MapGet("/matters/{id:long}/halls", Halls).ProducesErrors(AppointmentsErrors.MatterNotFound);
        catalogue.MapGet("/halls/{id:long}/slots", Slots).ProducesErrors(AppointmentsErrors.HallNotFound);

        var me = app.MapApiGroup("/api/me/appointments").RequireAuthorization(SessionsSetup.CitizenPolicy)
            .RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("Appointments")
            .ProducesErrors(SessionErrors.Challenge, SessionErrors.RealNameRequired);
        me.MapPost("", Book).ProducesErrors(AppointmentsErrors.SlotNotFound, AppointmentsErrors.MatterNotFound, AppointmentsErrors.MatterNotOffered,
            AppointmentsErrors.SlotPast, AppointmentsErrors.SlotNotOpen, AppointmentsErrors.SlotFull, AppointmentsErrors.AlreadyBooked,
            AppointmentsErrors.LimitReached, CommonErrors.ValidationFailed);
        me.MapGet("", List);
        me.MapGet("/{id:long}", Get).ProducesErrors(AppointmentsErrors.Own);
        me.MapPost("/{id:long}/cancel", Cancel).ProducesErrors(AppointmentsErrors.Own).ProducesErrors(AppointmentsErrors.NotActive, AppointmentsErrors.CancelTooLate);
        me.MapGet("/{id:long}/code", Code).ProducesErrors(AppointmentsErrors.Own).ProducesErrors(AppointmentsErrors.NotActive);
        me.MapGet("/{id:long}/code.png", CodePng).ProducesErrors(AppointmentsErrors.Own).ProducesErrors(AppointmentsErrors.NotActive);
        me.MapGet("/{id:long}/code.svg", CodeSvg).ProducesErrors(AppointmentsErrors.Own).ProducesErrors(AppointmentsErrors.NotActive);
        return app;
    }

    /// <summary>预约事项</summary>
    /// <remarks>工作人员维护的可预约事项。无需登录。</remarks>
    internal static async Task<Ok<IReadOnlyList<MatterView>>> Matters(BookingService bookings, CancellationToken ct) =>
        TypedResults.Ok(await bookings.MattersAsync(ct));

    /// <summary>办理该事项的大厅</summary>
    /// <remarks>大厅名称、地址、地区和开放时间。无需登录。</remarks>
    internal static async Task<Ok<IReadOnlyList<HallView>>> Halls(long id, BookingService bookings, CancellationToken ct) =>
        TypedResults.Ok(await bookings.HallsForAsync(id, ct));

    /// <summary>大厅的预约时段</summary>
    /// <remarks>从 <c>from</c> 起 <c>days</c> 天内的时段及剩余名额（<c>remaining</c>）；只能预约 <c>MiniCode:Appointments:BookingDaysAhead</c> 天内的时段。无需登录。</remarks>
    internal static async Task<Ok<IReadOnlyList<SlotView>>> Slots(long id, [AsParameters] SlotQuery query, BookingService bookings, CancellationToken ct) =>
        TypedResults.Ok(await bookings.SlotsAsync(id, query, ct));

    /// <summary>预约</summary>
    /// <remarks>时段 + 事项，可为他人预约（姓名、身份证号、手机号，加密存储、脱敏显示；或 <c>contactId</c>：本人的常用联系人，他人的联系人为 400）。并发预约也不会超过名额（满员 409 <c>slot_full</c>）；同一人同一时段只能预约一次；已开始的时段为 400；未结束的预约至多 <c>MiniCode:Appointments:MaxOpenPerPerson</c> 个。前一天会收到提醒。</remarks>
    internal static async Task<Created<AppointmentView>> Book(BookRequest body, ClaimsPrincipal user, BookingService bookings, CancellationToken ct)
    {
        var view = await bookings.BookAsync(user.AccountId(), user.PersonIdOrThrow(), body, ct);
        return TypedResults.Created($"/api/me/appointments/{view.Id}", view);
    }

    /// <summary>我的预约（预约信息）</summary>
    /// <remarks>本人的预约及状态（已预约、已取消、已到场、未到场），新的在前。</remarks>
    internal static async Task<Ok<IReadOnlyList<AppointmentView>>> List(ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
        TypedResults.Ok(await bookings.ListAsync(user.PersonIdOrThrow(), ct));

    /// <summary>预约详情</summary>
    /// <remarks>事项、大厅、时段、预约人（脱敏）和状态。</remarks>
    internal static async Task<Ok<AppointmentView>> Get(long id, ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
        TypedResults.Ok(await bookings.GetAsync(user.PersonIdOrThrow(), id, ct));

    /// <summary>取消预约</summary>
    /// <remarks>时段开始前 <c>MiniCode:Appointments:CancelBefore</c>（默认 2 小时）之前可取消，之后为 409 <c>cancel_too_late</c>；名额退回。</remarks>
    internal static async Task<Ok<AppointmentView>> Cancel(long id, ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
        TypedResults.Ok(await bookings.CancelAsync(user.PersonIdOrThrow(), id, ct));

    /// <summary>预约码</summary>
    /// <remarks>签名的预约码，有效到时段结束；窗口工作人员核验后登记到场。已取消或未到场的预约核验为 revoked。</remarks>
    internal static async Task<Ok<AppointmentCodeView>> Code(long id, ClaimsPrincipal user, AppointmentCodeService codes, HttpContext http, CancellationToken ct)
    {
        CodeImages.NoStore(http);
        return TypedResults.Ok(await codes.ShowAsync(user.PersonIdOrThrow(), id, ct));
    }

    /// <summary>预约码（PNG）</summary>
    /// <remarks>同预约码，PNG 图片。</remarks>
    internal static async Task<FileContentHttpResult> CodePng(long id, ClaimsPrincipal user, AppointmentCodeService codes, HttpContext http, CancellationToken ct)
    {
        var code = await codes.ShowAsync(user.PersonIdOrThrow(), id, ct);
        return CodeImages.Png(http, codes.Png(code), code.ExpiresAt, payload: code.Payload);
    }

    /// <summary>预约码（SVG）</summary>
    /// <remarks>同预约码，SVG 图片。</remarks>
    internal static async Task<FileContentHttpResult> CodeSvg(long id, ClaimsPrincipal user, AppointmentCodeService codes, HttpContext http, CancellationToken ct)
    {
        var code = await codes.ShowAsync(user.PersonIdOrThrow(), id, ct);
        return CodeImages.Svg(http, codes.Svg(code), code.ExpiresAt, payload: code.Payload);
    }
}

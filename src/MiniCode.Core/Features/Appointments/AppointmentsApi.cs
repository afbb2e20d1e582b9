using System.Globalization;
using System.Security.Claims;
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

    private static async Task<Ok<IReadOnlyList<MatterView>>> Matters(BookingService bookings, CancellationToken ct) =>
        TypedResults.Ok(await bookings.MattersAsync(ct));

    private static async Task<Ok<IReadOnlyList<HallView>>> Halls(long id, BookingService bookings, CancellationToken ct) =>
        TypedResults.Ok(await bookings.HallsForAsync(id, ct));

    private static async Task<Ok<IReadOnlyList<SlotView>>> Slots(long id, [AsParameters] SlotQuery query, BookingService bookings, CancellationToken ct) =>
        TypedResults.Ok(await bookings.SlotsAsync(id, query, ct));

    private static async Task<Created<AppointmentView>> Book(BookRequest body, ClaimsPrincipal user, BookingService bookings, CancellationToken ct)
    {
        var view = await bookings.BookAsync(user.PersonIdOrThrow(), body, ct);
        return TypedResults.Created($"/api/me/appointments/{view.Id}", view);
    }

    private static async Task<Ok<IReadOnlyList<AppointmentView>>> List(ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
        TypedResults.Ok(await bookings.ListAsync(user.PersonIdOrThrow(), ct));

    private static async Task<Ok<AppointmentView>> Get(long id, ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
        TypedResults.Ok(await bookings.GetAsync(user.PersonIdOrThrow(), id, ct));

    private static async Task<Ok<AppointmentView>> Cancel(long id, ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
        TypedResults.Ok(await bookings.CancelAsync(user.PersonIdOrThrow(), id, ct));

    private static async Task<Ok<AppointmentCodeView>> Code(long id, ClaimsPrincipal user, AppointmentCodeService codes, CancellationToken ct) =>
        TypedResults.Ok(await codes.ShowAsync(user.PersonIdOrThrow(), id, ct));

    private static async Task<FileContentHttpResult> CodePng(long id, ClaimsPrincipal user, AppointmentCodeService codes, HttpContext http, CancellationToken ct)
    {
        var code = await codes.ShowAsync(user.PersonIdOrThrow(), id, ct);
        SetCodeHeaders(http, code);
        return TypedResults.File(codes.Png(code), "image/png");
    }

    private static async Task<FileContentHttpResult> CodeSvg(long id, ClaimsPrincipal user, AppointmentCodeService codes, HttpContext http, CancellationToken ct)
    {
        var code = await codes.ShowAsync(user.PersonIdOrThrow(), id, ct);
        SetCodeHeaders(http, code);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(codes.Svg(code)), "image/svg+xml");
    }

    private static void SetCodeHeaders(HttpContext http, AppointmentCodeView code) =>
        http.Response.Headers["X-Code-Expires"] = code.ExpiresAt.ToString("O", CultureInfo.InvariantCulture);
}

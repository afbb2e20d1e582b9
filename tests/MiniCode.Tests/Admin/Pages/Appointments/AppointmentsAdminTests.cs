using System.Net;
using MiniCode.Features.Appointments;
using MiniCode.Features.Audit;
using MiniCode.Features.Staff;
using MiniCode.Tests.Appointments;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.Appointments;

/// <summary>
/// 码上预约 admin over HTTP: halls and slots only within the jurisdiction (by the hall's region), the week calendar with
/// booked / capacity, bookings by hall and day, and 预约签到 at the counter (verify, mark arrived, audited).
/// </summary>
public sealed class AppointmentsAdminTests(RegionalWorld world) : IClassFixture<RegionalWorld>
{
    private static Dictionary<string, string> Hall(string name, string region, long matterId) => new()
    {
        ["Name"] = name, ["Address"] = "人民大街1号", ["RegionCode"] = region, ["OpeningHours"] = "周一至周五 9:00-17:00", ["Active"] = "true", ["MatterIds"] = matterId.ToString(),
    };

    [Fact]
    public async Task City_staff_create_halls_and_slots_in_their_jurisdiction_and_see_bookings_on_the_calendar_and_the_day()
    {
        var staff = await world.CityStaffAsync(Permissions.Appointments);
        var seed = await world.HallAsync(RegionalWorld.District);
        var refused = await staff.PostFormAsync("/admin/appointments/hall", Hall(RegionalWorld.Mark("越界大厅"), RegionalWorld.OtherCity, seed.MatterId));
        Assert.Contains(RegionalWorld.OutsideMessage, await refused.Content.ReadAsStringAsync());

        var name = RegionalWorld.Mark("南关大厅");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync("/admin/appointments/hall", Hall(name, RegionalWorld.District, seed.MatterId))).StatusCode);
        var hallId = await world.QueryAsync(db => db.Set<AppointmentHall>().Where(h => h.Name == name).Select(h => h.Id).SingleAsync());
        Assert.Equal(1, await world.AuditCountAsync("appointment_hall", hallId));
        Assert.Contains(name, await staff.GetPageAsync("/admin/appointments"));

        var slots = $"/admin/appointments/slots?hallId={hallId}&week=2026-11-23";
        var added = await staff.PostFormAsync(slots, new() { ["hallId"] = hallId.ToString(), ["from"] = "2026-11-23", ["days"] = "5", ["start"] = "09:00", ["end"] = "10:00", ["minutes"] = "30", ["capacity"] = "2" },
            $"/admin/appointments/slots?handler=Add&hallId={hallId}");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(10, await world.QueryAsync(db => db.Set<AppointmentSlot>().CountAsync(s => s.HallId == hallId)));
        var calendar = await staff.GetPageAsync(slots);
        Assert.Contains("09:00-09:30", calendar);
        Assert.Contains("0 / 2", calendar);

        // A citizen books the Monday 9:00 slot: the calendar and the day page show it, the attendee masked.
        var monday = await world.QueryAsync(db => db.Set<AppointmentSlot>().Where(s => s.HallId == hallId).OrderBy(s => s.StartsAt).Select(s => s.Id).FirstAsync());
        var citizen = await world.CitizenAsync("慕容预约");
        await citizen.BookedAsync(new HallFixture(seed.MatterId, hallId, "", name), monday);
        Assert.Contains("1 / 2", await staff.GetPageAsync(slots));
        var day = await staff.GetPageAsync($"/admin/appointments/day?hallId={hallId}&date=2026-11-23");
        Assert.Contains("慕***", day);
        Assert.DoesNotContain("慕容预约", day);
        Assert.Contains("已预约", day);

        // Capacity never below what is booked; a booked slot cannot be deleted.
        var low = await staff.PostFormAsync(slots, new() { ["hallId"] = hallId.ToString(), ["slotId"] = monday.ToString(), ["capacity"] = "0" }, $"/admin/appointments/slots?handler=Capacity&hallId={hallId}");
        Assert.Equal(HttpStatusCode.OK, low.StatusCode);
        var delete = await staff.PostFormAsync(slots, new() { ["hallId"] = hallId.ToString(), ["slotId"] = monday.ToString() }, $"/admin/appointments/slots?handler=Delete&hallId={hallId}");
        Assert.Contains("不能删除", await delete.Content.ReadAsStringAsync());
        Assert.Equal(2, await world.QueryAsync(db => db.Set<AppointmentSlot>().Where(s => s.Id == monday).Select(s => s.Capacity).SingleAsync()));

        // Another city's hall is missing for this staff member.
        var outside = await world.HallAsync(RegionalWorld.OtherCity);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/admin/appointments/slots?hallId={outside.HallId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/admin/appointments/day?hallId={outside.HallId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/admin/appointments/hall?id={outside.HallId}")).StatusCode);
        Assert.DoesNotContain(outside.HallName, await staff.GetPageAsync("/admin/appointments"));
    }

    [Fact]
    public async Task Counter_staff_verify_an_appointment_code_and_mark_the_arrival_once_within_the_window()
    {
        var hall = await world.HallAsync(RegionalWorld.District, matterName: RegionalWorld.Mark("出入境"));
        var soon = await world.SlotAsync(hall, world.Clock.GetUtcNow().AddMinutes(30));
        var later = await world.SlotAsync(hall, world.Clock.GetUtcNow().AddDays(2));
        var citizen = await world.CitizenAsync("端木到场");
        var now = await citizen.BookedAsync(hall, soon);
        var early = await citizen.BookedAsync(hall, later);
        var counter = await world.CityStaffAsync(Permissions.AppointmentsCounter);

        var payload = await citizen.CodePayloadAsync(now);
        var shown = await counter.PostFormAsync("/admin/appointmentcounter", new() { ["Payload"] = payload }, "/admin/appointmentcounter?handler=Verify");
        var html = await shown.Content.ReadAsStringAsync();
        Assert.Contains("预约码有效", html);
        Assert.Contains("端***", html);
        Assert.Contains(hall.HallName, html);
        Assert.Contains("标记到场", html);
        Assert.DoesNotContain("端木到场", html);

        var arrived = await counter.PostFormAsync("/admin/appointmentcounter", new() { ["Payload"] = payload }, "/admin/appointmentcounter?handler=Arrive");
        Assert.Equal(HttpStatusCode.Redirect, arrived.StatusCode);
        var stored = await world.QueryAsync(db => db.Set<Appointment>().SingleAsync(a => a.Id == now));
        Assert.Equal(AppointmentStatus.Arrived, stored.Status);
        Assert.StartsWith("staff:", stored.ArrivedBy);
        Assert.Equal(1, await world.QueryAsync(db => db.Set<AuditEntry>().CountAsync(e => e.Action == "appointment.arrive" && e.TargetId == now.ToString())));
        var again = await counter.PostFormAsync("/admin/appointmentcounter", new() { ["Payload"] = payload }, "/admin/appointmentcounter?handler=Arrive");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("已到场", await again.Content.ReadAsStringAsync());
        Assert.Equal("arrived", (await HttpAssert.Ok(await citizen.Client.GetAsync($"/api/me/appointments/{now}"))).GetProperty("status").GetString());

        // Two days early: shown, but no arrival yet.
        var tooEarly = await counter.PostFormAsync("/admin/appointmentcounter", new() { ["Payload"] = await citizen.CodePayloadAsync(early) }, "/admin/appointmentcounter?handler=Arrive");
        Assert.Contains("不在该预约时段的签到时间内", await tooEarly.Content.ReadAsStringAsync());
        Assert.Equal(AppointmentStatus.Booked, await world.QueryAsync(db => db.Set<Appointment>().Where(a => a.Id == early).Select(a => a.Status).SingleAsync()));

        // A health code is not an appointment code; another city's counter does not reach this hall's booking.
        var notAppointment = await counter.PostFormAsync("/admin/appointmentcounter", new() { ["Payload"] = "MC1:garbage" }, "/admin/appointmentcounter?handler=Verify");
        Assert.Contains("预约码无效", await notAppointment.Content.ReadAsStringAsync());
        var elsewhere = await world.StaffAsync(RegionalWorld.OtherCity, Permissions.AppointmentsCounter);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostFormAsync("/admin/appointmentcounter", new() { ["Payload"] = await citizen.CodePayloadAsync(early) },
            "/admin/appointmentcounter?handler=Arrive")).StatusCode);
        var manager = await world.CityStaffAsync(Permissions.Appointments);
        Assert.NotEqual(HttpStatusCode.OK, (await manager.Http.GetAsync("/admin/appointmentcounter")).StatusCode); // the counter is its own permission
    }
}

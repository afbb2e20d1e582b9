using System.Net;
using MiniCode.Features.Appointments;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Jobs;

namespace MiniCode.Tests.Appointments;

/// <summary>The day-before reminder and the no-shows, run by Hangfire's JobRunner as the schedules would.</summary>
public sealed class AppointmentJobsTests
{
    [Fact]
    public async Task The_reminder_goes_once_the_day_before_and_ended_open_bookings_become_no_shows()
    {
        using var host = new JobsTestHost().Start();
        var hall = await host.HallAsync(matterName: "不动产登记");
        var tomorrow = await host.SlotAsync(hall, host.TomorrowAtNine());
        var later = await host.SlotAsync(hall, host.TomorrowAtNine().AddDays(2));
        var citizen = await host.CitizenAsync("孙八");
        var booked = await citizen.BookedAsync(hall, tomorrow);
        var laterBooking = await citizen.BookedAsync(hall, later);
        var other = await host.CitizenAsync("周九");
        var cancelled = await other.BookedAsync(hall, later);
        await HttpAssert.Ok(await other.Client.PostAsync($"/api/me/appointments/{cancelled}/cancel", null));

        Assert.Equal(1, await host.InvokeAsync("send-appointment-reminders"));
        Assert.Equal(0, await host.InvokeAsync("send-appointment-reminders")); // once per appointment
        var inbox = await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/notices"));
        var reminder = Assert.Single(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == AppointmentLifecycle.ReminderKind);
        Assert.Contains("不动产登记", reminder.GetProperty("body").GetString());
        Assert.Contains("2026-11-22 09:00-09:30", reminder.GetProperty("body").GetString());

        Assert.Equal(0, await host.InvokeAsync("record-appointment-no-shows"));
        host.Clock.Advance(TimeSpan.FromDays(1)); // past tomorrow's slot
        Assert.Equal(1, await host.InvokeAsync("record-appointment-no-shows"));
        var statuses = await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/appointments"));
        var byId = statuses.EnumerateArray().ToDictionary(a => a.GetProperty("id").GetInt64(), a => a.GetProperty("status").GetString());
        Assert.Equal(("noShow", "booked"), (byId[booked], byId[laterBooking]));
        Assert.Equal(AppointmentStatus.Cancelled, await host.QueryAsync(db => db.Set<Appointment>().Where(a => a.Id == cancelled).Select(a => a.Status).SingleAsync()));
        // The day before the later slot, its reminder; the cancelled one gets none.
        Assert.Equal(0, await host.InvokeAsync("send-appointment-reminders"));
        host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await host.InvokeAsync("send-appointment-reminders"));
        Assert.Equal(0, await host.QueryAsync(db => db.Set<Notice>().CountAsync(n => n.PersonId == other.PersonId && n.Kind == AppointmentLifecycle.ReminderKind)));
        await HttpAssert.Problem(await citizen.Client.GetAsync($"/api/me/appointments/{booked}/code"), HttpStatusCode.Conflict, "appointments.not_active");

        var run = await host.RunNowAsync("record-appointment-no-shows");
        Assert.Equal(JobOutcome.Succeeded, run.Outcome);
    }
}

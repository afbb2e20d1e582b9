using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Appointments;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Appointments;

/// <summary>A hall offering one matter, with slots the tests add; bookings go through the HTTP API.</summary>
public sealed record HallFixture(long MatterId, long HallId, string MatterName, string HallName);

public static class AppointmentsKit
{
    /// <summary>China Standard Time (the business calendar) as an offset.</summary>
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static async Task<HallFixture> HallAsync(this MiniCodeFactory factory, string region = "220102", string? matterName = null)
    {
        _ = factory.Services;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var now = factory.Clock.GetUtcNow();
        var matter = new AppointmentMatter { Name = matterName ?? "户籍业务-" + Guid.NewGuid().ToString("N")[..6], Description = "户口迁移、补办", CreatedAt = now };
        db.Add(matter);
        await db.SaveChangesAsync();
        var hall = new AppointmentHall
        {
            Name = "南关区政务服务中心-" + Guid.NewGuid().ToString("N")[..6], Address = "长春市南关区人民大街1号", RegionCode = region,
            OpeningHours = "周一至周五 9:00-17:00", CreatedAt = now, Matters = [new AppointmentHallMatter { MatterId = matter.Id }],
        };
        db.Add(hall);
        await db.SaveChangesAsync();
        return new HallFixture(matter.Id, hall.Id, matter.Name, hall.Name);
    }

    /// <summary>A slot of <paramref name="minutes"/> starting at <paramref name="startsAt"/>.</summary>
    public static async Task<long> SlotAsync(this MiniCodeFactory factory, HallFixture hall, DateTimeOffset startsAt, int capacity = 5, int minutes = 30)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var slot = new AppointmentSlot { HallId = hall.HallId, StartsAt = startsAt, EndsAt = startsAt.AddMinutes(minutes), Capacity = capacity, CreatedAt = factory.Clock.GetUtcNow() };
        db.Add(slot);
        await db.SaveChangesAsync();
        return slot.Id;
    }

    /// <summary>9:00 China time on the day after the clock's China day (a slot the reminder job covers today).</summary>
    public static DateTimeOffset TomorrowAtNine(this MiniCodeFactory factory)
    {
        var local = factory.Clock.GetUtcNow().ToOffset(China);
        return new DateTimeOffset(local.Date.AddDays(1).AddHours(9), China).ToUniversalTime();
    }

    public static Task<HttpResponseMessage> BookAsync(this TestUser user, HallFixture hall, long slotId, object? attendee = null) =>
        user.Client.PostJson("/api/me/appointments", new { slotId, matterId = hall.MatterId, attendee });

    public static async Task<long> BookedAsync(this TestUser user, HallFixture hall, long slotId) =>
        (await HttpAssert.Ok(await user.BookAsync(hall, slotId), HttpStatusCode.Created)).GetProperty("id").GetInt64();

    public static async Task<JsonElement> SlotAsync(this HttpClient client, HallFixture hall, long slotId)
    {
        var slots = await HttpAssert.Ok(await client.GetAsync($"/api/appointments/halls/{hall.HallId}/slots?days=14"));
        return slots.EnumerateArray().Single(s => s.GetProperty("id").GetInt64() == slotId);
    }

    public static async Task<string> CodePayloadAsync(this TestUser user, long appointmentId) =>
        (await HttpAssert.Ok(await user.Client.GetAsync($"/api/me/appointments/{appointmentId}/code"))).GetProperty("payload").GetString()!;
}

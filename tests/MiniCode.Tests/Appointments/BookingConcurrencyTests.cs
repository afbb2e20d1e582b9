using System.Net;
using MiniCode.Features.Appointments;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Appointments;

/// <summary>
/// Parallel bookings of one slot end as sequential ones would: never more than its capacity, one booking per person.
/// On PostgreSQL (MINICODE_TEST_DB=postgres) the conditional update races for real; SQLite serialises its writers.
/// </summary>
public sealed class BookingConcurrencyTests
{
    [Fact]
    public async Task Parallel_bookings_never_exceed_the_capacity_and_a_person_books_a_slot_once()
    {
        using var host = new MiniCodeFactory();
        var hall = await host.HallAsync();
        var slot = await host.SlotAsync(hall, host.TomorrowAtNine(), capacity: 5);
        var citizens = new List<TestUser>();
        for (var i = 0; i < 24; i++) citizens.Add(await host.CitizenAsync("并发" + (char)('甲' + i)));

        using var start = new SemaphoreSlim(0);
        var requests = citizens.Select(async c => { await start.WaitAsync(); return await c.BookAsync(hall, slot); }).ToList();
        start.Release(citizens.Count);
        var answers = await Task.WhenAll(requests);
        Assert.Equal(5, answers.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in answers.Where(r => r.StatusCode != HttpStatusCode.Created))
            await HttpAssert.Problem(refused, HttpStatusCode.Conflict, "appointments.slot_full");
        Assert.Equal(5, await host.QueryAsync(db => db.Set<AppointmentSlot>().Where(s => s.Id == slot).Select(s => s.Booked).SingleAsync()));
        Assert.Equal(5, await host.QueryAsync(db => db.Set<Appointment>().CountAsync(a => a.SlotId == slot)));

        // One person, many parallel requests for another slot: one booking.
        var roomy = await host.SlotAsync(hall, host.TomorrowAtNine().AddHours(1), capacity: 20);
        var same = citizens[0];
        var repeated = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => same.BookAsync(hall, roomy)));
        Assert.Equal(1, repeated.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in repeated.Where(r => r.StatusCode != HttpStatusCode.Created))
            await HttpAssert.Problem(refused, HttpStatusCode.Conflict, "appointments.already_booked");
        Assert.Equal(1, await host.QueryAsync(db => db.Set<AppointmentSlot>().Where(s => s.Id == roomy).Select(s => s.Booked).SingleAsync()));
    }
}

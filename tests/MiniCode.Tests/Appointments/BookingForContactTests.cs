using System.Net;
using System.Net.Http.Json;
using MiniCode.Features.Appointments;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Appointments;

/// <summary>Booking for a 常用联系人 (manual §2.1.5.3): the caller's own contact fills the attendee; another person's is refused.</summary>
public sealed class BookingForContactTests
{
    [Fact]
    public async Task A_citizen_books_for_a_contact_and_another_person_s_contact_is_refused()
    {
        using var host = new HealthCodesFactory();
        var hall = await host.HallAsync();
        var slotId = await host.SlotAsync(hall, host.TomorrowAtNine(), capacity: 3);
        var booker = await host.CitizenAsync("欧阳预约");
        var other = await host.CitizenAsync("司马他人");
        var fatherId = TestUsers.NextIdNumber(new DateOnly(1958, 2, 3));
        var father = (await HttpAssert.Ok(await booker.Client.PostAsJsonAsync("/api/me/contacts",
            new { name = "欧阳父亲", relation = "父亲", idNumber = fatherId, phone = "13700001111" }), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var theirs = (await HttpAssert.Ok(await other.Client.PostAsJsonAsync("/api/me/contacts",
            new { name = "司马母亲", idNumber = TestUsers.NextIdNumber(new DateOnly(1960, 4, 5)) }), HttpStatusCode.Created)).GetProperty("id").GetInt64();

        async Task Refused(object body)
        {
            var problem = await HttpAssert.Problem(await booker.Client.PostAsJsonAsync("/api/me/appointments", body), HttpStatusCode.BadRequest, "request.validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("contactId", out _), problem.ToString());
        }

        await Refused(new { slotId, matterId = hall.MatterId, contactId = theirs });
        await Refused(new { slotId, matterId = hall.MatterId, contactId = 999999 });
        await Refused(new { slotId, matterId = hall.MatterId, contactId = 0 });
        await Refused(new { slotId, matterId = hall.MatterId, contactId = father, attendee = new { name = "欧阳父亲", idNumber = fatherId } });
        Assert.Equal(3, (await host.CreateClient().SlotAsync(hall, slotId)).GetProperty("remaining").GetInt32()); // nothing taken

        var booked = await HttpAssert.Ok(await booker.Client.PostAsJsonAsync("/api/me/appointments", new { slotId, matterId = hall.MatterId, contactId = father }),
            HttpStatusCode.Created);
        Assert.Equal("欧阳父亲", booked.GetProperty("attendeeName").GetString());
        Assert.Equal(MiniCode.Infrastructure.Logging.SensitiveDataMasker.MaskIdNumber(fatherId), booked.GetProperty("attendeeIdNumber").GetString());
        Assert.Equal("137****1111", booked.GetProperty("attendeePhone").GetString());
        var stored = await host.QueryAsync(db => db.Set<Appointment>().SingleAsync(a => a.Id == booked.GetProperty("id").GetInt64()));
        Assert.Equal(booker.PersonId, stored.BookerPersonId);
        Assert.DoesNotContain(fatherId, stored.AttendeeDocumentCipher + stored.AttendeeDocumentIndex);
        // The same contact cannot be booked twice into one slot, as a typed attendee could not.
        await HttpAssert.Problem(await booker.Client.PostAsJsonAsync("/api/me/appointments", new { slotId, matterId = hall.MatterId, contactId = father }),
            HttpStatusCode.Conflict, "appointments.already_booked");
    }
}

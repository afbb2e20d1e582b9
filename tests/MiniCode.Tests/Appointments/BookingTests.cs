using System.Net;
using System.Text.Json;
using MiniCode.Features.Appointments;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Appointments;

/// <summary>码上预约 over HTTP: matter → hall → slot → book → 预约信息 → code → counter verify → cancel, and every refusal.</summary>
public sealed class BookingTests
{
    [Fact]
    public async Task A_citizen_books_a_slot_shows_the_code_the_counter_verifies_it_and_cancelling_frees_the_seat()
    {
        using var host = new HealthCodesFactory();
        var hall = await host.HallAsync(matterName: "社保卡补办");
        var slotId = await host.SlotAsync(hall, host.TomorrowAtNine(), capacity: 3);
        var citizen = await host.CitizenAsync("张三丰");
        var anonymous = host.CreateClient();

        var matters = await HttpAssert.Ok(await anonymous.GetAsync("/api/appointments/matters"));
        Assert.Contains(matters.EnumerateArray(), m => m.GetProperty("id").GetInt64() == hall.MatterId && m.GetProperty("name").GetString() == "社保卡补办");
        var halls = await HttpAssert.Ok(await anonymous.GetAsync($"/api/appointments/matters/{hall.MatterId}/halls"));
        var shown = Assert.Single(halls.EnumerateArray());
        Assert.Equal((hall.HallId, "220102", "周一至周五 9:00-17:00"),
            (shown.GetProperty("id").GetInt64(), shown.GetProperty("regionCode").GetString(), shown.GetProperty("openingHours").GetString()));
        Assert.Equal(3, (await anonymous.SlotAsync(hall, slotId)).GetProperty("remaining").GetInt32());

        var booked = await HttpAssert.Ok(await citizen.BookAsync(hall, slotId), HttpStatusCode.Created);
        var id = booked.GetProperty("id").GetInt64();
        Assert.Equal("booked", booked.GetProperty("status").GetString());
        Assert.Equal("张三丰", booked.GetProperty("attendeeName").GetString());
        Assert.DoesNotContain(citizen.IdNumber!, booked.GetRawText()); // the document shows masked only
        Assert.Equal(host.TomorrowAtNine().AddHours(-2), booked.GetProperty("cancellableUntil").GetDateTimeOffset());
        Assert.Equal(2, (await anonymous.SlotAsync(hall, slotId)).GetProperty("remaining").GetInt32());
        var list = await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/appointments"));
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetInt64());

        // The appointment code, as JSON and as images holding the same kind of payload; it lives until the slot ends.
        var code = await HttpAssert.Ok(await citizen.Client.GetAsync($"/api/me/appointments/{id}/code"));
        Assert.Equal(host.TomorrowAtNine().AddMinutes(30), code.GetProperty("expiresAt").GetDateTimeOffset());
        var png = await citizen.Client.GetAsync($"/api/me/appointments/{id}/code.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("MC1:", HealthCodeKit.Zbar(await png.Content.ReadAsByteArrayAsync(), ".png"));
        var svg = await citizen.Client.GetAsync($"/api/me/appointments/{id}/code.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync());

        var verifier = host.Partner();
        var verified = await verifier.VerifyAsync(code.GetProperty("payload").GetString()!);
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal("appointment", verified.GetProperty("type").GetString());
        var subject = verified.GetProperty("subject");
        Assert.Equal(("社保卡补办", "张**", "booked"), (subject.GetProperty("title").GetString(), subject.GetProperty("maskedHolder").GetString(), subject.GetProperty("state").GetString()));
        var facts = Facts(subject);
        Assert.Equal(hall.HallName, facts["hall"]);
        Assert.Equal("2026-11-22 09:00-09:30", facts["slot"]);
        Assert.DoesNotContain("张三丰", verified.GetRawText());

        var cancelled = await HttpAssert.Ok(await citizen.Client.PostAsync($"/api/me/appointments/{id}/cancel", null));
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(3, (await anonymous.SlotAsync(hall, slotId)).GetProperty("remaining").GetInt32());
        var revoked = await verifier.VerifyAsync(code.GetProperty("payload").GetString()!);
        Assert.Equal((false, "revoked", "cancelled"), (revoked.GetProperty("valid").GetBoolean(), revoked.GetProperty("reason").GetString(),
            revoked.GetProperty("subject").GetProperty("state").GetString()));
        await HttpAssert.Problem(await citizen.Client.GetAsync($"/api/me/appointments/{id}/code"), HttpStatusCode.Conflict, "appointments.not_active");
        await HttpAssert.Problem(await citizen.Client.PostAsync($"/api/me/appointments/{id}/cancel", null), HttpStatusCode.Conflict, "appointments.not_active");
        // Cancelled, the same person may book the slot again.
        await HttpAssert.Ok(await citizen.BookAsync(hall, slotId), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Past_full_unknown_and_double_bookings_are_refused_and_late_cancels_too()
    {
        using var host = new HealthCodesFactory();
        var hall = await host.HallAsync();
        var other = await host.HallAsync();
        var now = host.Clock.GetUtcNow();
        var past = await host.SlotAsync(hall, now.AddMinutes(-10));
        var full = await host.SlotAsync(hall, host.TomorrowAtNine(), capacity: 1);
        var soon = await host.SlotAsync(hall, now.AddHours(1));
        var tooFar = await host.SlotAsync(hall, now.AddDays(30));
        var a = await host.CitizenAsync("李四");
        var b = await host.CitizenAsync("王五");

        await HttpAssert.Problem(await a.BookAsync(hall, past), HttpStatusCode.BadRequest, "appointments.slot_past");
        await HttpAssert.Problem(await a.BookAsync(hall, tooFar), HttpStatusCode.BadRequest, "appointments.slot_not_open");
        await HttpAssert.Problem(await a.BookAsync(hall, 999_999), HttpStatusCode.NotFound, "appointments.slot_not_found");
        await HttpAssert.Problem(await a.Client.PostJson("/api/me/appointments", new { slotId = full, matterId = other.MatterId }),
            HttpStatusCode.BadRequest, "appointments.matter_not_offered");
        var invalid = await HttpAssert.Problem(await a.Client.PostJson("/api/me/appointments", new { slotId = 0, matterId = hall.MatterId, attendee = new { name = "赵六", idNumber = "123" } }),
            HttpStatusCode.BadRequest, "request.validation_failed");
        Assert.True(invalid.GetProperty("errors").TryGetProperty("attendee.idNumber", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("slotId", out _));

        var first = await a.BookedAsync(hall, full);
        await HttpAssert.Problem(await a.BookAsync(hall, full), HttpStatusCode.Conflict, "appointments.already_booked");
        await HttpAssert.Problem(await b.BookAsync(hall, full), HttpStatusCode.Conflict, "appointments.slot_full");
        // Someone else booking the same attendee (by ID number) into the same slot is a double booking, too.
        await HttpAssert.Problem(await b.BookAsync(hall, full, new { name = "李四", idNumber = a.IdNumber }), HttpStatusCode.Conflict, "appointments.already_booked");
        await HttpAssert.Problem(await b.Client.GetAsync($"/api/me/appointments/{first}"), HttpStatusCode.NotFound, "appointments.not_found");

        var late = await a.BookedAsync(hall, soon); // starts in an hour: inside the two hours before it, no cancelling
        await HttpAssert.Problem(await a.Client.PostAsync($"/api/me/appointments/{late}/cancel", null), HttpStatusCode.Conflict, "appointments.cancel_too_late");
        Assert.Equal(4, (await a.Client.SlotAsync(hall, soon)).GetProperty("remaining").GetInt32());

        var anonymous = await host.AnonymousCitizenAsync();
        await HttpAssert.Problem(await anonymous.BookAsync(hall, soon), HttpStatusCode.Forbidden, "auth.real_name_required");
        await HttpAssert.Problem(await host.CreateClient().GetAsync("/api/appointments/matters/999999/halls"), HttpStatusCode.NotFound, "appointments.matter_not_found");
        Assert.Equal(1, await host.QueryAsync(db => db.Set<AppointmentSlot>().Where(s => s.Id == full).Select(s => s.Booked).SingleAsync()));
    }

    [Fact]
    public async Task A_booking_for_a_contact_keeps_their_document_encrypted_and_shows_it_masked()
    {
        using var host = new HealthCodesFactory();
        var hall = await host.HallAsync();
        var slot = await host.SlotAsync(hall, host.TomorrowAtNine());
        var booker = await host.CitizenAsync("钱七");
        var number = TestUsers.NextIdNumber(new DateOnly(1950, 2, 3));
        var view = await HttpAssert.Ok(await booker.BookAsync(hall, slot, new { name = "钱老太", idNumber = number, phone = "13900139000" }), HttpStatusCode.Created);
        Assert.Equal("钱老太", view.GetProperty("attendeeName").GetString());
        Assert.Equal(number[..3] + "***********" + number[^4..], view.GetProperty("attendeeIdNumber").GetString());
        Assert.Equal("139****9000", view.GetProperty("attendeePhone").GetString());
        var stored = await host.QueryAsync(db => db.Set<Appointment>().SingleAsync(a => a.Id == view.GetProperty("id").GetInt64()));
        Assert.DoesNotContain(number, stored.AttendeeDocumentCipher);
        Assert.DoesNotContain("13900139000", stored.AttendeePhoneCipher!);
        var verified = await host.Partner().VerifyAsync(await booker.CodePayloadAsync(stored.Id));
        Assert.Equal("钱**", verified.GetProperty("subject").GetProperty("maskedHolder").GetString());
    }

    internal static Dictionary<string, string> Facts(JsonElement subject) =>
        subject.GetProperty("facts").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString()!);
}

using System.Net;
using MiniCode.Tests.Identity;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Checkpoints;

/// <summary>
/// One business calendar (<c>BusinessCalendar:TimeZone</c>) decides where a calendar day ends: the assisted-registration
/// day cap starts again at the configured zone's midnight, and the refusal shows its time in that zone without "Z".
/// </summary>
public sealed class BusinessCalendarTests
{
    private static object Body(string phone, string code) =>
        new { phone, smsCode = code, name = "孙大爷", idNumber = CheckpointKit.NextId(), temperature = 36.6m, remarks = "", idempotencyKey = CheckpointKit.NewKey() };

    /// <summary>One registration at 10:00 Shanghai (02:00 UTC), then the clock moves to 17:30 UTC (01:30 Shanghai next day).</summary>
    private static async Task<HttpResponseMessage> SecondRegistrationAfterMidnightInShanghaiAsync(string? zone)
    {
        await using var factory = new CheckpointsFactory();
        factory.With("MiniCode:Checkpoints:AssistedRegistrationsPerDay", "1");
        if (zone is not null) factory.With("BusinessCalendar:TimeZone", zone);
        var (_, siteId) = await factory.SiteAsync();
        var scanner = await factory.SeniorAsync(siteId);
        var phone = IdentityTestKit.NextPhone();
        await HttpAssert.Ok(await scanner.Client.PostJson("/api/checkpoint/assisted-registrations",
            Body(phone, await factory.CreateClient().SendCodeAsync(phone, "assisted-registration"))));

        factory.Clock.Set(new DateTimeOffset(2026, 11, 21, 17, 30, 0, TimeSpan.Zero));
        var other = IdentityTestKit.NextPhone();
        return await scanner.Client.PostJson("/api/checkpoint/assisted-registrations",
            Body(other, await factory.CreateClient().SendCodeAsync(other, "assisted-registration")));
    }

    [Fact]
    public async Task The_day_cap_starts_again_at_midnight_of_the_configured_zone()
    {
        // Asia/Shanghai (the default): 01:30 on the 22nd is a new day.
        await HttpAssert.Ok(await SecondRegistrationAfterMidnightInShanghaiAsync(null));
        // UTC: 17:30 is still the 21st, the cap of the day is used up.
        await HttpAssert.Problem(await SecondRegistrationAfterMidnightInShanghaiAsync("UTC"), HttpStatusCode.TooManyRequests, "checkpoint.assisted_daily_limit");
    }

    [Fact]
    public void An_unknown_zone_stops_the_host_at_start()
    {
        using var factory = new CheckpointsFactory();
        factory.With("BusinessCalendar:TimeZone", "Mars/Olympus");
        var ex = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("Mars/Olympus", ex.ToString());
    }
}

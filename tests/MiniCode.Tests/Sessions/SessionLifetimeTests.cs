using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Sessions;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Sessions;

/// <summary>
/// Idle (7 days) and absolute (30 days) session lifetimes through the real bearer authentication. Last-seen times are
/// noted in memory and written in batches; the batch interval is set long here so that only the test writes them.
/// </summary>
public sealed class SessionLifetimeTests
{
    private static MiniCodeFactory Factory() => new MiniCodeFactory().With("Sessions:TouchFlushSeconds", "300");

    [Fact]
    public async Task Using_a_session_keeps_it_alive_and_a_week_unused_ends_it()
    {
        using var factory = Factory();
        var citizen = await factory.CitizenAsync();
        factory.Clock.Advance(TimeSpan.FromDays(6));
        await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me"));
        factory.Clock.Advance(TimeSpan.FromDays(6)); // 12 days after login, 6 after last use
        await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me"));
        factory.Clock.Advance(TimeSpan.FromDays(7));
        await HttpAssert.Problem(await citizen.Client.GetAsync("/api/me"), HttpStatusCode.Unauthorized, "auth.session_expired");
    }

    [Fact]
    public async Task A_session_ends_thirty_days_after_login_however_often_it_is_used()
    {
        using var factory = Factory();
        var citizen = await factory.CitizenAsync();
        for (var day = 5; day < 30; day += 5)
        {
            factory.Clock.Advance(TimeSpan.FromDays(5));
            await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me"));
        }
        factory.Clock.Advance(TimeSpan.FromDays(5));
        await HttpAssert.Problem(await citizen.Client.GetAsync("/api/me"), HttpStatusCode.Unauthorized, "auth.session_expired");
    }

    [Fact]
    public async Task Requests_do_not_write_last_seen_the_batch_does()
    {
        using var factory = Factory();
        var citizen = await factory.CitizenAsync();
        var loggedInAt = factory.Clock.GetUtcNow();
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var usedAt = factory.Clock.GetUtcNow();
        await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me"));
        Assert.Equal(loggedInAt, await StoredLastSeenAsync(factory, citizen));

        await factory.Services.GetRequiredService<SessionTouchFlushService>().FlushAsync(CancellationToken.None);
        Assert.Equal(usedAt, await StoredLastSeenAsync(factory, citizen));

        // Within the touch interval nothing new is noted; an older time never overwrites a newer one.
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me"));
        var touches = factory.Services.GetRequiredService<SessionTouches>();
        Assert.Equal(0, touches.PendingCount);
        touches.Note(await SessionIdAsync(factory, citizen), loggedInAt);
        await factory.Services.GetRequiredService<SessionTouchFlushService>().FlushAsync(CancellationToken.None);
        Assert.Equal(usedAt, await StoredLastSeenAsync(factory, citizen));
    }

    [Fact]
    public async Task Expiring_sessions_counts_use_not_yet_written()
    {
        using var factory = Factory();
        var citizen = await factory.CitizenAsync();
        factory.Clock.Advance(TimeSpan.FromDays(6));
        await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me")); // noted, not written
        factory.Clock.Advance(TimeSpan.FromDays(2)); // 8 days after the stored last-seen

        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<SessionService>().DeleteEndedAsync());
        await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me"));

        factory.Clock.Advance(TimeSpan.FromDays(8));
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<SessionService>().DeleteEndedAsync());
        await HttpAssert.Problem(await citizen.Client.GetAsync("/api/me"), HttpStatusCode.Unauthorized, "auth.session_invalid");
    }

    private static async Task<long> SessionIdAsync(MiniCodeFactory factory, TestUser user)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<Session>()
            .Where(s => s.AccountId == user.AccountId).Select(s => s.Id).SingleAsync();
    }

    private static async Task<DateTimeOffset> StoredLastSeenAsync(MiniCodeFactory factory, TestUser user)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<Session>()
            .Where(s => s.AccountId == user.AccountId).Select(s => s.LastSeenAt).SingleAsync();
    }
}

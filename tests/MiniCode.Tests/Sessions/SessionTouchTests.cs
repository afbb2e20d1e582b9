using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using MiniCode.Data;
using MiniCode.Features.Sessions;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Sessions;

/// <summary>
/// A warm session's last-seen is written once per touch interval, not again at every later request: the cached
/// session keeps the last-seen it was loaded with, so a written touch must go on counting until the interval has
/// passed (this kept the SQLite bench's warm-up writing one row per show-code, round after round).
/// </summary>
public sealed class SessionTouchTests
{
    // Cached sessions outlive the touch interval (the bench keeps them an hour); flushes only when the test says.
    private static HealthCodesFactory Factory() => (HealthCodesFactory)new HealthCodesFactory()
        .With("Sessions:TouchFlushSeconds", "300").With("MiniCode:Caches:SessionSeconds", "3600").With("MiniCode:Caches:StatusSeconds", "3600");

    [Fact]
    public async Task A_written_touch_is_not_noted_again_while_the_cached_session_keeps_the_older_last_seen()
    {
        using var factory = Factory();
        var first = await factory.CitizenAsync();
        var second = await factory.CitizenAsync();
        await first.DeclareAsync();
        await second.DeclareAsync();
        await first.CodeAsync();
        await second.CodeAsync();
        var touches = factory.Services.GetRequiredService<SessionTouches>();
        var flush = factory.Services.GetRequiredService<SessionTouchFlushService>();
        var counter = factory.Services.GetRequiredService<DatabaseCommandCounter>();

        // Past the touch interval: both sessions are noted once and written by one flush.
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        await first.CodeAsync();
        await second.CodeAsync();
        Assert.Equal(2, touches.PendingCount);
        await flush.FlushAsync(CancellationToken.None);

        // Each later flush takes a newer batch (another session's touch); the warm showings still note and read nothing.
        var other = await factory.CitizenAsync();
        var otherSession = await factory.QueryAsync(db => db.Set<Session>().Where(s => s.AccountId == other.AccountId).Select(s => s.Id).SingleAsync());
        for (var round = 0; round < 3; round++)
        {
            touches.Note(otherSession, factory.Clock.GetUtcNow());
            await flush.FlushAsync(CancellationToken.None);
            factory.Clock.Advance(TimeSpan.FromSeconds(5)); // within the 30 s of the cached code styles
            var before = counter.Count;
            await first.CodeAsync();
            await second.CodeAsync();
            Assert.Equal(before, counter.Count);
            Assert.Equal(0, touches.PendingCount);
        }

        // Once the interval has passed again, the next use is noted (and written) again.
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await first.CodeAsync();
        Assert.Equal(1, touches.PendingCount);
    }

    [Fact]
    public async Task One_write_stores_every_noted_touch_and_keeps_a_later_stored_time()
    {
        using var factory = Factory();
        var ids = new List<long>();
        for (var n = 0; n < 3; n++)
        {
            var citizen = await factory.CitizenAsync();
            await citizen.DeclareAsync();
            await citizen.CodeAsync();
        }
        ids.AddRange(await factory.QueryAsync(db => db.Set<Session>().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync()));
        var touches = factory.Services.GetRequiredService<SessionTouches>();
        var at = factory.Clock.GetUtcNow().AddMinutes(6);
        // The last session was already seen later (by another node): its stored time stays.
        var later = at.AddMinutes(1);
        var last = ids[^1];
        await factory.QueryAsync(db => db.Set<Session>().Where(s => s.Id == last).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, later)));
        foreach (var id in ids) touches.Note(id, at);
        var counter = factory.Services.GetRequiredService<DatabaseCommandCounter>();

        var before = counter.Count;
        var written = await factory.QueryAsync(db => touches.WriteAsync(db, CancellationToken.None));

        Assert.Equal(ids.Count, written);
        Assert.True(counter.Count - before <= 3, $"{counter.Count - before} commands for {ids.Count} touches"); // BEGIN, UPDATE, COMMIT
        var stored = await factory.QueryAsync(db => db.Set<Session>().AsNoTracking().OrderBy(s => s.Id).Select(s => s.LastSeenAt).ToListAsync());
        Assert.Equal([.. ids.SkipLast(1).Select(_ => at), later], stored);
    }
}

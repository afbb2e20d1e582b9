using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Sessions;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Jobs;

public sealed class ExpireSessionsJobTests
{
    [Fact]
    public async Task A_run_deletes_revoked_then_idle_sessions_and_keeps_live_ones()
    {
        using var host = new JobsTestHost().Start();
        var revoked = await host.CitizenAsync("王五");
        var live = await host.CitizenAsync("赵六");
        long revokedSession, liveSession;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
            revokedSession = await db.Set<Session>().Where(s => s.AccountId == revoked.AccountId).Select(s => s.Id).SingleAsync();
            liveSession = await db.Set<Session>().Where(s => s.AccountId == live.AccountId).Select(s => s.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<SessionService>().RevokeAsync(revokedSession);
        }

        host.Clock.Advance(TimeSpan.FromHours(1));
        var first = await host.RunNowAsync("expire-sessions");
        Assert.Equal((JobOutcome.Succeeded, 1), (first.Outcome, first.ItemsProcessed));
        Assert.Equal([liveSession], await SessionIdsAsync(host, revokedSession, liveSession));

        host.Clock.Advance(TimeSpan.FromDays(7)); // idle timeout passed
        var second = await host.RunNowAsync("expire-sessions");
        Assert.Equal((JobOutcome.Succeeded, 1), (second.Outcome, second.ItemsProcessed));
        Assert.Empty(await SessionIdsAsync(host, revokedSession, liveSession));
    }

    private static async Task<List<long>> SessionIdsAsync(JobsTestHost host, params long[] ids)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<Session>()
            .Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync();
    }
}

using System.Net;
using MiniCode.Features.Errands;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Jobs;

namespace MiniCode.Tests.Errands;

/// <summary>
/// The manual's example: today is 2026-11-21 and the authorisation is for 2026-11-22. The four states as days pass (the
/// TestClock), and the <c>expire-authorisations</c> job run through the scheduler ("run now") ending what has passed.
/// </summary>
public sealed class ErrandStatesOverTimeTests : IDisposable
{
    private readonly JobsTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Pending_accepted_declined_and_expired_as_the_days_pass_and_the_job_ends_what_passed()
    {
        var matterId = await _host.MatterAsync("出入境证件办理");
        var grantor = await _host.CitizenAsync("蒋授权");
        var grantee = await _host.CitizenAsync("沈代办");
        var day = ErrandsKit.Today.AddDays(1);
        var waiting = (await grantor.GrantToAsync(matterId, grantee, "沈代办", day)).Id();
        var accepted = (await grantor.GrantToAsync(matterId, grantee, "沈代办", day.AddDays(1), day.AddDays(2))).Id();
        var declined = (await grantor.GrantToAsync(matterId, grantee, "沈代办", day.AddDays(3))).Id();
        var revoked = (await grantor.GrantToAsync(matterId, grantee, "沈代办", day.AddDays(4))).Id();
        await HttpAssert.Ok(await grantee.AnswerAsync(accepted, accept: true));
        await HttpAssert.Ok(await grantee.AnswerAsync(declined, accept: false));
        await HttpAssert.Ok(await grantor.RevokeAsync(revoked));
        Assert.Equal(["pending", "accepted", "declined", "expired"], await StatesAsync(grantee, waiting, accepted, declined, revoked));
        Assert.Equal("revoked", (await grantee.ReceivedAsync(revoked)).GetProperty("endReason").GetString());
        Assert.Equal(0, await RunAsync(0)); // nothing has passed

        _host.Clock.Set(new DateTimeOffset(2026, 11, 22, 15, 59, 0, TimeSpan.Zero)); // 23:59 on 2026-11-22 in Shanghai
        Assert.Equal("pending", (await grantor.GrantedAsync(waiting)).State());
        _host.Clock.Advance(TimeSpan.FromMinutes(1)); // midnight: the waiting one has passed before the job runs
        var passed = await grantor.GrantedAsync(waiting);
        Assert.Equal(("expired", "date_passed", false), (passed.State(), passed.GetProperty("endReason").GetString(), passed.GetProperty("canRevoke").GetBoolean()));
        await HttpAssert.Problem(await grantee.AnswerAsync(waiting, accept: true), HttpStatusCode.Conflict, "errands.not_pending");
        Assert.True((await grantee.ReceivedAsync(accepted)).GetProperty("codeAvailable").GetBoolean()); // 11-23, first of its two days
        Assert.Equal(1, await RunAsync(1));
        Assert.Equal(AuthorisationStatus.Expired, await StatusAsync(waiting));

        _host.Clock.Advance(TimeSpan.FromDays(1)); // 11-24: still its second day
        await HttpAssert.Ok(await grantee.ShowCodeAsync(accepted));
        _host.Clock.Advance(TimeSpan.FromDays(3)); // 11-27: everything has passed
        await HttpAssert.Problem(await grantee.ShowCodeAsync(accepted), HttpStatusCode.Conflict, "errands.code_unavailable");
        Assert.Equal(["expired", "expired", "declined", "expired"], await StatesAsync(grantee, waiting, accepted, declined, revoked));
        Assert.Equal(1, await RunAsync(2)); // the accepted one; declined and revoked stay as they are
        Assert.Equal(0, await RunAsync(3));
        Assert.Equal((AuthorisationStatus.Expired, AuthorisationStatus.Declined, AuthorisationStatus.Revoked),
            (await StatusAsync(accepted), await StatusAsync(declined), await StatusAsync(revoked)));
    }

    private async Task<int> RunAsync(int previousRuns)
    {
        Assert.Equal(previousRuns, (await _host.RunsAsync("expire-authorisations")).Count);
        var run = await _host.RunNowAsync("expire-authorisations");
        Assert.True(run.Outcome == JobOutcome.Succeeded, run.ErrorMessage);
        return run.ItemsProcessed;
    }

    private static async Task<string[]> StatesAsync(TestUser grantee, params long[] ids)
    {
        var states = new List<string>();
        foreach (var id in ids) states.Add((await grantee.ReceivedAsync(id)).State());
        return [.. states];
    }

    private Task<AuthorisationStatus> StatusAsync(long id) =>
        _host.QueryAsync(db => db.Set<ErrandAuthorisation>().Where(a => a.Id == id).Select(a => a.Status).SingleAsync());
}

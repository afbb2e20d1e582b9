using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.People;
using MiniCode.Features.Sessions;
using MiniCode.Tests.Cluster;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Sessions;

/// <summary>
/// Bearer sessions come from an in-process cache when warm (no database command), and every revocation reaches every
/// node at once: on one node through the local signal, on two nodes over PostgreSQL LISTEN/NOTIFY within a second.
/// </summary>
public sealed class SessionCacheTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_warm_session_is_validated_without_a_database_command()
    {
        using var factory = new MiniCodeFactory();
        var citizen = await factory.CitizenAsync();
        var counter = factory.Services.GetRequiredService<DatabaseCommandCounter>();
        await using var scope = factory.Services.CreateAsyncScope();
        var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();

        Assert.Equal(SessionService.Outcome.Valid, (await sessions.ValidateAsync(citizen.Token)).Outcome);
        var before = counter.Count;
        var again = await sessions.ValidateAsync(citizen.Token);

        Assert.Equal(SessionService.Outcome.Valid, again.Outcome);
        Assert.Equal(citizen.AccountId, again.Session!.AccountId);
        Assert.Equal(citizen.PersonId, again.Session.PersonId);
        Assert.Equal(before, counter.Count);
    }

    [Fact]
    public async Task A_logged_out_session_is_refused_at_once_though_it_was_cached()
    {
        using var factory = new MiniCodeFactory();
        var citizen = await factory.CitizenAsync();
        await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/notices/unread-count"));
        await HttpAssert.Ok(await citizen.Client.PostAsync("/api/auth/logout", null), HttpStatusCode.NoContent);
        await HttpAssert.Problem(await citizen.Client.GetAsync("/api/me/notices/unread-count"), HttpStatusCode.Unauthorized, "auth.session_revoked");
    }

    [Fact]
    public async Task A_session_disabled_in_the_database_is_refused_at_once_though_it_was_cached()
    {
        using var factory = new MiniCodeFactory();
        var citizen = await factory.CitizenAsync();
        await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/notices/unread-count"));
        await DisableAsync(factory, citizen.AccountId);
        await HttpAssert.Problem(await citizen.Client.GetAsync("/api/me/notices/unread-count"), HttpStatusCode.Unauthorized, "auth.account_disabled");
    }

    [PostgresFact]
    public async Task Logout_on_one_node_is_refused_on_the_other_within_a_second()
    {
        using var first = new MiniCodeFactory();
        using var second = new MiniCodeFactory().AsSecondNodeOf(first);
        var (citizen, onSecond) = await CitizenOnBothAsync(first, second);

        await HttpAssert.Ok(await citizen.Client.PostAsync("/api/auth/logout", null), HttpStatusCode.NoContent);

        await RefusedWithinAsync(onSecond, "auth.session_revoked");
    }

    [PostgresFact]
    public async Task A_password_change_on_one_node_ends_the_other_sessions_on_the_other_node_within_a_second()
    {
        using var first = new MiniCodeFactory();
        using var second = new MiniCodeFactory().AsSecondNodeOf(first);
        var (citizen, onSecond) = await CitizenOnBothAsync(first, second);
        var other = await first.WithServiceAsync<SessionService, IssuedSession>(s => s.IssueAsync(citizen.AccountId, "test", false));
        var otherOnSecond = second.CreateClient();
        otherOnSecond.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", other.Token);
        await HttpAssert.Ok(await otherOnSecond.GetAsync("/api/me/notices/unread-count"));

        await HttpAssert.Ok(await citizen.Client.PostJson("/api/me/password", new { newPassword = "Ab3$kQ9!mZ" }), HttpStatusCode.NoContent);

        await RefusedWithinAsync(otherOnSecond, "auth.session_revoked");
        await HttpAssert.Ok(await onSecond.GetAsync("/api/me/notices/unread-count")); // the session that changed it stays
    }

    [PostgresFact]
    public async Task Disabling_or_deleting_an_account_on_one_node_is_refused_on_the_other_within_a_second()
    {
        using var first = new MiniCodeFactory();
        using var second = new MiniCodeFactory().AsSecondNodeOf(first);
        var (disabled, disabledOnSecond) = await CitizenOnBothAsync(first, second);
        var (deleted, deletedOnSecond) = await CitizenOnBothAsync(first, second);

        await DisableAsync(first, disabled.AccountId);
        await HttpAssert.Ok(await deleted.Client.DeleteAsync("/api/me"), HttpStatusCode.NoContent);

        await RefusedWithinAsync(disabledOnSecond, "auth.account_disabled");
        await RefusedWithinAsync(deletedOnSecond, "auth.session_revoked");
    }

    private static async Task<(TestUser Citizen, HttpClient OnSecond)> CitizenOnBothAsync(MiniCodeFactory first, MiniCodeFactory second)
    {
        await ClusterSignalsTests.ConnectedSignals(first);
        await ClusterSignalsTests.ConnectedSignals(second);
        var citizen = await first.CitizenAsync();
        var onSecond = second.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", citizen.Token);
        await HttpAssert.Ok(await onSecond.GetAsync("/api/me/notices/unread-count")); // cached on the second node
        await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/notices/unread-count"));
        return (citizen, onSecond);
    }

    private static async Task RefusedWithinAsync(HttpClient client, string code)
    {
        var until = DateTime.UtcNow + Within;
        while (true)
        {
            var response = await client.GetAsync("/api/me/notices/unread-count");
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                await HttpAssert.Problem(response, HttpStatusCode.Unauthorized, code);
                return;
            }
            Assert.True(DateTime.UtcNow < until, $"still accepted after {Within.TotalSeconds} s");
            await Task.Delay(20);
        }
    }

    private static Task<int> DisableAsync(MiniCodeFactory factory, long accountId) => factory.QueryAsync(async db =>
    {
        var account = await db.Set<Account>().SingleAsync(a => a.Id == accountId);
        account.Status = AccountStatus.Disabled;
        return await db.SaveChangesAsync();
    });
}

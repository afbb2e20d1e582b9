using System.Net;
using MiniCode.Data;
using MiniCode.Features.Identity;
using MiniCode.Infrastructure.Concurrency;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MiniCode.Tests.Identity;

/// <summary>
/// Simultaneous sends cannot both pass a limit meant for one, on the provider MINICODE_TEST_DB selects (run on SQLite
/// and PostgreSQL): sends to one phone and from one client address are serialised (<see cref="KeyedLocks"/>).
/// </summary>
public sealed class SmsConcurrencyTests
{
    [Fact]
    public async Task Simultaneous_sends_to_one_phone_send_one_code()
    {
        using var factory = new IdentityFactory();
        var client = factory.CreateClient();
        var phone = IdentityTestKit.NextPhone();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostJson("/api/sms/codes", new { phone, purpose = "login" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            await HttpAssert.Problem(refused, HttpStatusCode.TooManyRequests, "sms.resend_too_soon");
        Assert.Equal(1, await factory.QueryAsync(db => db.Set<SmsCode>().CountAsync()));
        Assert.Equal(0, factory.Services.GetRequiredService<KeyedLocks>().ActiveKeys);
    }

    [PostgresFact]
    public async Task Simultaneous_sends_to_one_phone_on_two_nodes_send_one_code_and_wait_instead_of_failing()
    {
        using var first = new IdentityFactory();
        using var second = new IdentityFactory();
        second.AsSecondNodeOf(first);
        var clients = new[] { first.CreateClient(), second.CreateClient() };
        var phone = IdentityTestKit.NextPhone();
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => clients[i % 2].PostJson("/api/sms/codes", new { phone, purpose = "login" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            await HttpAssert.Problem(refused, HttpStatusCode.TooManyRequests, "sms.resend_too_soon");
        Assert.Equal(1, await first.QueryAsync(db => db.Set<SmsCode>().CountAsync()));
    }

    [Fact]
    public async Task Simultaneous_sends_from_one_address_stop_at_its_limit()
    {
        using var factory = new IdentityFactory();
        factory.With("Identity:Sms:PerIpLimit", "3");
        var client = factory.CreateClient();
        var phones = Enumerable.Range(0, 8).Select(_ => IdentityTestKit.NextPhone()).ToList();
        var responses = await Task.WhenAll(phones.Select(phone => client.PostJson("/api/sms/codes", new { phone, purpose = "login" })));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            await HttpAssert.Problem(refused, HttpStatusCode.TooManyRequests, "sms.ip_limit");
        Assert.Equal(3, await factory.QueryAsync(db => db.Set<SmsCode>().CountAsync()));
    }
}

using System.Net;
using MiniCode.Tests.Identity;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Foundation;

/// <summary>
/// Citizens' password login is throttled per login name and client address: a stranger who knows a phone or user name
/// blocks only their own address; many addresses together slow the name down (a delay, not a lock). Known and unknown
/// names get the same answers, and parallel guesses never get more attempts than the limit.
/// </summary>
public sealed class CitizenLoginThrottleTests : IDisposable
{
    private const string Stranger = "203.0.113.9", Owner = "198.51.100.31", Password = "abc12345";
    private readonly AddressedFactory _factory = (AddressedFactory)new AddressedFactory()
        .With("Identity:Sms:PerIpLimit", "100000").With("Identity:Password:MaxFailedAttemptsAllAddresses", "12");

    private async Task<string> RegisterAsync()
    {
        var client = _factory.From(Owner);
        var phone = IdentityTestKit.NextPhone();
        var code = await client.SendCodeAsync(phone, "register");
        await HttpAssert.Ok(await client.PostJson("/api/auth/password/register", new { phone, code, password = Password, username = IdentityTestKit.Unique("u") }));
        return phone;
    }

    private Task<HttpResponseMessage> LoginAsync(string address, string login, string password) =>
        _factory.From(address).PostJson("/api/auth/password/login", new { login, password });

    [Fact]
    public async Task A_stranger_guessing_a_citizen_password_is_blocked_while_the_owner_still_logs_in()
    {
        var phone = await RegisterAsync();
        for (var i = 0; i < 5; i++)
            await HttpAssert.Problem(await LoginAsync(Stranger, phone, "wrong1234"), HttpStatusCode.Unauthorized, "identity.credentials_invalid");
        var blocked = await LoginAsync(Stranger, phone, Password);
        await HttpAssert.Problem(blocked, HttpStatusCode.TooManyRequests, "identity.account_locked");
        Assert.Equal(15 * 60, IdentityTestKit.RetryAfter(blocked));
        await HttpAssert.Ok(await LoginAsync(Owner, phone, Password));
    }

    [Fact]
    public async Task A_known_and_an_unknown_phone_get_the_same_answers()
    {
        var known = await RegisterAsync();
        var unknown = IdentityTestKit.NextPhone();
        async Task<List<string>> AnswersAsync(string login)
        {
            var answers = new List<string>();
            for (var i = 0; i < 7; i++)
            {
                var response = await LoginAsync(Stranger, login, "wrong1234");
                answers.Add($"{(int)response.StatusCode} {IdentityTestKit.RetryAfter(response)}");
            }
            return answers;
        }
        var forKnown = await AnswersAsync(known);
        Assert.Equal(forKnown, await AnswersAsync(unknown));
        Assert.Equal("429 900", forKnown[^1]);
    }

    [Fact]
    public async Task Guesses_from_many_addresses_slow_the_name_down_but_do_not_lock_it()
    {
        var phone = await RegisterAsync();
        for (var a = 0; a < 3; a++)
            for (var i = 0; i < 4; i++)
                await HttpAssert.Problem(await LoginAsync($"203.0.113.{60 + a}", phone, "wrong1234"), HttpStatusCode.Unauthorized, "identity.credentials_invalid");
        // Twelve from all addresses: every try now waits the delay (one minute), the owner's included...
        var held = await LoginAsync(Owner, phone, Password);
        await HttpAssert.Problem(held, HttpStatusCode.TooManyRequests, "identity.account_locked");
        Assert.InRange(IdentityTestKit.RetryAfter(held) ?? 0, 1, 60);
        // ...and once it has passed the owner logs in: no lock.
        _factory.Clock.Advance(TimeSpan.FromSeconds(61));
        await HttpAssert.Ok(await LoginAsync(Owner, phone, Password));
    }

    [PostgresFact]
    public async Task Parallel_guesses_from_one_address_get_no_more_attempts_than_the_limit()
    {
        var phone = await RegisterAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => LoginAsync(Stranger, phone, "wrong1234")));
        Assert.Equal(5, answers.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(15, answers.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        await HttpAssert.Problem(await LoginAsync(Stranger, phone, Password), HttpStatusCode.TooManyRequests, "identity.account_locked");
        await HttpAssert.Ok(await LoginAsync(Owner, phone, Password));
    }

    public void Dispose() => _factory.Dispose();
}

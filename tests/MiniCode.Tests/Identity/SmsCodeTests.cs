using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Identity;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Identity;

/// <summary>Each test uses its own phone numbers, so they share one host; time rules move the host's TestClock.</summary>
public sealed class SmsCodeTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Sms_login_registers_then_logs_in_the_same_account_and_a_code_works_once()
    {
        var phone = IdentityTestKit.NextPhone();
        var code = await _client.SendCodeAsync(phone, "login");
        Assert.Matches("^[0-9]{6}$", code);
        var first = await HttpAssert.Ok(await _client.PostJson("/api/auth/sms/login", new { phone, code }));
        Assert.Equal(phone[..3] + "****" + phone[^4..], first.GetProperty("account").GetProperty("phone").GetString());

        await HttpAssert.Problem(await _client.PostJson("/api/auth/sms/login", new { phone, code }), HttpStatusCode.BadRequest, "sms.code_invalid");

        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var again = await HttpAssert.Ok(await _client.PostJson("/api/auth/sms/login", new { phone = "+86" + phone, code = await _client.SendCodeAsync(phone, "login") }));
        Assert.Equal(first.GetProperty("account").GetProperty("id").GetInt64(), again.GetProperty("account").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Codes_are_stored_only_as_keyed_hashes()
    {
        var phone = IdentityTestKit.NextPhone();
        var code = await _client.SendCodeAsync(phone, "bind");
        await using var scope = factory.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<SmsCode>().ToListAsync();
        Assert.DoesNotContain(rows, r => r.CodeHash.Contains(code) || r.PhoneIndex.Contains(phone));
    }

    [Fact]
    public async Task Resend_within_60_seconds_is_refused_with_retry_after()
    {
        var phone = IdentityTestKit.NextPhone();
        await _client.SendCodeAsync(phone, "login");
        factory.Clock.Advance(TimeSpan.FromSeconds(20));
        var response = await _client.PostJson("/api/sms/codes", new { phone, purpose = "register" });
        await HttpAssert.Problem(response, HttpStatusCode.TooManyRequests, "sms.resend_too_soon");
        Assert.InRange(IdentityTestKit.RetryAfter(response)!.Value, 1, 40);
    }

    [Fact]
    public async Task A_code_expires_after_five_minutes()
    {
        var phone = IdentityTestKit.NextPhone();
        var code = await _client.SendCodeAsync(phone, "login");
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await HttpAssert.Problem(await _client.PostJson("/api/auth/sms/login", new { phone, code }), HttpStatusCode.BadRequest, "sms.code_expired");
    }

    [Fact]
    public async Task Five_wrong_entries_kill_the_code()
    {
        var phone = IdentityTestKit.NextPhone();
        var code = await _client.SendCodeAsync(phone, "login");
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 1; i <= 4; i++)
        {
            var body = await HttpAssert.Problem(await _client.PostJson("/api/auth/sms/login", new { phone, code = wrong }), HttpStatusCode.BadRequest, "sms.code_invalid");
            Assert.Equal(5 - i, body.GetProperty("attemptsLeft").GetInt32());
        }
        await HttpAssert.Problem(await _client.PostJson("/api/auth/sms/login", new { phone, code = wrong }), HttpStatusCode.BadRequest, "sms.too_many_attempts");
        await HttpAssert.Problem(await _client.PostJson("/api/auth/sms/login", new { phone, code }), HttpStatusCode.BadRequest, "sms.too_many_attempts");
    }

    [Fact]
    public async Task A_code_is_only_good_for_its_purpose()
    {
        var phone = IdentityTestKit.NextPhone();
        var code = await _client.SendCodeAsync(phone, "bind");
        await HttpAssert.Problem(await _client.PostJson("/api/auth/sms/login", new { phone, code }), HttpStatusCode.BadRequest, "sms.code_invalid");
    }

    [Fact]
    public async Task At_most_ten_codes_a_day_per_phone()
    {
        var phone = IdentityTestKit.NextPhone();
        for (var i = 0; i < 10; i++)
        {
            await HttpAssert.Ok(await _client.PostJson("/api/sms/codes", new { phone, purpose = "login" }));
            factory.Clock.Advance(TimeSpan.FromSeconds(61));
        }
        var response = await _client.PostJson("/api/sms/codes", new { phone, purpose = "login" });
        await HttpAssert.Problem(response, HttpStatusCode.TooManyRequests, "sms.daily_limit");
        Assert.NotNull(IdentityTestKit.RetryAfter(response));
        factory.Clock.Advance(TimeSpan.FromHours(24));
        await HttpAssert.Ok(await _client.PostJson("/api/sms/codes", new { phone, purpose = "login" }));
    }

    [Theory]
    [InlineData("12345", "login", "phone")]
    [InlineData("13800000000", "party", "purpose")]
    public async Task Bad_phone_or_purpose_is_a_validation_problem(string phone, string purpose, string field)
    {
        var body = await HttpAssert.Problem(await _client.PostJson("/api/sms/codes", new { phone, purpose }), HttpStatusCode.BadRequest, "request.validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _));
    }
}

public sealed class SmsIpLimitTests
{
    [Fact]
    public async Task The_per_ip_limit_holds_across_phones()
    {
        using var factory = new MiniCodeFactory().With("Identity:Sms:PerIpLimit", "3");
        var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
            await HttpAssert.Ok(await client.PostJson("/api/sms/codes", new { phone = IdentityTestKit.NextPhone(), purpose = "login" }));
        var response = await client.PostJson("/api/sms/codes", new { phone = IdentityTestKit.NextPhone(), purpose = "login" });
        await HttpAssert.Problem(response, HttpStatusCode.TooManyRequests, "sms.ip_limit");
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await HttpAssert.Ok(await client.PostJson("/api/sms/codes", new { phone = IdentityTestKit.NextPhone(), purpose = "login" }));
    }
}

using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Identity;

public sealed class IdentityOptionsTests
{
    [Theory]
    [InlineData("Identity:Sms:CodeLifetime", "00:11:00")] // SMS codes live at most 10 minutes
    [InlineData("Security:Passwords:Iterations", "999")] // PBKDF2 below the tests' own floor (deployments: 600,000, StaffAdminTests)
    public void Out_of_range_rules_stop_the_start(string key, string value)
    {
        using var factory = new MiniCodeFactory().With(key, value);
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Identity", error.ToString());
    }

    [Fact]
    public async Task A_shorter_configured_lifetime_applies()
    {
        using var factory = new MiniCodeFactory().With("Identity:Sms:CodeLifetime", "00:02:00");
        var client = factory.CreateClient();
        var phone = IdentityTestKit.NextPhone();
        var sent = await HttpAssert.Ok(await client.PostJson("/api/sms/codes", new { phone, purpose = "login" }));
        Assert.Equal(120, sent.GetProperty("expiresInSeconds").GetInt32());
        var code = await client.LatestCodeAsync(phone);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await HttpAssert.Problem(await client.PostJson("/api/auth/sms/login", new { phone, code }), System.Net.HttpStatusCode.BadRequest, "sms.code_expired");
    }
}

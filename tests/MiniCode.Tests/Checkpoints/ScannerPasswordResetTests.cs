using System.Net;
using MiniCode.Tests.Identity;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Checkpoints;

/// <summary>
/// 忘记密码 of 码上行动: a code by SMS to the account's phone, then code + new password. The answers do not tell whether a
/// phone is a scanner's until the code is checked; the reset ends every session of the account.
/// </summary>
public sealed class ScannerPasswordResetTests(CheckpointsFactory factory) : IClassFixture<CheckpointsFactory>
{
    private const string Send = "/api/checkpoint/password-reset/sms", Confirm = "/api/checkpoint/password-reset/confirm";

    [Fact]
    public async Task A_scanner_resets_the_password_by_sms_and_every_old_session_ends()
    {
        var (_, siteId) = await factory.SiteAsync();
        var scanner = await factory.SeniorAsync(siteId);
        var anonymous = factory.CreateClient();

        await HttpAssert.Ok(await anonymous.PostJson(Send, new { phone = scanner.Phone }));
        var code = await anonymous.LatestCodeAsync(scanner.Phone);
        var wrong = code == "000000" ? "111111" : "000000";
        await HttpAssert.Problem(await anonymous.PostJson(Confirm, new { phone = scanner.Phone, code = wrong, newPassword = "newpass5678" }),
            HttpStatusCode.BadRequest, "sms.code_invalid");
        await HttpAssert.Problem(await anonymous.PostJson(Confirm, new { phone = scanner.Phone, code, newPassword = "short" }),
            HttpStatusCode.BadRequest, "request.validation_failed");

        var response = await anonymous.PostJson(Confirm, new { phone = scanner.Phone, code, newPassword = "newpass5678" });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        // The old session is gone, the old password too; the new one logs in.
        Assert.Equal(HttpStatusCode.Unauthorized, (await scanner.Client.GetAsync("/api/checkpoint/me")).StatusCode);
        await HttpAssert.Problem(await factory.LoginResponseAsync(scanner.Phone, CheckpointKit.Password), HttpStatusCode.Unauthorized, "checkpoint.credentials_invalid");
        var fresh = await factory.ScannerLoginAsync(scanner.Phone, "newpass5678");
        await HttpAssert.Ok(await fresh.GetAsync("/api/checkpoint/me"));
        // The code is used up.
        await HttpAssert.Problem(await anonymous.PostJson(Confirm, new { phone = scanner.Phone, code, newPassword = "other5678x" }),
            HttpStatusCode.BadRequest, "sms.code_invalid");
    }

    [Fact]
    public async Task A_phone_that_is_no_scanners_gets_the_same_answers_until_the_code_is_checked()
    {
        var (_, siteId) = await factory.SiteAsync();
        var scanner = await factory.SeniorAsync(siteId);
        var stranger = IdentityTestKit.NextPhone();
        var client = factory.CreateClient();

        await SameAnswer.AssertAsync(await client.PostJson(Send, new { phone = scanner.Phone }), await client.PostJson(Send, new { phone = stranger }));
        // The same throttles as every SMS code: a second send at once is refused for both alike.
        await SameAnswer.AssertAsync(await client.PostJson(Send, new { phone = scanner.Phone }), await client.PostJson(Send, new { phone = stranger }),
            "sms.resend_too_soon");
        await SameAnswer.AssertAsync(
            await client.PostJson(Confirm, new { phone = scanner.Phone, code = "12345x", newPassword = "newpass5678" }),
            await client.PostJson(Confirm, new { phone = stranger, code = "12345x", newPassword = "newpass5678" }));

        // Only with the right code does the stranger learn there is no scanner account.
        var code = await client.LatestCodeAsync(stranger);
        await HttpAssert.Problem(await client.PostJson(Confirm, new { phone = stranger, code, newPassword = "newpass5678" }),
            HttpStatusCode.NotFound, "identity.account_not_found");
    }

    [Fact]
    public async Task A_citizen_reset_code_does_not_reset_a_scanner_password()
    {
        var (_, siteId) = await factory.SiteAsync();
        var scanner = await factory.SeniorAsync(siteId);
        var client = factory.CreateClient();
        var citizenCode = await client.SendCodeAsync(scanner.Phone, "reset-password");
        await HttpAssert.Problem(await client.PostJson(Confirm, new { phone = scanner.Phone, code = citizenCode, newPassword = "newpass5678" }),
            HttpStatusCode.BadRequest, "sms.code_invalid");
        await HttpAssert.Ok(await scanner.Client.GetAsync("/api/checkpoint/me"));
    }
}

using System.Net;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Identity;

/// <summary>
/// M4: until the SMS code or the face has been checked, answers about a phone or a document are the same whether or not
/// it is known (status, code, body; the SMS is sent either way). Full-width digits are never a phone or a document.
/// </summary>
public sealed class NoEnumerationTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private static string Wrong(string code) => code == "000000" ? "111111" : "000000";

    /// <summary>A citizen registered with phone and password; returns the phone.</summary>
    private async Task<string> RegisteredPhoneAsync()
    {
        var phone = IdentityTestKit.NextPhone();
        var client = factory.CreateClient();
        var code = await client.SendCodeAsync(phone, "register");
        await HttpAssert.Ok(await client.PostJson("/api/auth/password/register", new { phone, code, password = "abc12345" }));
        return phone;
    }

    /// <summary>The same request for a known and an unknown phone, each with a wrong code of its own.</summary>
    private async Task SameForPhonesAsync(HttpClient client, string purpose, string url, Func<string, string, object> body)
    {
        var known = await RegisteredPhoneAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(2)); // past the resend interval of the registration code
        var unknown = IdentityTestKit.NextPhone();
        var knownCode = await client.SendCodeAsync(known, purpose);
        var unknownCode = await client.SendCodeAsync(unknown, purpose);
        await SameAnswer.AssertAsync(await client.PostJson(url, body(known, Wrong(knownCode))), await client.PostJson(url, body(unknown, Wrong(unknownCode))), "sms.code_invalid");
    }

    [Fact]
    public async Task Sending_a_code_answers_alike_and_sends_to_known_and_unknown_phones()
    {
        var known = await RegisteredPhoneAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var unknown = IdentityTestKit.NextPhone();
        var client = factory.CreateClient();
        foreach (var purpose in new[] { "register", "reset-password", "login" })
        {
            await SameAnswer.AssertAsync(await client.PostJson("/api/sms/codes", new { phone = known, purpose }),
                await client.PostJson("/api/sms/codes", new { phone = unknown, purpose }));
            Assert.NotEmpty(await client.LatestCodeAsync(known));
            Assert.NotEmpty(await client.LatestCodeAsync(unknown));
            factory.Clock.Advance(TimeSpan.FromMinutes(2));
        }
    }

    [Fact]
    public Task Register_with_a_wrong_code_answers_alike() =>
        SameForPhonesAsync(factory.CreateClient(), "register", "/api/auth/password/register", (phone, code) => new { phone, code, password = "abc12345" });

    [Fact]
    public Task Reset_with_a_wrong_code_answers_alike() =>
        SameForPhonesAsync(factory.CreateClient(), "reset-password", "/api/auth/password/reset", (phone, code) => new { phone, code, newPassword = "xyz98765" });

    [Fact]
    public Task Sms_login_with_a_wrong_code_answers_alike() =>
        SameForPhonesAsync(factory.CreateClient(), "login", "/api/auth/sms/login", (phone, code) => new { phone, code });

    [Fact]
    public async Task Binding_a_phone_with_a_wrong_code_answers_alike_and_the_conflict_is_told_after_the_code()
    {
        var (client, _) = await factory.WeChatUserAsync();
        await SameForPhonesAsync(client, "bind", "/api/me/phone/sms", (phone, code) => new { phone, code });
        var taken = await RegisteredPhoneAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var code = await client.SendCodeAsync(taken, "bind");
        await HttpAssert.Problem(await client.PostJson("/api/me/phone/sms", new { phone = taken, code }), HttpStatusCode.Conflict, "identity.phone_in_use");
    }

    [Fact]
    public async Task Real_name_with_a_failed_face_answers_alike_for_a_document_in_use_and_an_unknown_one()
    {
        var owner = await factory.CitizenAsync("许先生");
        var (client, _) = await factory.WeChatUserAsync();
        var inUse = await client.PostJson("/api/me/real-name", new { name = "许先生", idNumber = owner.IdNumber, faceToken = "sim-mismatch" });
        var unknown = await client.PostJson("/api/me/real-name", new { name = "许先生", idNumber = TestUsers.NextIdNumber(new DateOnly(1990, 5, 17)), faceToken = "sim-mismatch" });
        await SameAnswer.AssertAsync(inUse, unknown, "identity.face_mismatch");
        // A wrong name for a known document is told only after the face matched.
        var wrongName = await client.PostJson("/api/me/real-name", new { name = "何先生", idNumber = owner.IdNumber, faceToken = "sim-mismatch" });
        await SameAnswer.AssertAsync(wrongName, unknown, "identity.face_mismatch");
    }

    [Theory]
    [InlineData("/api/sms/codes")]
    [InlineData("/api/auth/sms/login")]
    [InlineData("/api/auth/password/register")]
    [InlineData("/api/auth/password/reset")]
    public async Task Full_width_digits_are_not_a_phone(string url)
    {
        var body = new { phone = "１３９１２３４５６７８", purpose = "login", code = "123456", password = "abc12345", newPassword = "abc12345" };
        var problem = await HttpAssert.Problem(await factory.CreateClient().PostJson(url, body), HttpStatusCode.BadRequest, "request.validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("phone", out _));
    }

    [Fact]
    public async Task Full_width_digits_are_not_a_document_number()
    {
        var (client, _) = await factory.WeChatUserAsync();
        var ascii = TestUsers.NextIdNumber(new DateOnly(1990, 5, 17));
        var fullWidth = new string(ascii.Select(c => c is >= '0' and <= '9' ? (char)('０' + (c - '0')) : c).ToArray());
        await HttpAssert.Problem(await client.PostJson("/api/me/real-name", new { name = "林先生", idNumber = fullWidth, faceToken = "sim:pass" }),
            HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await client.PostJson("/api/me/real-name/document",
                new { name = "林先生", documentType = "taiwanPermit", number = "０１２３４５６７", birthDate = "1990-01-01", faceToken = "sim:pass" }),
            HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await client.PostJson("/api/me/real-name/document",
                new { name = "林先生", documentType = "hkMacaoPermit", number = "H１２３４５６７８", birthDate = "1990-01-01", faceToken = "sim:pass" }),
            HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await client.PostJson("/api/checkpoint/login", new { phone = "１３９１２３４５６７８", password = "x" }),
            HttpStatusCode.BadRequest, "request.validation_failed");
    }
}

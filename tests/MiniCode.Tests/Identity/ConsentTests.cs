using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Households;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Identity;

/// <summary>A host whose portrait consent text has its own version, so the recorded version is seen to come from the options.</summary>
public sealed class ConsentsFactory : HealthCodesFactory
{
    public const string PortraitText = "portrait-v7";
    public ConsentsFactory() => With("Identity:Consents:PortraitTextVersion", PortraitText);
}

/// <summary>PIPL consents: written where real name, face verification and portrait start, listed, withdrawn (the feature stops), given again.</summary>
public sealed class ConsentTests(ConsentsFactory factory) : IClassFixture<ConsentsFactory>
{
    private static async Task<List<JsonElement>> ConsentsAsync(TestUser user) =>
        (await HttpAssert.Ok(await user.Client.GetAsync("/api/me/consents"))).EnumerateArray().ToList();

    private static JsonElement Active(List<JsonElement> consents, string purpose) =>
        Assert.Single(consents, c => c.Str("purpose") == purpose && c.GetProperty("active").GetBoolean());

    [Fact]
    public async Task Real_name_records_its_consents_and_a_withdrawal_stops_it_until_given_again()
    {
        var user = await factory.AnonymousCitizenAsync();
        Assert.Empty(await ConsentsAsync(user));
        await HttpAssert.Ok(await user.Client.PostJson("/api/me/face/sessions", new { purpose = "real_name", name = "孔实名", idNumber = TestUsers.NextIdNumber(new DateOnly(1991, 2, 3)) }));
        var consents = await ConsentsAsync(user);
        var realName = Active(consents, "real_name");
        Assert.Equal("2026-12-01", realName.Str("textVersion"));
        Assert.Equal(factory.Clock.GetUtcNow(), realName.GetProperty("givenAt").GetDateTimeOffset());
        Assert.True(realName.GetProperty("thisAccount").GetBoolean());
        Active(consents, "face_verification");

        await HttpAssert.Ok(await user.Client.DeleteAsync("/api/me/consents/real_name"), HttpStatusCode.NoContent);
        var body = new { name = "孔实名", idNumber = TestUsers.NextIdNumber(new DateOnly(1991, 2, 3)), faceToken = "sim:pass" };
        await HttpAssert.Problem(await user.Client.PostJson("/api/me/real-name", body), HttpStatusCode.Conflict, "identity.consent_withdrawn");
        await HttpAssert.Problem(await user.Client.DeleteAsync("/api/me/consents/real_name"), HttpStatusCode.NotFound, "identity.consent_not_found");
        var withdrawn = Assert.Single(await ConsentsAsync(user), c => c.Str("purpose") == "real_name");
        Assert.False(withdrawn.GetProperty("active").GetBoolean());
        Assert.Equal(factory.Clock.GetUtcNow(), withdrawn.GetProperty("withdrawnAt").GetDateTimeOffset());

        await HttpAssert.Ok(await user.Client.PostJson("/api/me/consents", new { purpose = "real_name" }), HttpStatusCode.Created);
        var named = await HttpAssert.Ok(await user.Client.PostJson("/api/me/real-name", body));
        Assert.Equal(JsonValueKind.Object, named.GetProperty("realName").ValueKind);
        Assert.Equal(2, (await ConsentsAsync(user)).Count(c => c.Str("purpose") == "real_name"));
    }

    [Fact]
    public async Task Withdrawing_the_portrait_consent_deletes_the_photo_and_refuses_uploads_until_given_again()
    {
        var user = await factory.CitizenAsync("林照片");
        await HttpAssert.Ok(await user.Client.UploadAsync("/api/me/portrait", HouseholdsKit.Jpeg(640, 480)));
        Assert.Equal(ConsentsFactory.PortraitText, Active(await ConsentsAsync(user), "portrait").Str("textVersion"));

        await HttpAssert.Ok(await user.Client.DeleteAsync("/api/me/consents/portrait"), HttpStatusCode.NoContent);
        Assert.False((await HttpAssert.Ok(await user.Client.GetAsync("/api/me/portrait"))).GetProperty("hasPhoto").GetBoolean());
        await HttpAssert.Problem(await user.Client.UploadAsync("/api/me/portrait", HouseholdsKit.Jpeg(640, 480)), HttpStatusCode.Conflict, "identity.consent_withdrawn");
        await HttpAssert.Problem(await user.Client.PostAsync("/api/me/portrait/authority", null), HttpStatusCode.Conflict, "identity.consent_withdrawn");
        await HttpAssert.Problem(await user.Client.PutAsJsonAsync("/api/me/portrait/display", new { photo = true }), HttpStatusCode.Conflict, "identity.consent_withdrawn");
        await HttpAssert.Problem(await user.Client.PostJson("/api/me/consents", new { purpose = "photos" }), HttpStatusCode.BadRequest, "request.validation_failed");

        var given = await HttpAssert.Ok(await user.Client.PostJson("/api/me/consents", new { purpose = "portrait" }), HttpStatusCode.Created);
        Assert.Equal(ConsentsFactory.PortraitText, given.Str("textVersion"));
        Assert.True((await HttpAssert.Ok(await user.Client.UploadAsync("/api/me/portrait", HouseholdsKit.Jpeg(640, 480)))).GetProperty("hasPhoto").GetBoolean());
    }

    [Fact]
    public async Task Withdrawing_face_verification_refuses_face_sessions_and_face_checks_until_given_again()
    {
        var user = await factory.CitizenAsync("罗人脸");
        await HttpAssert.Ok(await user.Client.PostJson("/api/me/face-check", new { verificationToken = "sim:pass" }));
        Active(await ConsentsAsync(user), "face_verification");

        await HttpAssert.Ok(await user.Client.DeleteAsync("/api/me/consents/face_verification"), HttpStatusCode.NoContent);
        await HttpAssert.Problem(await user.Client.PostJson("/api/me/face/sessions", new { purpose = "face_check" }), HttpStatusCode.Conflict, "identity.consent_withdrawn");
        await HttpAssert.Problem(await user.Client.PostJson("/api/me/face-check", new { verificationToken = "sim:pass" }), HttpStatusCode.Conflict, "identity.consent_withdrawn");
        await HttpAssert.Problem(await user.Client.DeleteAsync("/api/me/consents/unknown"), HttpStatusCode.NotFound, "identity.consent_not_found");

        await HttpAssert.Ok(await user.Client.PostJson("/api/me/consents", new { purpose = "face_verification" }), HttpStatusCode.Created);
        await HttpAssert.Ok(await user.Client.PostJson("/api/me/face-check", new { verificationToken = "sim:pass" }));
    }
}

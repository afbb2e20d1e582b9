using System.Net;
using MiniCode.Tests.Households;
using MiniCode.Tests.Infrastructure;
using static MiniCode.Tests.Identity.Face.FaceKit;

namespace MiniCode.Tests.Identity.Face;

/// <summary>Identity:Face:Provider = TencentCloud: FaceID DetectAuth and GetDetectInfoEnhanced, TC3-signed, for any caller.</summary>
public sealed class TencentFaceTests : IDisposable
{
    private readonly FaceFactory _factory = new("TencentCloud");

    /// <summary>Starts a session and completes the SDK's face step with <paramref name="errCode"/>; returns the BizToken.</summary>
    private async Task<string> DetectedAsync(HttpClient client, string idNumber, int errCode = 0, string purpose = "real_name")
    {
        var session = await client.StartAsync(purpose, Name, idNumber);
        Assert.Equal("tencent", session.GetProperty("provider").GetString());
        Assert.StartsWith("https://", session.GetProperty("url").GetString());
        var bizToken = session.GetProperty("bizToken").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent,
            (await _factory.CreateClient().PostAsync($"/simulator/tencent/simulator/detect-complete?biz_token={bizToken}&err_code={errCode}", null)).StatusCode);
        return bizToken;
    }

    [Fact]
    public async Task A_passed_detection_real_names_a_citizen_of_any_login_once()
    {
        var citizen = await _factory.AnonymousCitizenAsync();
        var id = NewIdNumber();
        var bizToken = await DetectedAsync(citizen.Client, id);
        var me = await HttpAssert.Ok(await citizen.Client.RealNameAsync(id, bizToken));
        Assert.Equal("王**", me.GetProperty("realName").GetProperty("name").GetString()); // masked
        await HttpAssert.Problem(await citizen.Client.FaceCheckAsync(bizToken), HttpStatusCode.BadRequest, "identity.face_reused");
        await HttpAssert.Ok(await citizen.Client.FaceCheckAsync(await DetectedAsync(citizen.Client, id, purpose: "face_check")));
    }

    [Fact]
    public async Task A_failed_comparison_another_document_or_an_unknown_token_is_a_mismatch()
    {
        var citizen = await _factory.AnonymousCitizenAsync();
        var id = NewIdNumber();
        await HttpAssert.Problem(await citizen.Client.RealNameAsync(id, await DetectedAsync(citizen.Client, id, errCode: 1001)),
            HttpStatusCode.BadRequest, "identity.face_mismatch");
        await HttpAssert.Problem(await citizen.Client.RealNameAsync(id, await DetectedAsync(citizen.Client, NewIdNumber())),
            HttpStatusCode.BadRequest, "identity.face_mismatch");
        await HttpAssert.Problem(await citizen.Client.RealNameAsync(id, "SIM-BIZ-UNKNOWN"), HttpStatusCode.BadRequest, "identity.face_mismatch");
        await HttpAssert.Ok(await citizen.Client.RealNameAsync(id, await DetectedAsync(citizen.Client, id)));
    }

    [Fact]
    public async Task A_detection_started_longer_ago_than_the_configured_age_is_expired()
    {
        var citizen = await _factory.AnonymousCitizenAsync();
        var id = NewIdNumber();
        var bizToken = await DetectedAsync(citizen.Client, id);
        _factory.Clock.Advance(TimeSpan.FromMinutes(11));
        await HttpAssert.Problem(await citizen.Client.RealNameAsync(id, bizToken), HttpStatusCode.BadRequest, "identity.face_expired");
    }

    [Fact]
    public async Task FaceID_down_is_a_503_with_retry_after()
    {
        var citizen = await _factory.AnonymousCitizenAsync();
        var id = NewIdNumber();
        await OutageAsync(_factory);
        await AssertUnavailableAsync(await citizen.Client.PostJson("/api/me/face/sessions", new { purpose = "real_name", name = Name, idNumber = id }));
        var bizToken = await DetectedAsync(citizen.Client, id);
        await OutageAsync(_factory);
        await AssertUnavailableAsync(await citizen.Client.RealNameAsync(id, bizToken));
        await HttpAssert.Ok(await citizen.Client.RealNameAsync(id, bizToken));
    }

    [Fact]
    public async Task A_relative_is_added_with_a_relative_session_of_the_holder_and_not_with_one_started_for_another_purpose()
    {
        var holder = await _factory.CitizenAsync();
        var birth = new DateOnly(1970, 6, 1); // not exempt by age: the face is required
        var id = TestUsers.NextIdNumber(birth);
        var session = await holder.Client.StartAsync("relative", "张小红", id);
        var forRealName = await holder.Client.StartAsync("real_name", "张小红", id);
        foreach (var token in new[] { session, forRealName }.Select(x => x.GetProperty("bizToken").GetString()!))
            Assert.Equal(HttpStatusCode.NoContent,
                (await _factory.CreateClient().PostAsync($"/simulator/tencent/simulator/detect-complete?biz_token={token}&err_code=0", null)).StatusCode);

        await HttpAssert.Problem(await holder.PostRelativeAsync(HouseholdsKit.Relative("张小红", birth, forRealName.GetProperty("bizToken").GetString(), number: id)),
            HttpStatusCode.BadRequest, "identity.face_mismatch");
        var added = await HttpAssert.Ok(await holder.PostRelativeAsync(HouseholdsKit.Relative("张小红", birth, session.GetProperty("bizToken").GetString(), number: id)),
            HttpStatusCode.Created);
        Assert.True(added.GetProperty("faceVerified").GetBoolean());
    }

    [Fact]
    public async Task Other_documents_than_the_resident_id_card_cannot_be_verified_online()
    {
        var citizen = await _factory.AnonymousCitizenAsync();
        await HttpAssert.Problem(await citizen.Client.PostJson("/api/me/real-name/document",
            new { name = "John Smith", documentType = "passport", number = "E12345678", birthDate = "1980-01-01", faceToken = "x" }),
            HttpStatusCode.BadRequest, "identity.face_document_unsupported");
    }

    public void Dispose() => _factory.Dispose();
}

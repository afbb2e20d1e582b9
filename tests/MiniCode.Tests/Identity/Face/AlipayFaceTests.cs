using System.Net;
using MiniCode.Tests.Infrastructure;
using static MiniCode.Tests.Identity.Face.FaceKit;

namespace MiniCode.Tests.Identity.Face;

/// <summary>Identity:Face:Provider = Alipay: certify.open.initialize, the signed certify URL (my.startAPVerify), certify.open.query.</summary>
public sealed class AlipayFaceTests : IDisposable
{
    private readonly FaceFactory _factory = new("Alipay");

    /// <summary>Starts a session and opens its certify URL as my.startAPVerify would; returns the certify_id.</summary>
    private async Task<string> CertifiedAsync(HttpClient client, string idNumber, string purpose = "real_name")
    {
        var session = await client.StartAsync(purpose, Name, idNumber);
        Assert.Equal("alipay", session.GetProperty("provider").GetString());
        var url = session.GetProperty("certifyUrl").GetString()!;
        Assert.Contains("method=alipay.user.certify.open.certify", url);
        Assert.Contains("sign=", url);
        Assert.Equal(HttpStatusCode.OK, (await _factory.CreateClient().GetAsync(url)).StatusCode);
        return session.GetProperty("certifyId").GetString()!;
    }

    [Fact]
    public async Task A_passed_certification_real_names_once()
    {
        var client = await AlipayCitizenAsync(_factory);
        var id = NewIdNumber();
        var certifyId = await CertifiedAsync(client, id);
        var me = await HttpAssert.Ok(await client.RealNameAsync(id, certifyId));
        Assert.Equal("王**", me.GetProperty("realName").GetProperty("name").GetString()); // masked
        await HttpAssert.Problem(await client.FaceCheckAsync(certifyId), HttpStatusCode.BadRequest, "identity.face_reused");
        await HttpAssert.Ok(await client.FaceCheckAsync(await CertifiedAsync(client, id, "face_check")));
    }

    [Fact]
    public async Task A_failed_face_another_document_an_unopened_page_or_another_accounts_certification_is_a_mismatch()
    {
        var client = await AlipayCitizenAsync(_factory);
        var id = NewIdNumber();
        var failed = await CertifiedAsync(client, id);
        Assert.Equal(HttpStatusCode.NoContent, (await _factory.CreateClient().PostAsync($"/simulator/alipay/simulator/certify-outcome?certify_id={failed}&passed=F", null)).StatusCode);
        await HttpAssert.Problem(await client.RealNameAsync(id, failed), HttpStatusCode.BadRequest, "identity.face_mismatch");

        var forOther = await CertifiedAsync(client, NewIdNumber());
        await HttpAssert.Problem(await client.RealNameAsync(id, forOther), HttpStatusCode.BadRequest, "identity.face_mismatch");

        var unopened = (await client.StartAsync("real_name", Name, id)).GetProperty("certifyId").GetString()!;
        await HttpAssert.Problem(await client.RealNameAsync(id, unopened), HttpStatusCode.BadRequest, "identity.face_mismatch");

        var stranger = await AlipayCitizenAsync(_factory);
        var strangers = await CertifiedAsync(stranger, id);
        await HttpAssert.Problem(await client.RealNameAsync(id, strangers), HttpStatusCode.BadRequest, "identity.face_mismatch");
        await HttpAssert.Problem(await client.RealNameAsync(id, "unknown-certify-id"), HttpStatusCode.BadRequest, "identity.face_mismatch");
    }

    [Fact]
    public async Task A_certification_started_longer_ago_than_the_configured_age_is_expired()
    {
        var client = await AlipayCitizenAsync(_factory);
        var id = NewIdNumber();
        var certifyId = await CertifiedAsync(client, id);
        _factory.Clock.Advance(TimeSpan.FromMinutes(11));
        await HttpAssert.Problem(await client.RealNameAsync(id, certifyId), HttpStatusCode.BadRequest, "identity.face_expired");
    }

    [Fact]
    public async Task Alipay_down_is_a_503_with_retry_after()
    {
        var client = await AlipayCitizenAsync(_factory);
        var id = NewIdNumber();
        await OutageAsync(_factory);
        await AssertUnavailableAsync(await client.PostJson("/api/me/face/sessions", new { purpose = "real_name", name = Name, idNumber = id }));
        var certifyId = await CertifiedAsync(client, id);
        await OutageAsync(_factory);
        await AssertUnavailableAsync(await client.RealNameAsync(id, certifyId));
        await HttpAssert.Ok(await client.RealNameAsync(id, certifyId));
    }

    public void Dispose() => _factory.Dispose();
}

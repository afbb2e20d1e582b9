using System.Net;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Identity;

public sealed class RealNameTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    [Fact]
    public async Task Resident_id_binds_the_person_and_the_profile_shows_it_masked()
    {
        var (user, _) = await factory.WeChatUserAsync();
        var id = TestUsers.NextIdNumber(new DateOnly(1950, 3, 1), "220102");
        var me = await HttpAssert.Ok(await user.PostJson("/api/me/real-name", new { name = "王小明", idNumber = id, faceToken = "sim:pass" }));
        var realName = me.GetProperty("realName");
        Assert.Equal("王**", realName.GetProperty("name").GetString());
        Assert.Equal(id[..3] + "***********" + id[^4..], realName.GetProperty("documentNumber").GetString());
        Assert.Equal(76, realName.GetProperty("age").GetInt32());
        Assert.DoesNotContain(id, me.GetRawText());

        await HttpAssert.Problem(await user.PostJson("/api/me/real-name", new { name = "王小明", idNumber = id, faceToken = "sim:pass" }), HttpStatusCode.Conflict, "identity.already_verified");
        // Another account of the same human (same document and name) stands on the same person; another name is refused.
        var (other, _) = await factory.WeChatUserAsync();
        var same = await HttpAssert.Ok(await other.PostJson("/api/me/real-name", new { name = "王小明", idNumber = id, faceToken = "sim:pass" }));
        Assert.Equal(realName.GetProperty("documentNumber").GetString(), same.GetProperty("realName").GetProperty("documentNumber").GetString());
        var (stranger, _) = await factory.WeChatUserAsync();
        await HttpAssert.Problem(await stranger.PostJson("/api/me/real-name", new { name = "王大明", idNumber = id, faceToken = "sim:pass" }), HttpStatusCode.Conflict, "identity.document_in_use");
    }

    [Theory]
    [InlineData("张三", "110105194912310021", "idNumber")] // wrong check digit
    [InlineData("张三", "990105194912310028", "idNumber")] // no such province
    [InlineData("张三", "11010520991231002X", "idNumber")] // born in the future
    [InlineData("3", "11010519491231002X", "name")]
    public async Task Invalid_input_is_a_validation_problem(string name, string idNumber, string field)
    {
        var (user, _) = await factory.WeChatUserAsync();
        var body = await HttpAssert.Problem(await user.PostJson("/api/me/real-name", new { name, idNumber, faceToken = "sim:pass" }), HttpStatusCode.BadRequest, "request.validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Face_verification_decides()
    {
        var (user, _) = await factory.WeChatUserAsync();
        var id = TestUsers.NextIdNumber(new DateOnly(1991, 1, 1));
        await HttpAssert.Problem(await user.PostJson("/api/me/real-name", new { name = "李四", idNumber = id, faceToken = "sim-mismatch" }), HttpStatusCode.BadRequest, "identity.face_mismatch");
        var busy = await user.PostJson("/api/me/real-name", new { name = "李四", idNumber = id, faceToken = "sim-busy" });
        await HttpAssert.Problem(busy, HttpStatusCode.ServiceUnavailable, "identity.face_unavailable");
        Assert.NotNull(IdentityTestKit.RetryAfter(busy));
        await HttpAssert.Ok(await user.PostJson("/api/me/real-name", new { name = "李四", idNumber = id, faceToken = "sim:pass" }));
    }

    [Theory]
    [InlineData("passport", "E12345678", "passport")]
    [InlineData("hkMacaoPermit", "H12345678", "hkMacaoPermit")]
    [InlineData("taiwanPermit", "12345678", "taiwanPermit")]
    public async Task Other_documents_have_their_own_entry(string type, string number, string expected)
    {
        var (user, _) = await factory.WeChatUserAsync();
        var unique = type == "passport" ? "E" + Random.Shared.Next(10_000_000, 99_999_999) : number[..^4] + Random.Shared.Next(1000, 9999);
        var me = await HttpAssert.Ok(await user.PostJson("/api/me/real-name/document",
            new { name = "Chan Tai Man", documentType = type, number = unique, birthDate = "2015-06-01", gender = "M", faceToken = "sim:pass" }));
        Assert.Equal(expected, me.GetProperty("realName").GetProperty("documentType").GetString());
        Assert.Equal(11, me.GetProperty("realName").GetProperty("age").GetInt32()); // under 16 drives later rules
    }

    [Fact]
    public async Task Other_document_with_a_bad_number_or_type_is_refused()
    {
        var (user, _) = await factory.WeChatUserAsync();
        var body = await HttpAssert.Problem(await user.PostJson("/api/me/real-name/document",
            new { name = "Chan", documentType = "hkMacaoPermit", number = "X1", birthDate = "2000-01-01", faceToken = "sim:pass" }), HttpStatusCode.BadRequest, "request.validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty("number", out _));
        await HttpAssert.Problem(await user.PostJson("/api/me/real-name/document",
            new { name = "Chan", documentType = "library-card", number = "12345678", birthDate = "2000-01-01", faceToken = "sim:pass" }), HttpStatusCode.BadRequest, "request.validation_failed");
    }

    [Fact]
    public async Task A_document_verified_by_another_citizen_cannot_be_claimed_under_another_name()
    {
        var holder = await factory.CitizenAsync("赵六");
        var (user, _) = await factory.WeChatUserAsync();
        await HttpAssert.Problem(await user.PostJson("/api/me/real-name", new { name = "赵七", idNumber = holder.IdNumber, faceToken = "sim:pass" }), HttpStatusCode.Conflict, "identity.document_in_use");
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using MiniCode.Features.DigitalSpace;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.HealthCodes.Applications;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.DigitalSpace;

/// <summary>Never exposed to counterparties: a verify answer carries a tag only for an application the kind names, for a linked category.</summary>
public sealed class TagExposureTests
{
    [Fact]
    public async Task Only_the_named_application_verifying_a_linked_category_sees_the_tag_and_nobody_else_does()
    {
        using var factory = new HealthCodesFactory();
        var citizen = await factory.CitizenAsync();
        await citizen.DeclareAsync();
        var payload = (await citizen.CodeAsync()).GetProperty("payload").GetString()!;
        var (permittedId, permitted, _) = await factory.RegisterAsync(ApplicationKit.Venue("社区服务系统"));
        var (otherId, other, _) = await factory.RegisterAsync(ApplicationKit.Venue("商场门禁"));
        var linked = await factory.KindAsync("重点关爱", LegalBasisKind.StatutoryDuty, "民政通知第3号", categories: "personal", applications: $"{permittedId}");
        await factory.KindAsync("仅张贴码", LegalBasisKind.StatutoryDuty, "某通知", categories: "poster", applications: $"{permittedId},{otherId}");
        await factory.KindAsync("未关联", LegalBasisKind.StatutoryDuty, "某通知");
        await factory.ImportTagsAsync(DigitalSpaceKit.Header + DigitalSpaceKit.Row("重点关爱", citizen.IdNumber!) + DigitalSpaceKit.Row("仅张贴码", citizen.IdNumber!)
            + DigitalSpaceKit.Row("未关联", citizen.IdNumber!));
        Assert.Equal(3, (await citizen.TagsAsync()).Length);

        var seen = await permitted.VerifyAsync(payload);
        Assert.True(seen.GetProperty("valid").GetBoolean());
        var tag = Assert.Single(seen.GetProperty("tags").EnumerateArray());
        Assert.Equal((linked.Id, "重点关爱"), (tag.GetProperty("kindId").GetInt64(), tag.GetProperty("name").GetString()));

        // Another application, the bootstrap partner, a scanner session and a citizen's 扫一扫 see nothing of tags.
        Assert.Equal(JsonValueKind.Null, (await other.VerifyAsync(payload)).GetProperty("tags").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await factory.Partner().VerifyAsync(payload)).GetProperty("tags").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await (await factory.ScannerAsync()).Client.VerifyAsync(payload)).GetProperty("tags").ValueKind);
        var scan = await HttpAssert.Ok(await (await factory.CitizenAsync("李四")).Client.PostAsJsonAsync("/api/me/scan", new { payload }));
        Assert.False(scan.TryGetProperty("tags", out _));

        // Taking the application off the kind (or disabling the kind) hides the tag on the next verify.
        await factory.UpdateKindAsync(linked.Id, k => k.DisclosedToApplications = "");
        Assert.Equal(JsonValueKind.Null, (await permitted.VerifyAsync(payload)).GetProperty("tags").ValueKind);
    }

    [Fact]
    public async Task A_removed_or_expired_tag_is_shown_to_no_application()
    {
        using var factory = new HealthCodesFactory();
        var citizen = await factory.CitizenAsync();
        await citizen.DeclareAsync();
        var (appId, app, _) = await factory.RegisterAsync(ApplicationKit.Venue("社区系统"));
        await factory.KindAsync("短期", LegalBasisKind.StatutoryDuty, "某通知", retentionDays: 1, categories: "personal", applications: $"{appId}");
        await factory.ImportTagsAsync(DigitalSpaceKit.Header + DigitalSpaceKit.Row("短期", citizen.IdNumber!));
        Assert.Single((await app.VerifyAsync((await citizen.CodeAsync()).GetProperty("payload").GetString()!)).GetProperty("tags").EnumerateArray());

        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(JsonValueKind.Null, (await app.VerifyAsync((await citizen.CodeAsync()).GetProperty("payload").GetString()!)).GetProperty("tags").ValueKind);
        Assert.Empty(await citizen.TagsAsync());
    }
}

using System.Net;
using MiniCode.Features.DigitalSpace;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.DigitalSpace;

/// <summary>Tags are attached only with a recorded legal basis (PIPL art. 13), and the person sees them in /api/me/tags.</summary>
public sealed class TagBasisTests
{
    [Fact]
    public async Task A_consent_based_tag_is_not_attached_without_the_persons_consent_and_is_once_they_consent()
    {
        using var factory = new HealthCodesFactory();
        var citizen = await factory.CitizenAsync();
        await factory.KindAsync("志愿者", LegalBasisKind.Consent);

        var refused = await factory.ImportTagsAsync(DigitalSpaceKit.Header + DigitalSpaceKit.Row("志愿者", citizen.IdNumber!));
        Assert.Equal((1, 0, 1), (refused.TotalRows, refused.AcceptedRows, refused.RejectedRows));
        Assert.Equal([TagAttachment.NoConsentReason], await factory.RejectionsAsync(refused.Id));
        Assert.Empty(await citizen.TagsAsync());

        await citizen.GiveDigitalSpaceConsentAsync();
        var accepted = await factory.ImportTagsAsync(DigitalSpaceKit.Header + DigitalSpaceKit.Row("志愿者", citizen.IdNumber!, "无关文号"));
        Assert.Equal(1, accepted.AcceptedRows);
        var tag = Assert.Single(await citizen.TagsAsync());
        Assert.Equal(("志愿者", "consent", "测试导入", "测试目的"), (tag.GetProperty("kind").GetString(), tag.GetProperty("basisKind").GetString(),
            tag.GetProperty("source").GetString(), tag.GetProperty("purpose").GetString()));
        // The basis recorded is the consent itself, not whatever the row said.
        Assert.StartsWith("consent:", tag.GetProperty("basisReference").GetString(), StringComparison.Ordinal);
        Assert.Equal(tag.GetProperty("attachedAt").GetDateTimeOffset().AddDays(30), tag.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, tag.GetProperty("objection").ValueKind);
    }

    [Fact]
    public async Task Withdrawing_the_consent_deletes_the_consent_based_tags_at_once_and_keeps_the_statutory_ones()
    {
        using var factory = new HealthCodesFactory();
        var citizen = await factory.CitizenAsync();
        await citizen.GiveDigitalSpaceConsentAsync();
        await factory.KindAsync("献血者", LegalBasisKind.Consent);
        await factory.KindAsync("隔离人员", LegalBasisKind.PublicHealthEmergency, "某省新冠防控通告第5号");
        await factory.ImportTagsAsync(DigitalSpaceKit.Header + DigitalSpaceKit.Row("献血者", citizen.IdNumber!) + DigitalSpaceKit.Row("隔离人员", citizen.IdNumber!));
        Assert.Equal(2, (await citizen.TagsAsync()).Length);

        Assert.Equal(HttpStatusCode.NoContent, (await citizen.Client.DeleteAsync("/api/me/consents/digital_space")).StatusCode);
        var left = Assert.Single(await citizen.TagsAsync());
        Assert.Equal("隔离人员", left.GetProperty("kind").GetString());
        Assert.Equal(1, await factory.QueryAsync(db => db.Set<Tag>().CountAsync()));

        // Without a new consent nothing consent-based is attached again.
        var again = await factory.ImportTagsAsync(DigitalSpaceKit.Header + DigitalSpaceKit.Row("献血者", citizen.IdNumber!));
        Assert.Equal([TagAttachment.NoConsentReason], await factory.RejectionsAsync(again.Id));
    }

    [Fact]
    public async Task A_statutory_tag_records_the_rows_reference_or_the_kinds_default_and_none_without_either()
    {
        using var factory = new HealthCodesFactory();
        var first = await factory.CitizenAsync();
        var second = await factory.CitizenAsync();
        var third = await factory.CitizenAsync();
        await factory.KindAsync("密接人员", LegalBasisKind.StatutoryDuty, "传染病防治法第十二条");
        await factory.KindAsync("无依据", LegalBasisKind.StatutoryDuty);

        var import = await factory.ImportTagsAsync(DigitalSpaceKit.Header + DigitalSpaceKit.Row("密接人员", first.IdNumber!, "卫健委通知〔2026〕7号")
            + DigitalSpaceKit.Row("密接人员", second.IdNumber!) + DigitalSpaceKit.Row("无依据", third.IdNumber!) + DigitalSpaceKit.Row("密接人员", first.IdNumber!)
            + DigitalSpaceKit.Row("密接人员", "110105199001010000") + DigitalSpaceKit.Row("不存在", first.IdNumber!));
        Assert.Equal((6, 2, 4), (import.TotalRows, import.AcceptedRows, import.RejectedRows));
        Assert.Equal([TagAttachment.NoBasisReason, TagAttachment.ExistsReason, "身份证号码无效", "tag_kind 不是启用的标签类型"], await factory.RejectionsAsync(import.Id));

        var tag = Assert.Single(await first.TagsAsync());
        Assert.Equal(("statutoryDuty", "卫健委通知〔2026〕7号"), (tag.GetProperty("basisKind").GetString(), tag.GetProperty("basisReference").GetString()));
        Assert.Equal("传染病防治法第十二条", Assert.Single(await second.TagsAsync()).GetProperty("basisReference").GetString());
        Assert.Empty(await third.TagsAsync());

        // Rejected rows keep no full ID number; tags keep no document at all.
        var raws = await factory.QueryAsync(db => db.Set<TagImportRejection>().Select(r => r.Raw).ToListAsync());
        Assert.DoesNotContain(raws, r => r.Contains(first.IdNumber!, StringComparison.Ordinal) || r.Contains(third.IdNumber!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_person_outside_the_importers_jurisdiction_is_refused_like_an_unknown_one()
    {
        using var factory = new HealthCodesFactory();
        var citizen = await factory.CitizenAsync(region: "110105");
        await factory.KindAsync("重点人群", LegalBasisKind.StatutoryDuty, "某通知");
        var import = await factory.ImportTagsAsync(DigitalSpaceKit.Header + DigitalSpaceKit.Row("重点人群", citizen.IdNumber!)
            + DigitalSpaceKit.Row("重点人群", TestUsers.NextIdNumber(new DateOnly(1980, 1, 1), "220102")), jurisdiction: "220100");
        Assert.Equal([TagImports.UnknownSubjectReason, TagImports.UnknownSubjectReason], await factory.RejectionsAsync(import.Id));
        Assert.Empty(await citizen.TagsAsync());
    }
}

using MiniCode.Features.DigitalSpace;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Jobs;

namespace MiniCode.Tests.DigitalSpace;

/// <summary>The digital space's jobs run through Hangfire's real server: retention (<c>purge-tags</c>) and rules (<c>apply-tag-rules</c>).</summary>
public sealed class TagJobsTests
{
    [Fact]
    public async Task Tags_past_their_retention_and_removed_ones_past_the_keep_days_are_purged_by_the_job()
    {
        using var host = new JobsTestHost();
        host.With("MiniCode:HealthCodes:ApiKeys:Authority", HealthCodesFactory.AuthorityKey).With("MiniCode:DigitalSpace:RemovedKeptDays", "5");
        host.Start();
        var shortLived = await host.CitizenAsync();
        var longLived = await host.CitizenAsync();
        await host.KindAsync("十天", LegalBasisKind.StatutoryDuty, "某通知", retentionDays: 10);
        await host.KindAsync("百天", LegalBasisKind.StatutoryDuty, "某通知", retentionDays: 100);
        await host.ImportTagsAsync(DigitalSpaceKit.Header + DigitalSpaceKit.Row("十天", shortLived.IdNumber!) + DigitalSpaceKit.Row("百天", longLived.IdNumber!));
        var objection = await HttpAssert.Ok(await longLived.Client.PostJson($"/api/me/tags/{Assert.Single(await longLived.TagsAsync()).GetProperty("id").GetInt64()}/objection",
            new { reason = "信息有误" }), System.Net.HttpStatusCode.Created);
        Assert.Equal(0, (await host.RunNowAsync("purge-tags")).ItemsProcessed);

        await host.DecideAsync(objection.GetProperty("id").GetInt64(), uphold: true, "已删除");
        host.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1)); // the removed tag's keep days passed
        Assert.Equal((JobOutcome.Succeeded, 1), await OutcomeAsync(host));
        Assert.Single(await shortLived.TagsAsync());
        Assert.Empty(await longLived.TagsAsync());

        host.Clock.Advance(TimeSpan.FromDays(5)); // ten days since attaching
        Assert.Equal((JobOutcome.Succeeded, 1), await OutcomeAsync(host));
        Assert.Equal(0, await host.QueryAsync(db => db.Set<Tag>().CountAsync()));
        Assert.Equal(0, await host.QueryAsync(db => db.Set<TagObjection>().CountAsync()));
    }

    [Fact]
    public async Task The_rule_tags_people_currently_on_the_risk_list_with_the_kinds_reference()
    {
        using var host = new JobsTestHost();
        host.With("MiniCode:HealthCodes:ApiKeys:Authority", HealthCodesFactory.AuthorityKey);
        host.Start();
        var contact = await host.CitizenAsync();
        var ended = await host.CitizenAsync();
        var confirmed = await host.CitizenAsync();
        var consentOnly = await host.CitizenAsync();
        await host.KindAsync("密接（规则）", LegalBasisKind.PublicHealthEmergency, "突发公共卫生事件应急条例", rule: RiskKind.CloseContact);
        var today = host.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await host.ImportCsvAsync("risk-list", "document_type,document_number,kind,starts_on,ends_on\n"
            + $"ResidentId,{contact.IdNumber},close_contact,{today},\n"
            + $"ResidentId,{ended.IdNumber},close_contact,2020-01-01,2020-01-14\n"
            + $"ResidentId,{confirmed.IdNumber},confirmed,{today},\n");

        var run = await host.RunNowAsync("apply-tag-rules");
        Assert.Equal((JobOutcome.Succeeded, 1), (run.Outcome, run.ItemsProcessed));
        var tag = Assert.Single(await contact.TagsAsync());
        Assert.Equal(("密接（规则）", "突发公共卫生事件应急条例"), (tag.GetProperty("kind").GetString(), tag.GetProperty("basisReference").GetString()));
        Assert.Empty(await ended.TagsAsync());
        Assert.Empty(await confirmed.TagsAsync());
        Assert.Empty(await consentOnly.TagsAsync());
        Assert.Equal(0, (await host.RunNowAsync("apply-tag-rules")).ItemsProcessed); // already tagged
    }

    private static async Task<(JobOutcome, int)> OutcomeAsync(JobsTestHost host)
    {
        var run = await host.RunNowAsync("purge-tags");
        return (run.Outcome, run.ItemsProcessed);
    }
}

using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.HealthCodes.Statistics;
using MiniCode.Features.Identity;
using MiniCode.Features.Jobs;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Posters;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Jobs;

/// <summary>The features' scheduled jobs, each run through the scheduler ("run now") against real data and the TestClock.</summary>
public sealed class FeatureJobsTests : IDisposable
{
    private readonly JobsTestHost _host;

    public FeatureJobsTests()
    {
        _host = new JobsTestHost();
        _host.With("MiniCode:HealthCodes:ApiKeys:Authority", HealthCodesFactory.AuthorityKey);
        _host.With(HealthCodesFactory.PartnerSetting, HealthCodesFactory.PartnerKey);
        _host.With("MiniCode:HealthCodes:CounterFlushSeconds", "3600");
        _host.With("MiniCode:Notices:WeChat:TemplateId", "tmpl-wechat-color");
        _host.Start();
    }

    [Fact]
    public async Task Expire_sms_codes_wipes_expired_codes_then_deletes_them_once_past_the_limit_windows()
    {
        var anonymous = _host.CreateClient();
        await HttpAssert.Ok(await anonymous.PostAsJsonAsync("/api/sms/codes", new { phone = "13800138111", purpose = "login" }));
        Assert.Equal(0, await RunAsync("expire-sms-codes", 0)); // nothing expired yet

        _host.Clock.Advance(TimeSpan.FromMinutes(6)); // past the 5-minute lifetime
        Assert.Equal(1, await RunAsync("expire-sms-codes", 1));
        Assert.Equal(0, await RunAsync("expire-sms-codes", 2)); // already wiped
        var row = Assert.Single(await _host.QueryAsync(db => db.Set<SmsCode>().AsNoTracking().ToListAsync()));
        Assert.Equal("", row.CodeHash); // kept for the daily / per-IP count, but nothing to check against

        _host.Clock.Advance(TimeSpan.FromDays(1)); // past the daily window: the window resets
        Assert.Equal(1, await RunAsync("expire-sms-codes", 3));
        Assert.Empty(await _host.QueryAsync(db => db.Set<SmsCode>().AsNoTracking().ToListAsync()));
    }

    [Fact]
    public async Task Recompute_due_colours_returns_a_symptoms_yellow_to_green_with_history_and_notice()
    {
        var citizen = await _host.CitizenAsync("冯三");
        await citizen.DeclareAsync(symptoms: "咳嗽"); // symptoms have a window; a fever lasts until a normal temperature
        var personId = citizen.PersonId!.Value;
        Assert.Equal(HealthColor.Yellow, await ColorOfAsync(personId));

        _host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await RunAsync("recompute-due-colours", 0)); // not due yet
        Assert.Equal(HealthColor.Yellow, await ColorOfAsync(personId));

        _host.Clock.Advance(TimeSpan.FromDays(14)); // the symptom window has passed
        Assert.Equal(1, await RunAsync("recompute-due-colours", 1));
        Assert.Equal(HealthColor.Green, await ColorOfAsync(personId));
        var change = await _host.QueryAsync(db => db.Set<ColorChange>().AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.Id).LastAsync());
        Assert.Equal((HealthColor.Yellow, HealthColor.Green, "time", "system:recompute-due-colours"), (change.OldColor!.Value, change.NewColor, change.Cause, change.Actor));
        Assert.Equal(1, await _host.QueryAsync(db => db.Set<Notice>().CountAsync(n => n.PersonId == personId && n.Kind == "color_changed")));
    }

    [Fact]
    public async Task Recompute_due_colours_ends_a_quarantine_at_its_date_without_a_read()
    {
        var citizen = await _host.CitizenAsync("韩八");
        await citizen.DeclareAsync();
        await _host.ImportCsvAsync("risk-list", $"document_number,kind,starts_on,ends_on\n{citizen.IdNumber},quarantine,2026-11-10,2026-11-23\n");
        var personId = citizen.PersonId!.Value;
        Assert.Equal(HealthColor.Orange, await ColorOfAsync(personId));

        _host.Clock.Set(new DateTimeOffset(2026, 11, 23, 15, 59, 0, TimeSpan.Zero)); // 23:59 on the last day in Shanghai
        Assert.Equal(0, await RunAsync("recompute-due-colours", 0));
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await RunAsync("recompute-due-colours", 1));
        Assert.Equal(HealthColor.Green, await ColorOfAsync(personId));
        var inbox = await HttpAssert.Ok(await citizen.Client.GetAsync("/api/me/notices"));
        Assert.Contains("绿码", inbox.GetProperty("items")[0].GetProperty("body").GetString());
    }

    [Fact]
    public async Task Rollup_statistics_writes_issued_shown_and_scanned_by_code_type_and_region()
    {
        var a = await _host.CitizenAsync("陈四", region: "110105");
        var b = await _host.CitizenAsync("褚五", region: "220102");
        await a.DeclareAsync();
        await b.DeclareAsync();
        var partner = _host.Partner();
        // Health codes: a shows twice and is verified once; b shows once; one expired scan of a's code is refused.
        var payload = (await a.CodeAsync()).GetProperty("payload").GetString()!;
        await a.CodeAsync();
        await b.CodeAsync();
        await partner.VerifyAsync(payload);
        // Offline card of b: issued, downloaded (its 亮码) and scanned.
        var card = await HttpAssert.Ok(await b.Client.PostJson("/api/me/offline-cards", new { }), System.Net.HttpStatusCode.Created);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await b.Client.GetAsync(card.GetProperty("pngPath").GetString())).StatusCode);
        Assert.True((await partner.VerifyAsync(card.GetProperty("payload").GetString()!)).GetProperty("valid").GetBoolean());
        // A poster in 220104: a checks in twice (one record, two scans), and an unreadable payload is refused.
        var poster = await a.ApplyAsync();
        await HttpAssert.Ok(await a.CheckInAsync(poster.Payload()));
        await HttpAssert.Ok(await a.CheckInAsync(poster.Payload()));
        await partner.VerifyAsync("MC1:nonsense");
        _host.Clock.Advance(TimeSpan.FromMinutes(5)); // a's live code has expired
        Assert.False((await partner.VerifyAsync(payload)).GetProperty("valid").GetBoolean());
        await FlushAsync();

        var today = DateOnly.FromDateTime(_host.Clock.GetUtcNow().UtcDateTime);
        var written = await RunAsync("rollup-statistics", 0);
        var rows = await _host.WithServiceAsync<CodeStatisticsService, List<CodeStatisticsDaily>>(s => s.RangeAsync(today, today, "", null, CancellationToken.None));
        Assert.Equal(rows.Count, written);
        var byKey = rows.ToDictionary(r => (r.CodeType, r.RegionCode, r.Metric), r => r.Count);
        var expected = new Dictionary<(string, string, string), long>
        {
            [("health_code", "110105", "issued")] = 1,
            [("health_code", "220102", "issued")] = 1,
            [("health_code", "110105", "shown")] = 2,
            [("health_code", "220102", "shown")] = 1,
            [("health_code", "110105", "scanned")] = 1,
            [("health_code", "unknown", "rejected:expired")] = 1,
            [("offline_card", "220102", "issued")] = 1,
            [("offline_card", "220102", "shown")] = 1,
            [("offline_card", "220102", "scanned")] = 1,
            [("poster", "220104", "issued")] = 1,
            [("poster", "220104", "scanned")] = 2,
            [("unknown", "unknown", "rejected:malformed")] = 1,
        };
        Assert.Equal(expected.OrderBy(e => e.Key).ToList(), byKey.OrderBy(e => e.Key).ToList());

        // Within a region prefix only that region's rows; a rerun replaces the day, it does not add.
        var jilin = await _host.WithServiceAsync<CodeStatisticsService, List<CodeStatisticsDaily>>(s => s.RangeAsync(today, today, "22", null, CancellationToken.None));
        Assert.All(jilin, r => Assert.StartsWith("22", r.RegionCode));
        Assert.Equal(7, jilin.Count); // 220102: health code issued and shown, offline card issued, shown and scanned; 220104: poster issued and scanned
        Assert.Equal(written, await RunAsync("rollup-statistics", 1));
        Assert.Equal(written, await _host.QueryAsync(db => db.Set<CodeStatisticsDaily>().CountAsync()));

        // Usage counted after a roll-up reaches the statistics with the next one.
        await b.CodeAsync();
        await FlushAsync();
        await RunAsync("rollup-statistics", 2);
        Assert.Equal(2, await _host.QueryAsync(db => db.Set<CodeStatisticsDaily>()
            .Where(r => r.Day == today && r.CodeType == "health_code" && r.RegionCode == "220102" && r.Metric == "shown").SumAsync(r => r.Count)));
    }

    private Task FlushAsync() =>
        _host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<CodeUsageFlushService>().Single().FlushAsync(CancellationToken.None);

    [Fact]
    public async Task Send_notices_retries_a_platform_outage_with_backoff_until_the_message_goes_through()
    {
        var citizen = await _host.CitizenAsync("沈十一");
        var openId = "o-outage-" + citizen.AccountId;
        await _host.WithServiceAsync<MiniCodeDbContext, int>(db => db.Set<MiniCode.Features.People.Account>().Where(a => a.Id == citizen.AccountId)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.WeChatOpenId, openId)));
        await citizen.DeclareAsync();
        var simulator = _host.CreateClient();
        Assert.True((await simulator.PostAsync("/simulator/wechat/simulator/subscribe-outage?calls=2", null)).IsSuccessStatusCode);

        // The declaration answers at once; the worker's first attempt meets the outage and schedules a retry a minute on.
        await HttpAssert.Ok(await citizen.Client.PostJson("/api/me/declaration", HealthCodeKit.Declaration(temperature: 38.4m)));
        var delivery = await DeliveryAsync(citizen, d => d.Attempts == 1);
        Assert.Equal(NoticeDeliveryStatus.Pending, delivery.Status);
        Assert.Equal(_host.Clock.GetUtcNow() + TimeSpan.FromMinutes(1), delivery.NextAttemptAt);
        Assert.StartsWith("wechat.busy", delivery.LastError);

        Assert.Equal(0, await RunAsync("send-notices", 0)); // not due yet
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await RunAsync("send-notices", 1)); // second attempt: still down, next in 2 minutes
        delivery = await DeliveryAsync(citizen, d => d.Attempts == 2);
        Assert.Equal(_host.Clock.GetUtcNow() + TimeSpan.FromMinutes(2), delivery.NextAttemptAt);
        _host.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await RunAsync("send-notices", 2));
        delivery = await DeliveryAsync(citizen, d => d.Attempts == 3);
        Assert.Equal(NoticeDeliveryStatus.Sent, delivery.Status);
        var sent = await simulator.GetFromJsonAsync<System.Text.Json.JsonElement>($"/simulator/wechat/simulator/subscribe-messages?openid={openId}");
        Assert.Single(sent.EnumerateArray());

        // Ended deliveries are kept a week, then the job deletes them.
        _host.Clock.Advance(TimeSpan.FromDays(8));
        await RunAsync("send-notices", 3);
        Assert.Equal(0, await _host.QueryAsync(db => db.Set<NoticeDelivery>().CountAsync(d => d.Id == delivery.Id)));
    }

    private async Task<NoticeDelivery> DeliveryAsync(TestUser citizen, Func<NoticeDelivery, bool> reached)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var delivery = await _host.QueryAsync(db => db.Set<NoticeDelivery>().AsNoTracking()
                .SingleOrDefaultAsync(d => d.Channel == "wechat" && d.Notice!.PersonId == citizen.PersonId));
            if (delivery is not null && reached(delivery)) return delivery;
            Assert.True(DateTime.UtcNow < deadline, $"delivery not reached: attempts {delivery?.Attempts}, {delivery?.Status}");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Send_reminders_reminds_undeclared_citizens_once_after_a_day()
    {
        var undeclared = await _host.CitizenAsync("卫六");
        var declared = await _host.CitizenAsync("蒋七");
        await declared.DeclareAsync();
        Assert.Equal(0, await ReminderAsync(0));

        _host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await ReminderAsync(1));
        var inbox = await HttpAssert.Ok(await undeclared.Client.GetAsync("/api/me/notices"));
        Assert.Equal(ReminderService.DeclarationReminderKind, Assert.Single(inbox.GetProperty("items").EnumerateArray()).GetProperty("kind").GetString());
        Assert.Equal(0, (await HttpAssert.Ok(await declared.Client.GetAsync("/api/me/notices"))).GetProperty("items").GetArrayLength());

        Assert.Equal(0, await ReminderAsync(2)); // once only
    }

    private async Task<int> ReminderAsync(int previousRuns) => await RunAsync("send-reminders", previousRuns);

    /// <summary>Starts the job through Hangfire ("run now"), waits for the run and returns its items processed.</summary>
    private async Task<int> RunAsync(string job, int previousRuns)
    {
        Assert.Equal(previousRuns, (await _host.RunsAsync(job)).Count);
        var run = await _host.RunNowAsync(job);
        Assert.True(run.Outcome == JobOutcome.Succeeded, run.ErrorMessage);
        return run.ItemsProcessed;
    }

    private Task<HealthColor> ColorOfAsync(long personId) =>
        _host.QueryAsync(db => db.Set<HealthStatus>().Where(s => s.PersonId == personId).Select(s => s.Color).SingleAsync());

    public void Dispose() => _host.Dispose();
}

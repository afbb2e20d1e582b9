using System.Net.Http.Json;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.Households.OfflineCards;
using MiniCode.Features.Households.Portraits;
using MiniCode.Features.Jobs;
using MiniCode.Features.People;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Jobs;

namespace MiniCode.Tests.Households;

public sealed class HouseholdJobAndDeletionTests
{
    [Fact]
    public async Task Expire_offline_cards_job_revokes_worsened_and_expires_old_cards()
    {
        using var host = new JobsTestHost().Start();
        var worse = await host.CitizenAsync("邓变色");
        var old = await host.CitizenAsync("邓过期");
        var cards = new Dictionary<long, long>();
        foreach (var user in new[] { worse, old })
        {
            await user.DeclareAsync();
            var card = await HttpAssert.Ok(await user.Client.PostJson("/api/me/offline-cards", new { }), HttpStatusCode.Created);
            cards[user.PersonId!.Value] = card.GetProperty("id").GetInt64();
            await user.Client.GetAsync(card.Str("pngPath")); // fills the cache
        }
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.WithServiceAsync<HealthFactsRecorder, HealthStatus>(r => r.RecordTemperatureAsync(worse.PersonId!.Value, 38.5m, "scanner:9", default));

        var first = await host.RunNowAsync("expire-offline-cards");
        Assert.Equal((JobOutcome.Succeeded, 1), (first.Outcome, first.ItemsProcessed));
        Assert.Equal(OfflineCardStatus.Revoked, await StatusAsync(host, cards[worse.PersonId!.Value]));
        Assert.Equal(OfflineCardStatus.Active, await StatusAsync(host, cards[old.PersonId!.Value]));
        Assert.False(File.Exists(Path.Combine(host.WorkDir, "data", "offline-cards", $"{cards[worse.PersonId!.Value]}-card.png")));

        host.Clock.Advance(TimeSpan.FromDays(30));
        var second = await host.RunNowAsync("expire-offline-cards");
        Assert.Equal((JobOutcome.Succeeded, 1), (second.Outcome, second.ItemsProcessed));
        Assert.Equal(OfflineCardStatus.Expired, await StatusAsync(host, cards[old.PersonId!.Value]));
        Assert.False(File.Exists(Path.Combine(host.WorkDir, "data", "offline-cards", $"{cards[old.PersonId!.Value]}-card.png")));
        // The revocation list holds only unexpired cards.
        Assert.Empty((await HttpAssert.Ok(await host.CreateClient().GetAsync("/api/offline-cards/revocations"))).GetProperty("cards").EnumerateArray());
    }

    [Fact]
    public async Task Purge_portraits_deletes_past_attempt_rows_and_photos_switched_off_too_long()
    {
        using var host = new JobsTestHost().Start();
        var off = await host.CitizenAsync("邓关照片");
        var on = await host.CitizenAsync("邓开照片");
        foreach (var user in new[] { off, on }) await HttpAssert.Ok(await user.Client.UploadAsync("/api/me/portrait", HouseholdsKit.Jpeg(300, 400)));
        await HttpAssert.Ok(await off.Client.PutAsJsonAsync("/api/me/portrait/display", new { photo = false }));
        var key = await host.QueryAsync(db => db.Set<Portrait>().Where(p => p.PersonId == off.PersonId).Select(p => p.StorageKey).SingleAsync());

        // Today's attempts still count against the daily limit: nothing to purge.
        Assert.Equal(0, await PurgeAsync(host, 1));
        Assert.Equal(2, await host.QueryAsync(db => db.Set<PortraitAttempt>().CountAsync()));

        // 14 days off may still be switched back on: only the two attempts of past days go.
        await AdvanceAsync(host, [off, on], TimeSpan.FromDays(14));
        Assert.Equal(2, await PurgeAsync(host, 2));
        Assert.Equal(0, await host.QueryAsync(db => db.Set<PortraitAttempt>().CountAsync()));
        Assert.True((await HttpAssert.Ok(await off.Client.GetAsync("/api/me/portrait"))).GetProperty("hasPhoto").GetBoolean());

        // Past 14 days off the photo can never be shown again: its row and file go; the photo in use stays.
        await AdvanceAsync(host, [off, on], TimeSpan.FromDays(1));
        Assert.Equal(1, await PurgeAsync(host, 3));
        var status = await HttpAssert.Ok(await off.Client.GetAsync("/api/me/portrait"));
        Assert.False(status.GetProperty("hasPhoto").GetBoolean());
        Assert.Null(await host.WithServiceAsync<IPortraitStore, byte[]?>(s => s.ReadAsync(key, default)));
        Assert.True((await HttpAssert.Ok(await on.Client.GetAsync("/api/me/portrait"))).GetProperty("enabled").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await on.Client.GetAsync("/api/me/portrait/image")).StatusCode);
        // A new photo can be uploaded at once.
        Assert.True((await HttpAssert.Ok(await off.Client.UploadAsync("/api/me/portrait", HouseholdsKit.Jpeg(300, 400)))).GetProperty("enabled").GetBoolean());
    }

    private static async Task<int> PurgeAsync(JobsTestHost host, int runs)
    {
        Assert.Equal(runs - 1, (await host.RunsAsync("purge-portraits")).Count);
        var run = await host.RunNowAsync("purge-portraits");
        Assert.Equal(JobOutcome.Succeeded, run.Outcome);
        return run.ItemsProcessed;
    }

    /// <summary>Moves the clock in steps shorter than the session idle timeout, using each session in between.</summary>
    private static async Task AdvanceAsync(JobsTestHost host, TestUser[] users, TimeSpan by)
    {
        for (var step = TimeSpan.FromDays(5); by > TimeSpan.Zero; by -= step)
        {
            host.Clock.Advance(by < step ? by : step);
            foreach (var user in users) await HttpAssert.Ok(await user.Client.GetAsync("/api/me/portrait"));
        }
    }

    [Fact]
    public async Task Deleting_the_account_removes_relatives_held_only_by_it_and_their_photos()
    {
        using var factory = new HealthCodesFactory();
        var holder = await factory.CitizenAsync("谢家长");
        var sharedHolder = await factory.CitizenAsync("谢亲戚");
        var onlyMine = await holder.AddRelativeAsync("谢独有");
        var birth = new DateOnly(1962, 4, 4);
        var number = TestUsers.NextIdNumber(birth);
        await HttpAssert.Ok(await holder.PostRelativeAsync(HouseholdsKit.Relative("谢共有", birth, number: number)), HttpStatusCode.Created);
        await HttpAssert.Ok(await sharedHolder.PostRelativeAsync(HouseholdsKit.Relative("谢共有", birth, number: number)), HttpStatusCode.Created);
        await HttpAssert.Ok(await holder.Client.UploadAsync($"/api/me/relatives/{onlyMine}/portrait", HouseholdsKit.Jpeg(300, 400)));
        await HttpAssert.Ok(await holder.Client.UploadAsync("/api/me/portrait", HouseholdsKit.Jpeg(300, 400)));
        var portraitDir = Path.Combine(factory.WorkDir, "data", "portraits");
        Assert.Equal(2, Directory.GetFiles(portraitDir, "*", SearchOption.AllDirectories).Length);

        await HttpAssert.Ok(await holder.Client.DeleteAsync("/api/me"), HttpStatusCode.NoContent);

        var persons = await factory.QueryAsync(db => db.Set<Person>().Where(p => p.Name.StartsWith("谢") || p.Name == "已注销").ToListAsync());
        Assert.DoesNotContain(persons, p => p.Name == "谢独有" || p.Name == "谢家长");
        Assert.Contains(persons, p => p.Name == "谢共有" && p.AnonymisedAt == null);
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<Portrait>().CountAsync()));
        Assert.Empty(Directory.GetFiles(portraitDir, "*", SearchOption.AllDirectories));
        Assert.Single((await HttpAssert.Ok(await sharedHolder.Client.GetAsync("/api/me/relatives"))).EnumerateArray());
    }

    private static async Task<OfflineCardStatus> StatusAsync(JobsTestHost host, long cardId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MiniCode.Data.MiniCodeDbContext>().Set<OfflineCard>()
            .Where(c => c.Id == cardId).Select(c => c.Status).SingleAsync();
    }
}

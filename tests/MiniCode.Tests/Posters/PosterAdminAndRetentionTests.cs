using Microsoft.Extensions.DependencyInjection;
using MiniCode.Features.Jobs;
using MiniCode.Features.Posters;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Jobs;

namespace MiniCode.Tests.Posters;

public sealed class PosterAdminAndRetentionTests
{
    [Fact]
    public async Task Admin_service_searches_details_and_lists_masked_check_ins()
    {
        using var factory = new MiniCodeFactory();
        var owner = await factory.CitizenAsync("欧阳老板");
        var poster = await owner.ApplyAsync("欧阳酒楼");
        var visitor = await factory.VisitorAsync("司马访客");
        await HttpAssert.Ok(await visitor.CheckInAsync(poster.Payload()));
        var id = poster.Id();

        var page = await factory.WithServiceAsync<PosterAdminService, AdminPosterPage>(s => s.SearchAsync("酒楼", "220000", false));
        Assert.Equal(id, Assert.Single(page.Items).Id);
        Assert.Empty((await factory.WithServiceAsync<PosterAdminService, AdminPosterPage>(s => s.SearchAsync(null, "110000", false))).Items);
        Assert.Equal(id, Assert.Single((await factory.WithServiceAsync<PosterAdminService, AdminPosterPage>(s => s.SearchAsync($"P{id}", null, false))).Items).Id);
        var detail = await factory.WithServiceAsync<PosterAdminService, AdminPosterDetail>(s => s.DetailAsync(id));
        Assert.Equal((1, "138****8000"), (detail.CheckInCount, detail.Poster.ContactPhoneMasked));
        var checkIns = await factory.WithServiceAsync<PosterAdminService, OwnerCheckIns>(s => s.CheckInsAsync(id, null, null));
        Assert.Equal("司***", Assert.Single(checkIns.Items).MaskedName);
    }

    [Fact]
    public async Task Purge_check_ins_job_is_registered_and_deletes_check_ins_past_retention()
    {
        using var host = new JobsTestHost().Start();
        var jobs = await host.WithServiceAsync<JobsService, IReadOnlyList<JobSummary>>(s => Task.FromResult(s.List()));
        Assert.Contains(jobs, j => j.Name == "purge-check-ins");

        var owner = await host.CitizenAsync("上官老板");
        var poster = await owner.ApplyAsync("上官书院");
        var old = await host.VisitorAsync("早访客");
        await HttpAssert.Ok(await old.CheckInAsync(poster.Payload()));
        host.Clock.Advance(TimeSpan.FromDays(2));
        var recent = await host.VisitorAsync("晚访客");
        await HttpAssert.Ok(await recent.CheckInAsync(poster.Payload()));
        host.Clock.Advance(TimeSpan.FromDays(26) + TimeSpan.FromSeconds(1)); // the first is 28 days and 1 s old, the second 26 days

        var run = await host.RunNowAsync("purge-check-ins");
        Assert.Equal((JobOutcome.Succeeded, 1), (run.Outcome, run.ItemsProcessed));
        var left = await host.QueryAsync(db => db.Set<CheckIn>().Where(c => c.PosterId == poster.Id()).Select(c => c.PersonId).ToListAsync());
        Assert.Equal([recent.PersonId!.Value], left);
    }

    [Fact]
    public async Task Retention_is_configurable_and_shown_to_citizens()
    {
        using var factory = new MiniCodeFactory().With("MiniCode:Posters:RetentionDays", "14");
        var owner = await factory.CitizenAsync("令狐老板");
        var poster = await owner.ApplyAsync("令狐茶社");
        var visitor = await factory.VisitorAsync("慕容访客");
        var checkIn = await HttpAssert.Ok(await visitor.CheckInAsync(poster.Payload()));
        Assert.Equal(14, checkIn.GetProperty("retentionDays").GetInt32());
        Assert.Contains("14天", checkIn.GetProperty("retentionNotice").GetString());
        var deleted = await owner.ApplyAsync("令狐旧店");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/posters/{deleted.Id()}")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await factory.WithServiceAsync<CheckInService, int>(s => s.PurgeAsync(CancellationToken.None)));
        // The deleted poster goes with its retention period; the live one stays.
        var left = await factory.QueryAsync(db => db.Set<Poster>().Select(p => p.Id).ToListAsync());
        Assert.Equal([poster.Id()], left);
        Assert.Empty(await factory.QueryAsync(db => db.Set<PosterGeneration>().Where(g => g.PosterId == deleted.Id()).ToListAsync()));
    }

    [Fact]
    public async Task Account_deletion_stops_the_owners_posters_and_removes_the_visitors_own_check_ins()
    {
        using var factory = new MiniCodeFactory();
        var owner = await factory.CitizenAsync("东方老板");
        var poster = await owner.ApplyAsync("东方商行");
        var visitor = await factory.VisitorAsync("西门访客");
        var stays = await factory.VisitorAsync("南宫访客");
        await HttpAssert.Ok(await visitor.CheckInAsync(poster.Payload()));
        await HttpAssert.Ok(await stays.CheckInAsync(poster.Payload()));

        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await visitor.Client.DeleteAsync("/api/me")).StatusCode);
        Assert.Equal([stays.PersonId!.Value], await factory.QueryAsync(db => db.Set<CheckIn>().Select(c => c.PersonId).ToListAsync()));

        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await owner.Client.DeleteAsync("/api/me")).StatusCode);
        await HttpAssert.Problem(await stays.CheckInAsync(poster.Payload()), System.Net.HttpStatusCode.Gone, "posters.deleted");
        var row = await factory.QueryAsync(db => db.Set<Poster>().SingleAsync(p => p.Id == poster.Id()));
        Assert.Equal(("", ""), (row.ContactPhoneCipher, row.ContactPhoneMasked));
        Assert.Equal(1, await factory.QueryAsync(db => db.Set<CheckIn>().CountAsync())); // kept for tracing until the purge
    }
}

using System.Net;
using MiniCode.Data;
using MiniCode.Features.Posters;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Posters;

/// <summary>
/// Simultaneous first scans of one person at one venue make one visit record, on the provider MINICODE_TEST_DB selects
/// (run on SQLite and PostgreSQL).
/// </summary>
public sealed class CheckInConcurrencyTests(PostersFactory factory) : IClassFixture<PostersFactory>
{
    [Fact]
    public async Task Simultaneous_first_scans_make_one_record_that_counts_every_scan()
    {
        var owner = await factory.CitizenAsync("韦店主");
        var poster = await owner.ApplyAsync("长春市朝阳区并发超市");
        var visitor = await factory.VisitorAsync("韦访客");
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => visitor.CheckInAsync(poster.Payload())));

        var answers = new List<System.Text.Json.JsonElement>();
        foreach (var response in responses) answers.Add(await HttpAssert.Ok(response));
        Assert.Single(answers, a => !a.GetProperty("repeated").GetBoolean());
        Assert.Single(answers.Select(a => a.GetProperty("checkInId").GetInt64()).Distinct());
        var rows = await factory.QueryAsync(db => db.Set<CheckIn>().Where(c => c.PosterId == poster.Id()).ToListAsync());
        Assert.Equal(8, Assert.Single(rows).ScanCount);
    }
}

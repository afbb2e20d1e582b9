using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.HealthCodes.Logs;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes.Applications;

/// <summary>亮码/扫码 records: queued on the request, written by the flusher; retention per kind.</summary>
public sealed class CodeEventLogTests
{
    [Fact]
    public async Task Showing_a_code_sends_no_database_command_and_the_flusher_writes_the_show_and_scan_records()
    {
        using var factory = new HealthCodesFactory();
        var citizen = await factory.CitizenAsync();
        await citizen.DeclareAsync();
        await citizen.CodeAsync(); // warm: session and holder cached
        var counter = factory.Services.GetRequiredService<DatabaseCommandCounter>();

        var before = counter.Count;
        var payload = (await citizen.CodeAsync()).GetProperty("payload").GetString()!;
        Assert.Equal(before, counter.Count);
        var (_, app, _) = await factory.RegisterAsync(ApplicationKit.Venue("记录系统"));
        await app.VerifyAsync(payload);

        await factory.Services.GetServices<IHostedService>().OfType<CodeEventFlushService>().Single().FlushAsync(CancellationToken.None);
        var records = await factory.QueryAsync(db => db.Set<CodeEventRecord>().AsNoTracking().OrderBy(r => r.Id).ToListAsync());
        var personId = await factory.QueryAsync(db => db.Set<Features.People.Person>().Select(p => p.Id).SingleAsync());
        Assert.Equal(2, records.Count(r => r.Kind == CodeEventRecord.Show && r.PersonId == personId && r.Category == "personal" && r.RegionCode == "110105"));
        var scan = Assert.Single(records, r => r.Kind == CodeEventRecord.Scan);
        Assert.Equal((personId, "valid", "personal"), (scan.PersonId!.Value, scan.Outcome, scan.Category));
        Assert.StartsWith("app:", scan.Application, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_is_written_whole_or_not_at_all_and_its_times_stay_exact()
    {
        using var factory = new HealthCodesFactory();
        var at = factory.Clock.GetUtcNow();
        CodeEventRecord Show(int i) => new()
        {
            Kind = CodeEventRecord.Show, At = at.AddMilliseconds(i), PersonId = i, CodeType = "health_code", Category = "personal", RegionCode = "110105",
        };
        Task<int> Write(IReadOnlyList<CodeEventRecord> batch) => factory.QueryAsync(async db =>
        {
            await CodeEventWriter.WriteAsync(db, batch, CancellationToken.None);
            return batch.Count;
        });
        var broken = Show(3);
        broken.Kind = null!; // refused by the NOT NULL column, after two good rows

        await Assert.ThrowsAnyAsync<Exception>(() => Write([Show(1), Show(2), broken]));
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<CodeEventRecord>().CountAsync()));

        await Write([.. Enumerable.Range(1, 2500).Select(Show)]);
        var window = await factory.QueryAsync(db => db.Set<CodeEventRecord>().AsNoTracking()
            .Where(r => r.At > at.AddMilliseconds(1000) && r.At <= at.AddMilliseconds(1010)).OrderBy(r => r.At).Select(r => r.PersonId).ToListAsync());
        Assert.Equal(Enumerable.Range(1001, 10).Select(i => (long?)i), window);
        Assert.Equal(2500, await factory.QueryAsync(db => db.Set<CodeEventRecord>().CountAsync(r => r.RegionCode == "110105" && r.Outcome == "")));
    }

    [Fact]
    public async Task Each_log_kind_is_purged_after_its_own_retention()
    {
        using var factory = new HealthCodesFactory();
        var now = factory.Clock.GetUtcNow();
        await factory.QueryAsync(async db =>
        {
            CodeEventRecord Record(string kind, int daysAgo) => new() { Kind = kind, At = now.AddDays(-daysAgo), CodeType = "health_code", Category = "personal" };
            db.AddRange(Record(CodeEventRecord.Show, 31), Record(CodeEventRecord.Show, 29), Record(CodeEventRecord.Scan, 31), Record(CodeEventRecord.Scan, 181));
            db.Add(new AuditEntry { At = now.AddDays(-1096), Actor = "staff:1", Action = "old", TargetType = "x" });
            return await db.SaveChangesAsync();
        });

        var purged = await factory.WithServiceAsync<CodeLogRetention, int>(r => r.PurgeAsync(CancellationToken.None));

        Assert.Equal(3, purged);
        var left = await factory.QueryAsync(db => db.Set<CodeEventRecord>().AsNoTracking().ToListAsync());
        Assert.Equal([(CodeEventRecord.Show, 29), (CodeEventRecord.Scan, 31)],
            left.OrderBy(r => r.Kind == CodeEventRecord.Scan).Select(r => (r.Kind, (int)Math.Round((now - r.At).TotalDays))).ToList());
        Assert.False(await factory.QueryAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "old")));
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Infrastructure.Cluster;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Cluster;

/// <summary>Signals between two hosts on one PostgreSQL (LISTEN/NOTIFY), and the in-process default.</summary>
public sealed class ClusterSignalsTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(1);

    [PostgresFact]
    public async Task A_signal_published_on_one_node_reaches_both_nodes_within_a_second()
    {
        using var first = new MiniCodeFactory();
        using var second = new MiniCodeFactory().AsSecondNodeOf(first);
        var (a, b) = (await ConnectedSignals(first), await ConnectedSignals(second));
        var onA = new ConcurrentQueue<string>();
        var onB = new ConcurrentQueue<string>();
        using var subA = a.Subscribe("test.topic", onA.Enqueue);
        using var subB = b.Subscribe("test.topic", onB.Enqueue);
        using var other = b.Subscribe("test.other", _ => throw new InvalidOperationException("wrong topic"));

        await a.PublishAsync("test.topic", "42");

        Assert.Equal(["42"], onA); // at once, on the publishing node, and once (its echo is ignored)
        await Eventually(() => onB.Contains("42"), Within);
        await Task.Delay(200);
        Assert.Equal(["42"], onA);
        Assert.Equal(["42"], onB);
    }

    [PostgresFact]
    public async Task A_dropped_listener_reports_itself_disconnected_then_reconnects_and_delivers_again()
    {
        using var first = new MiniCodeFactory();
        using var second = new MiniCodeFactory().AsSecondNodeOf(first);
        var a = await ConnectedSignals(first);
        var b = await ConnectedSignals(second);
        var before = b.ConnectedSince;
        var onB = new ConcurrentQueue<string>();
        using var sub = b.Subscribe("test.topic", onB.Enqueue);

        // Every listener of this test database is cut (both nodes); each must notice and come back.
        await first.QueryAsync(db => db.Database.SqlQueryRaw<bool>(
            "SELECT pg_terminate_backend(pid) AS \"Value\" FROM pg_stat_activity WHERE application_name = {0} AND datname = current_database()",
            PostgresClusterSignals.ListenerApplicationName).ToListAsync());
        await Eventually(() => b.ConnectedSince is { } since && since != before, TimeSpan.FromSeconds(10));
        await Eventually(() => a.ConnectedSince is not null, TimeSpan.FromSeconds(10));

        await a.PublishAsync("test.topic", "after");
        await Eventually(() => onB.Contains("after"), Within);
    }

    [Fact]
    public async Task The_in_process_default_is_always_connected_and_delivers_to_its_subscribers()
    {
        using var factory = new MiniCodeFactory();
        var signals = factory.Services.GetRequiredService<IClusterSignals>();
        var got = new ConcurrentQueue<string>();
        using (signals.Subscribe("test.topic", got.Enqueue)) await signals.PublishAsync("test.topic", "7");
        await signals.PublishAsync("test.topic", "8"); // after unsubscribing
        Assert.NotNull(signals.ConnectedSince);
        Assert.Equal(["7"], got);
    }

    internal static async Task<IClusterSignals> ConnectedSignals(MiniCodeFactory factory)
    {
        var signals = factory.Services.GetRequiredService<IClusterSignals>();
        Assert.IsType<PostgresClusterSignals>(signals);
        await Eventually(() => signals.ConnectedSince is not null, TimeSpan.FromSeconds(10));
        return signals;
    }

    internal static async Task Eventually(Func<bool> condition, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"not within {within.TotalSeconds} s");
            await Task.Delay(20);
        }
    }
}

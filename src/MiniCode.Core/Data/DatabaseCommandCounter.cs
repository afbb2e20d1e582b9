using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MiniCode.Data;

/// <summary>
/// Counts the database commands this host's DbContexts send (every provider), so the benchmark can state database
/// commands per request and tests can check that a warm hot path sends none. One interlocked increment per command;
/// only the Benchmark environment exposes it over HTTP (<c>GET /bench/db-commands</c>).
/// </summary>
public sealed class DatabaseCommandCounter : DbCommandInterceptor
{
    public const string BenchmarkEnvironment = "Benchmark";
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Commands sent on the DbContext's connection but not through EF (the bulk writes of the show/scan log).</summary>
    public void Add(long commands) => Interlocked.Add(ref _count, commands);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    { Interlocked.Increment(ref _count); return result; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    { Interlocked.Increment(ref _count); return ValueTask.FromResult(result); }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    { Interlocked.Increment(ref _count); return result; }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    { Interlocked.Increment(ref _count); return ValueTask.FromResult(result); }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    { Interlocked.Increment(ref _count); return result; }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    { Interlocked.Increment(ref _count); return ValueTask.FromResult(result); }

    /// <summary><c>GET /bench/db-commands</c> → <c>{"commands": n}</c>, in the Benchmark environment only.</summary>
    public static IEndpointRouteBuilder MapBenchmarkCounter(IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<IHostEnvironment>().IsEnvironment(BenchmarkEnvironment))
            app.MapGet("/bench/db-commands", (DatabaseCommandCounter counter) => TypedResults.Ok(new DatabaseCommandCount(counter.Count)))
                .ExcludeFromDescription();
        return app;
    }
}

/// <summary>The benchmark counter's answer.</summary>
public sealed record DatabaseCommandCount(long Commands);

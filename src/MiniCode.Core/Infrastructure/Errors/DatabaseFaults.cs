using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MiniCode.Infrastructure.Errors;

/// <summary>
/// Recognises an exception that means "the database cannot serve right now" (unreachable, timing out, shutting down,
/// SQLite busy or locked after its busy timeout, a lock not obtained in time), anywhere in the chain of inner exceptions, so it is answered as a
/// 503 <c>service.database_unavailable</c> with Retry-After instead of a 500. Nothing is cached about the outage:
/// the next request opens a fresh connection, so the host recovers by itself once the database is back.
/// </summary>
public static class DatabaseFaults
{
    /// <summary>What the client is told to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    private const int SqliteBusy = 5, SqliteLocked = 6;

    public static bool IsUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when IsUnavailableState(pg.SqlState):
                case NpgsqlException npgsql when npgsql is not PostgresException && npgsql.IsTransient:
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                case TimeoutException:
                case SocketException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsUnavailable):
                    return true;
            }
        }
        return false;
    }

    // Class 08 connection exceptions, 53300 too many connections, 57P01-57P03 shutdown / cannot connect now,
    // 57014 a statement cancelled by its timeout, 55P03 a lock not obtained within lock_timeout.
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state is "53300" or "57P01" or "57P02" or "57P03" or "57014" or "55P03";
}

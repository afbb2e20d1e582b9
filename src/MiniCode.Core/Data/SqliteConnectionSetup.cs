using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MiniCode.Data;

/// <summary>
/// Every SQLite connection runs in WAL mode with a busy timeout: readers (requests, the admin) then never block the
/// writer (a job's commit), and concurrent writers wait their turn (<c>Database:SqliteBusyTimeoutMilliseconds</c>)
/// instead of failing at once with "database is locked"; past it the request answers 503.
/// </summary>
internal sealed class SqliteConnectionSetup(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    private readonly string _pragmas = $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={busyTimeoutMilliseconds};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = _pragmas;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = _pragmas;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}

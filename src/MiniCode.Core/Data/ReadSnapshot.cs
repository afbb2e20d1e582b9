using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MiniCode.Data;

/// <summary>
/// A read-only transaction in which several queries see the same data, e.g. an export's COUNT and the rows it then
/// streams. PostgreSQL: REPEATABLE READ READ ONLY (an MVCC snapshot, blocks nobody). SQLite: a deferred BEGIN, which
/// in WAL mode is a snapshot taken at the first read that never blocks the writer (a plain BeginTransaction would be
/// BEGIN IMMEDIATE and hold the write lock for the whole export). Disposing rolls back: nothing was written.
/// </summary>
public sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly DatabaseFacade _database;
    private readonly DbTransaction _transaction;

    private ReadSnapshot(DatabaseFacade database, DbTransaction transaction) => (_database, _transaction) = (database, transaction);

    public static async Task<ReadSnapshot> BeginAsync(DatabaseFacade database, CancellationToken ct)
    {
        await database.OpenConnectionAsync(ct);
        var connection = database.GetDbConnection();
        var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await database.UseTransactionAsync(transaction, ct);
        if (connection is not SqliteConnection) await database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY", ct);
        return new ReadSnapshot(database, transaction);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.UseTransactionAsync(null);
        await _transaction.DisposeAsync();
        await _database.CloseConnectionAsync();
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using MiniCode.Data;
using Npgsql;
using NpgsqlTypes;

namespace MiniCode.Features.HealthCodes.Logs;

/// <summary>
/// Writes a batch of 亮码/扫码 events in one statement's worth of work: PostgreSQL's binary COPY, or on SQLite
/// multi-row INSERTs inside one transaction. EF's change tracking cost more CPU per event than the show itself
/// at thousands of shows a second. All or nothing: a failed batch leaves no rows and is retried whole.
/// </summary>
internal static class CodeEventWriter
{
    // The written columns (all but the generated id); names and SQLite's conversions come from the EF model.
    private static readonly (string Property, NpgsqlDbType Type, Func<CodeEventRecord, object?> Value)[] Columns =
    [
        (nameof(CodeEventRecord.Kind), NpgsqlDbType.Varchar, e => e.Kind),
        (nameof(CodeEventRecord.At), NpgsqlDbType.TimestampTz, e => e.At.ToUniversalTime()),
        (nameof(CodeEventRecord.PersonId), NpgsqlDbType.Bigint, e => e.PersonId),
        (nameof(CodeEventRecord.CodeType), NpgsqlDbType.Varchar, e => e.CodeType),
        (nameof(CodeEventRecord.Category), NpgsqlDbType.Varchar, e => e.Category),
        (nameof(CodeEventRecord.RegionCode), NpgsqlDbType.Varchar, e => e.RegionCode),
        (nameof(CodeEventRecord.Application), NpgsqlDbType.Varchar, e => e.Application),
        (nameof(CodeEventRecord.Outcome), NpgsqlDbType.Varchar, e => e.Outcome),
    ];

    /// <summary>Writes the batch; returns the database commands it took (they bypass EF, so its counter does not see them).</summary>
    public static async Task<int> WriteAsync(MiniCodeDbContext db, IReadOnlyList<CodeEventRecord> batch, CancellationToken ct)
    {
        var store = StoreNames.Of<CodeEventRecord>(db);
        var columns = Columns.Select(c => store.Property(c.Property)).ToArray();
        var names = string.Join(", ", columns.Select(store.Column));
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.GetDbConnection() is NpgsqlConnection npgsql)
            {
                await CopyAsync(npgsql, $"COPY {store.Table} ({names}) FROM STDIN (FORMAT BINARY)", batch, ct);
                return 1;
            }
            return await InsertAsync(db.Database.GetDbConnection(), store.Table, names, columns, batch, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string copy, IReadOnlyList<CodeEventRecord> batch, CancellationToken ct)
    {
        // Nothing is kept unless CompleteAsync runs: disposing an uncompleted importer cancels the COPY.
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var e in batch)
        {
            await importer.StartRowAsync(ct);
            foreach (var (_, type, value) in Columns)
            {
                if (value(e) is { } v) await importer.WriteAsync(v, type, ct);
                else await importer.WriteNullAsync(ct);
            }
        }
        await importer.CompleteAsync(ct);
    }

    private const int RowsPerInsert = 200;

    /// <summary>Multi-row INSERTs of <see cref="RowsPerInsert"/> rows in one transaction; returns the commands sent.</summary>
    private static async Task<int> InsertAsync(DbConnection connection, string table, string names, IProperty[] columns, IReadOnlyList<CodeEventRecord> batch, CancellationToken ct)
    {
        // The model's conversions (SQLite stores DateTimeOffset as a sortable number).
        var converters = columns.Select(c => c.GetTypeMapping().Converter).ToArray();
        var commands = 2; // BEGIN and COMMIT
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var chunk in batch.Chunk(RowsPerInsert))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var rows = new List<string>(chunk.Length);
            for (var r = 0; r < chunk.Length; r++)
            {
                rows.Add($"({string.Join(", ", Enumerable.Range(0, Columns.Length).Select(i => $"@p{r}_{i}"))})");
                for (var i = 0; i < Columns.Length; i++)
                {
                    var value = Columns[i].Value(chunk[r]);
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = $"@p{r}_{i}";
                    parameter.Value = (value is not null && converters[i] is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }
            }
            command.CommandText = $"INSERT INTO {table} ({names}) VALUES {string.Join(", ", rows)}";
            await command.ExecuteNonQueryAsync(ct);
            commands++;
        }
        await transaction.CommitAsync(ct);
        return commands;
    }
}

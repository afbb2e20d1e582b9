using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using MiniCode.Data;

namespace MiniCode.Features.HealthCodes.Imports;

/// <summary>
/// Writes many records of one mapped entity in few database commands, past the change tracker (an import writes
/// millions): on PostgreSQL one <c>INSERT … SELECT FROM unnest(one array per column)</c> per call, on SQLite one
/// prepared <c>INSERT</c> run for each record. Table, columns, value converters and the upsert's conflict target (the
/// entity's unique index) come from the EF model, so the rows are stored exactly as EF would store them. Runs in the
/// context's transaction (one of its own when none is open). Records with the same conflict key must not repeat in
/// one call (PostgreSQL refuses to update a row twice in one statement): the caller keeps the one that wins.
/// </summary>
public sealed class BulkRecordWriter(MiniCodeDbContext db)
{
    /// <summary>Adds the records (their generated key is left to the database).</summary>
    public Task InsertAsync<T>(IReadOnlyCollection<T> records, CancellationToken ct) where T : class => WriteAsync(records, upsert: false, ct);

    /// <summary>Adds the records, or updates every other column of the stored one with the same unique-index key.</summary>
    public Task UpsertAsync<T>(IReadOnlyCollection<T> records, CancellationToken ct) where T : class => WriteAsync(records, upsert: true, ct);

    private async Task WriteAsync<T>(IReadOnlyCollection<T> records, bool upsert, CancellationToken ct) where T : class
    {
        if (records.Count == 0) return;
        var postgres = db.Database.IsNpgsql();
        var table = Tables.GetOrAdd((db.Model, typeof(T), upsert), key => Describe(StoreNames.Of<T>(db), key.Upsert, postgres));
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = table.Sql;
        var parameters = table.Columns.Select((c, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        if (postgres) await PostgresAsync(command, parameters, table, records, ct);
        else await SqliteAsync(command, parameters, table, records, ct);
        if (tx is not null) await tx.CommitAsync(ct);
    }

    // One statement: each parameter is one column's values as an array (Npgsql sends it in binary, typed by the element type).
    private static async Task PostgresAsync<T>(DbCommand command, DbParameter[] parameters, TableShape table, IReadOnlyCollection<T> records, CancellationToken ct)
        where T : class
    {
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            var values = Array.CreateInstance(column.ProviderType, records.Count);
            var i = 0;
            foreach (var record in records) values.SetValue(column.Value(record), i++);
            parameters[c].Value = values;
        }
        await command.ExecuteNonQueryAsync(ct);
    }

    // The same prepared statement for every record, inside the transaction (SQLite runs in process: a command costs microseconds).
    private static async Task SqliteAsync<T>(DbCommand command, DbParameter[] parameters, TableShape table, IReadOnlyCollection<T> records, CancellationToken ct)
        where T : class
    {
        await command.PrepareAsync(ct);
        foreach (var record in records)
        {
            for (var c = 0; c < parameters.Length; c++) parameters[c].Value = table.Columns[c].Value(record) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static readonly ConcurrentDictionary<(IModel Model, Type Type, bool Upsert), TableShape> Tables = new();

    private sealed record TableShape(string Sql, IReadOnlyList<ColumnShape> Columns);

    /// <summary>A written column: its value in the provider's type (after the model's converter, e.g. enum → text).</summary>
    private sealed record ColumnShape(string Name, Type ProviderType, Func<object, object?> Value);

    private static TableShape Describe(StoreNames store, bool upsert, bool postgres)
    {
        var entity = store.Entity;
        var columns = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never)).Select(p =>
        {
            var converter = p.GetTypeMapping().Converter;
            var getter = p.GetGetter();
            Func<object, object?> value = converter is null
                ? getter.GetClrValueUsingContainingEntity
                : record => converter.ConvertToProvider(getter.GetClrValueUsingContainingEntity(record));
            var providerType = converter?.ProviderClrType ?? p.ClrType;
            if (p.IsNullable && providerType.IsValueType && Nullable.GetUnderlyingType(providerType) is null) providerType = typeof(Nullable<>).MakeGenericType(providerType);
            return (Property: p, Shape: new ColumnShape(store.Column(p), providerType, value));
        }).ToList();
        var names = string.Join(", ", columns.Select(c => c.Shape.Name));
        var parameters = string.Join(", ", columns.Select((_, i) => "@p" + i));
        var text = $"INSERT INTO {store.Table} ({names}) "
            + (postgres ? $"SELECT * FROM unnest({parameters})" : $"VALUES ({parameters})");
        if (upsert)
        {
            var unique = entity.GetIndexes().Single(i => i.IsUnique).Properties;
            var updated = columns.Where(c => !unique.Contains(c.Property)).Select(c => $"{c.Shape.Name} = excluded.{c.Shape.Name}");
            text += $" ON CONFLICT ({string.Join(", ", unique.Select(store.Column))}) DO UPDATE SET {string.Join(", ", updated)}";
        }
        return new TableShape(text, columns.Select(c => c.Shape).ToList());
    }
}

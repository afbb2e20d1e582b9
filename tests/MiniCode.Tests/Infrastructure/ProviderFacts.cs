using MiniCode.Data;

namespace MiniCode.Tests.Infrastructure;

/// <summary>A test that needs PostgreSQL (several nodes on one database, a server cut off): skipped, with the reason, on SQLite.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.CurrentProvider != DatabaseProvider.Postgres)
            Skip = "Needs PostgreSQL (MINICODE_TEST_DB=postgres): several nodes on one database, or a server made unreachable.";
    }
}

/// <summary>A test of SQLite's own behaviour (file locks): skipped, with the reason, on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.CurrentProvider != DatabaseProvider.Sqlite)
            Skip = "Tests SQLite's file locking (MINICODE_TEST_DB=sqlite).";
    }
}

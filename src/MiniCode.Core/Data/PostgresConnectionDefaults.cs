using System.Data.Common;
using Npgsql;

namespace MiniCode.Data;

/// <summary>
/// Connection settings MiniCode applies to a PostgreSQL connection string unless the operator wrote them.
/// The hot paths (session check, show-code, verify) run the same few statements thousands of times a second, so:
/// <list type="bullet">
/// <item>statements used often are prepared automatically (<c>Max Auto Prepare</c>): PostgreSQL then neither parses nor
/// plans them again;</item>
/// <item>a pooled connection is handed back without <c>DISCARD ALL</c> (<c>No Reset On Close</c>), a round trip and a
/// reset on every open. MiniCode leaves no session state behind: its locks are transaction-scoped
/// (<c>pg_advisory_xact_lock</c>), and the migration lock is released in a <c>finally</c>.</item>
/// </list>
/// Measured with <c>scripts/bench.sh 10000 postgres</c>: show-code and verify about twice as many requests per second.
/// </summary>
public static class PostgresConnectionDefaults
{
    public const int MaxAutoPrepare = 64;

    public static string Apply(string connectionString)
    {
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(written, "Max Auto Prepare")) builder.MaxAutoPrepare = MaxAutoPrepare;
        if (!Mentions(written, "No Reset On Close")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    // Npgsql accepts a keyword with or without spaces, in any case ("MaxAutoPrepare", "max auto prepare").
    private static bool Mentions(DbConnectionStringBuilder written, string keyword) =>
        written.Keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", "", StringComparison.Ordinal),
            keyword.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
}

using MiniCode.Data;
using Npgsql;

namespace MiniCode.Tests.Data;

public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void Statements_are_prepared_automatically_and_pooled_connections_are_not_reset()
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Username=u;Password=p;Database=minicode"));
        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, applied.MaxAutoPrepare);
        Assert.True(applied.NoResetOnClose);
        Assert.Equal("db", applied.Host);
        Assert.Equal("p", applied.Password);
        Assert.Equal("minicode", applied.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;NORESETONCLOSE=false")]
    public void Settings_the_operator_wrote_win(string connectionString)
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString));
        Assert.Equal(0, applied.MaxAutoPrepare);
        Assert.False(applied.NoResetOnClose);
    }
}

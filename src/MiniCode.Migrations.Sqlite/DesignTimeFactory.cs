using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MiniCode.Data;

namespace MiniCode.Migrations.Sqlite;

/// <summary>What <c>dotnet ef</c> uses to build the SQLite model; the database itself is never opened.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MiniCodeDbContext>
{
    public MiniCodeDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MiniCodeDbContext>();
        DataServiceCollectionExtensions.Configure(options, new DatabaseOptions { Provider = DatabaseProvider.Sqlite }, "Data Source=design-time.db");
        return new MiniCodeDbContext(options.Options);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using MiniCode.Data;

namespace MiniCode.Migrations.Postgres;

/// <summary>What <c>dotnet ef</c> uses to build the PostgreSQL model; the database itself is never opened.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MiniCodeDbContext>
{
    public MiniCodeDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MiniCodeDbContext>();
        DataServiceCollectionExtensions.Configure(options, new DatabaseOptions { Provider = DatabaseProvider.Postgres }, "Host=localhost;Database=minicode_design_time");
        return new MiniCodeDbContext(options.Options);
    }
}

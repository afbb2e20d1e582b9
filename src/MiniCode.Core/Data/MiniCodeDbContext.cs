using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MiniCode.Data;

/// <summary>
/// The one DbContext. Entities are discovered through their <see cref="IEntityTypeConfiguration{TEntity}"/>
/// (one per entity, next to the entity in its feature folder); use <c>db.Set&lt;T&gt;()</c> to query.
/// </summary>
public sealed class MiniCodeDbContext(DbContextOptions<MiniCodeDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MiniCodeDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store it as a sortable 64-bit number there.
        // All timestamps are UTC (TimeProvider.GetUtcNow()), which PostgreSQL's timestamptz requires.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}

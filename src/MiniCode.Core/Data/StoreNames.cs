using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MiniCode.Data;

/// <summary>
/// A mapped entity's table and column names as SQL written past EF needs them (the bulk writes of imports, the
/// show/scan log and session touches): from the EF model, quoted by the provider's own <see cref="ISqlGenerationHelper"/>.
/// </summary>
internal sealed class StoreNames
{
    private readonly StoreObjectIdentifier _store;
    private readonly ISqlGenerationHelper _sql;

    public StoreNames(IEntityType entity, ISqlGenerationHelper sql)
    {
        Entity = entity;
        _store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _sql = sql;
        Table = sql.DelimitIdentifier(_store.Name, _store.Schema);
    }

    public static StoreNames Of<T>(DbContext db) =>
        new(db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped"),
            db.GetService<ISqlGenerationHelper>());

    public IEntityType Entity { get; }

    /// <summary>The quoted table name (with its schema when it has one).</summary>
    public string Table { get; }

    public string Column(IProperty property) => _sql.DelimitIdentifier(property.GetColumnName(_store)!);

    public string Column(string propertyName) => Column(Property(propertyName));

    public IProperty Property(string propertyName) =>
        Entity.FindProperty(propertyName) ?? throw new InvalidOperationException($"{Entity.DisplayName()}.{propertyName} is not mapped");
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Infrastructure.DataProtection;

/// <summary>An ASP.NET Core data-protection key ring entry, kept in the database so every node shares it.</summary>
public sealed class DataProtectionKeyRecord
{
    public long Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}

internal sealed class DataProtectionKeyRecordConfiguration : IEntityTypeConfiguration<DataProtectionKeyRecord>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRecord> b)
    {
        b.ToTable("data_protection_keys");
        b.HasKey(x => x.Id);
        b.Property(x => x.FriendlyName).HasMaxLength(200).IsRequired();
        b.Property(x => x.Xml).IsRequired();
    }
}

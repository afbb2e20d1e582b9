using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("persons");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.DocumentType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.DocumentCipher).HasMaxLength(200).IsRequired();
        b.Property(x => x.DocumentIndex).HasMaxLength(64).IsRequired();
        b.Property(x => x.DocumentMasked).HasMaxLength(40).IsRequired();
        b.Property(x => x.Gender).HasMaxLength(1);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.HasIndex(x => x.DocumentIndex).IsUnique();
    }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.ToTable("accounts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PhoneCipher).HasMaxLength(200);
        b.Property(x => x.PhoneIndex).HasMaxLength(64);
        b.Property(x => x.PhoneMasked).HasMaxLength(20);
        b.Property(x => x.WeChatOpenId).HasMaxLength(64);
        b.Property(x => x.WeChatUnionId).HasMaxLength(64);
        b.Property(x => x.WeChatSessionKeyCipher).HasMaxLength(200);
        b.Property(x => x.AlipayUserId).HasMaxLength(64);
        b.Property(x => x.AlipayOpenId).HasMaxLength(128);
        b.Property(x => x.Username).HasMaxLength(50);
        b.Property(x => x.PasswordHash).HasMaxLength(200);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.PhoneIndex).IsUnique();
        b.HasIndex(x => x.WeChatOpenId).IsUnique();
        b.HasIndex(x => x.WeChatUnionId).IsUnique();
        b.HasIndex(x => x.AlipayUserId).IsUnique();
        b.HasIndex(x => x.AlipayOpenId).IsUnique();
        b.HasIndex(x => x.Username).IsUnique();
        b.HasIndex(x => x.PersonId);
    }
}

internal sealed class WeChatOpenIdLinkConfiguration : IEntityTypeConfiguration<WeChatOpenIdLink>
{
    public void Configure(EntityTypeBuilder<WeChatOpenIdLink> b)
    {
        b.ToTable("account_wechat_openids");
        b.HasKey(x => x.Id);
        b.Property(x => x.OpenId).HasMaxLength(64).IsRequired();
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.OpenId).IsUnique();
        b.HasIndex(x => x.AccountId);
    }
}

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.CodeEngine;

/// <summary>Where a third-party issuer's verification keys come from.</summary>
public enum IssuerKeySource
{
    /// <summary>A JWKS document pasted by staff.</summary>
    Inline = 0,
    /// <summary>A JWKS URL the <c>refresh-issuer-keys</c> job fetches; the last good document is kept with its time.</summary>
    Url = 1,
}

/// <summary>第三方码集成: an external issuer whose codes (<c>Prefix</c> ‖ ES256 JWS compact) the platform verifies
/// and files under one of its categories. Disabled issuers' codes verify as revoked.</summary>
public sealed partial class CodeIssuer
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    /// <summary>Upper-case letters and digits ending in ':', e.g. "HXM1:"; never "MC1:".</summary>
    public string Prefix { get; set; } = "";
    public IssuerKeySource KeySource { get; set; }
    public string? JwksUrl { get; set; }
    /// <summary>The inline document, or the last document fetched from <see cref="JwksUrl"/>.</summary>
    public string? JwksDocument { get; set; }
    public DateTimeOffset? KeysFetchedAt { get; set; }
    public string? LastFetchError { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    [GeneratedRegex("^[A-Z][A-Z0-9]{1,11}:$")] public static partial Regex PrefixPattern();

    public static bool IsValidPrefix(string? prefix) => prefix is not null && PrefixPattern().IsMatch(prefix) && prefix != "MC1:";

    public object Snapshot() => new { Name, Category, Prefix, KeySource = KeySource.ToString(), JwksUrl, Enabled, Keys = JwksDocument?.Length };
}

internal sealed class CodeIssuerConfiguration : IEntityTypeConfiguration<CodeIssuer>
{
    public void Configure(EntityTypeBuilder<CodeIssuer> b)
    {
        b.ToTable("code_issuers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(60).IsRequired();
        b.Property(x => x.Category).HasMaxLength(CodeEngineRules.MaxCategoryCode).IsRequired();
        b.Property(x => x.Prefix).HasMaxLength(13).IsRequired();
        b.Property(x => x.JwksUrl).HasMaxLength(500);
        b.Property(x => x.LastFetchError).HasMaxLength(300);
        b.HasIndex(x => x.Prefix).IsUnique();
        b.HasOne<CodeCategory>().WithMany().HasForeignKey(x => x.Category).OnDelete(DeleteBehavior.Restrict);
    }
}

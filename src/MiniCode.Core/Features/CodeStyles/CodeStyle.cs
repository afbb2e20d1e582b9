using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.CodeStyles;

/// <summary>
/// 码样式: how a code category's codes are drawn — background, colour and icon — for one health colour or for every
/// colour (<see cref="Color"/> null). Per category and colour exactly one style is active; activating a new one
/// retires the previous (kept for history).
/// </summary>
public sealed class CodeStyle
{
    public long Id { get; set; }
    /// <summary>码分类 code (personal, poster, a third-party category …).</summary>
    public string Category { get; set; } = "";
    /// <summary>green, yellow, orange, red; null = every colour of the category.</summary>
    public string? Color { get; set; }
    public string BackgroundColor { get; set; } = "";
    public string ForegroundColor { get; set; } = "";
    /// <summary>Icon name or URL as the mini program understands it.</summary>
    public string? Icon { get; set; }
    public bool Active { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }

    public object Snapshot() => new { Category, Color, BackgroundColor, ForegroundColor, Icon, Active };
}

internal sealed class CodeStyleConfiguration : IEntityTypeConfiguration<CodeStyle>
{
    public void Configure(EntityTypeBuilder<CodeStyle> b)
    {
        b.ToTable("code_styles");
        b.HasKey(x => x.Id);
        b.Property(x => x.Category).HasMaxLength(30).IsRequired();
        b.Property(x => x.Color).HasMaxLength(10);
        b.Property(x => x.BackgroundColor).HasMaxLength(9).IsRequired();
        b.Property(x => x.ForegroundColor).HasMaxLength(9).IsRequired();
        b.Property(x => x.Icon).HasMaxLength(200);
        b.HasIndex(x => new { x.Category, x.Color, x.Active });
    }
}

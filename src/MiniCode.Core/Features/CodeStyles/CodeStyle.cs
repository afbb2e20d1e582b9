using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.CodeStyles;

/// <summary>
/// How a code type is drawn in the mini program: background, colour and icon. Per code type exactly one style is
/// active; activating a new one retires the previous (kept for history).
/// </summary>
public sealed class CodeStyle
{
    public long Id { get; set; }
    /// <summary>Code type, e.g. "green", "yellow", "red", "orange", "offline", "poster".</summary>
    public string CodeType { get; set; } = "";
    public string BackgroundColor { get; set; } = "";
    public string ForegroundColor { get; set; } = "";
    /// <summary>Icon name or URL as the mini program understands it.</summary>
    public string? Icon { get; set; }
    public bool Active { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }

    public object Snapshot() => new { CodeType, BackgroundColor, ForegroundColor, Icon, Active };
}

internal sealed class CodeStyleConfiguration : IEntityTypeConfiguration<CodeStyle>
{
    public void Configure(EntityTypeBuilder<CodeStyle> b)
    {
        b.ToTable("code_styles");
        b.HasKey(x => x.Id);
        b.Property(x => x.CodeType).HasMaxLength(30).IsRequired();
        b.Property(x => x.BackgroundColor).HasMaxLength(9).IsRequired();
        b.Property(x => x.ForegroundColor).HasMaxLength(9).IsRequired();
        b.Property(x => x.Icon).HasMaxLength(200);
        b.HasIndex(x => new { x.CodeType, x.Active });
    }
}

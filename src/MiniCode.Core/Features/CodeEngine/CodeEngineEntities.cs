using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Infrastructure.Cluster;

namespace MiniCode.Features.CodeEngine;

/// <summary>码分类: a scenario the platform's codes belong to. The built-in ones (<see cref="CodeCategories.BuiltIn"/>)
/// are seeded, may be renamed but not deleted; staff add others for third-party codes.</summary>
public sealed class CodeCategory
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public bool BuiltIn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public object Snapshot() => new { Code, Name, Description, BuiltIn };
}

/// <summary>Which calendar part a code number carries (the issue day in the business time zone).</summary>
public enum NumberDatePart
{
    None = 0,
    /// <summary>yyyyMMdd</summary>
    Day = 1,
    /// <summary>yyyyMM</summary>
    Month = 2,
    /// <summary>yyyy</summary>
    Year = 3,
}

/// <summary>码规则: how the engine composes a category's code numbers:
/// prefix ‖ region (6 digits, 000000 when unknown) ‖ date ‖ zero-padded sequence ‖ check character.</summary>
public sealed class CodeNumberRule
{
    public string Category { get; set; } = "";
    public string Prefix { get; set; } = "";
    public bool IncludeRegion { get; set; }
    public NumberDatePart DatePart { get; set; }
    public int SequenceWidth { get; set; } = 8;
    public CheckAlgorithm Check { get; set; } = CheckAlgorithm.Iso7064Mod37_36;
    public DateTimeOffset UpdatedAt { get; set; }

    public object Snapshot() => new { Category, Prefix, IncludeRegion, DatePart = DatePart.ToString(), SequenceWidth, Check = Check.ToString() };
}

/// <summary>码编号: the number assigned once to a subject of a category; never changes, never reused. A person's
/// number is part of their cached <c>CodeHolder</c>: its issue drops the holder cached without it.</summary>
public sealed class CodeNumber : IClusterSignalled
{
    public IEnumerable<ClusterSignal> ClusterSignals() =>
        Category == CodeCategories.Personal ? ClusterSignal.For(ClusterTopics.People, SubjectId) : [];

    public long Id { get; set; }
    public string Category { get; set; } = "";
    public long SubjectId { get; set; }
    public string Number { get; set; } = "";
    public DateTimeOffset AssignedAt { get; set; }
}

/// <summary>The next free sequence value of a category; nodes take blocks of it with one atomic UPDATE … RETURNING.</summary>
public sealed class CodeNumberCounter
{
    public string Category { get; set; } = "";
    public long NextValue { get; set; } = 1;
}

internal sealed class CodeCategoryConfiguration : IEntityTypeConfiguration<CodeCategory>
{
    public void Configure(EntityTypeBuilder<CodeCategory> b)
    {
        b.ToTable("code_categories");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(CodeEngineRules.MaxCategoryCode);
        b.Property(x => x.Name).HasMaxLength(40).IsRequired();
        b.Property(x => x.Description).HasMaxLength(200);
        b.HasData(CodeCategories.BuiltIn.Select(c => new CodeCategory { Code = c.Code, Name = c.Name, BuiltIn = true, CreatedAt = CodeEngineRules.SeededAt }));
    }
}

internal sealed class CodeNumberRuleConfiguration : IEntityTypeConfiguration<CodeNumberRule>
{
    public void Configure(EntityTypeBuilder<CodeNumberRule> b)
    {
        b.ToTable("code_number_rules");
        b.HasKey(x => x.Category);
        b.Property(x => x.Category).HasMaxLength(CodeEngineRules.MaxCategoryCode);
        b.Property(x => x.Prefix).HasMaxLength(8).IsRequired();
        b.HasOne<CodeCategory>().WithOne().HasForeignKey<CodeNumberRule>(x => x.Category).OnDelete(DeleteBehavior.Cascade);
        b.HasData(CodeEngineRules.DefaultRules.Select(r => new CodeNumberRule
        {
            Category = r.Category, Prefix = r.Prefix, IncludeRegion = true, DatePart = NumberDatePart.None, SequenceWidth = 8,
            Check = CheckAlgorithm.Iso7064Mod37_36, UpdatedAt = CodeEngineRules.SeededAt,
        }));
    }
}

internal sealed class CodeNumberConfiguration : IEntityTypeConfiguration<CodeNumber>
{
    public void Configure(EntityTypeBuilder<CodeNumber> b)
    {
        b.ToTable("code_numbers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Category).HasMaxLength(CodeEngineRules.MaxCategoryCode).IsRequired();
        b.Property(x => x.Number).HasMaxLength(CodeEngineRules.MaxNumberLength).IsRequired();
        b.HasIndex(x => new { x.Category, x.SubjectId }).IsUnique();
        b.HasIndex(x => x.Number).IsUnique();
    }
}

internal sealed class CodeNumberCounterConfiguration : IEntityTypeConfiguration<CodeNumberCounter>
{
    public void Configure(EntityTypeBuilder<CodeNumberCounter> b)
    {
        b.ToTable("code_number_counters");
        b.HasKey(x => x.Category);
        b.Property(x => x.Category).HasMaxLength(CodeEngineRules.MaxCategoryCode);
    }
}

/// <summary>Fixed facts of the engine's schema and seed.</summary>
public static class CodeEngineRules
{
    public const int MaxCategoryCode = 30;
    public const int MaxNumberLength = 40;
    public static readonly DateTimeOffset SeededAt = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The seeded rule prefix of each built-in category (pinyin initials).</summary>
    public static readonly IReadOnlyList<(string Category, string Prefix)> DefaultRules =
    [
        (CodeCategories.Personal, "GR"), (CodeCategories.Enterprise, "QY"), (CodeCategories.Licence, "ZZ"),
        (CodeCategories.Authorisation, "SQ"), (CodeCategories.Appointment, "YY"), (CodeCategories.Poster, "ZT"),
    ];
}

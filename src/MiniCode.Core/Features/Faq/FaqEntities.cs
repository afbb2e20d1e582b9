using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.Faq;

public sealed class FaqCategory
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
}

public sealed class FaqQuestion
{
    public long Id { get; set; }
    public long CategoryId { get; set; }
    public FaqCategory? Category { get; set; }
    public string Question { get; set; } = "";
    public string Answer { get; set; } = "";
    public int SortOrder { get; set; }
    /// <summary>热门问题: listed on the mini program's FAQ home.</summary>
    public bool IsHot { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public object Snapshot() => new { CategoryId, Question, Answer, SortOrder, IsHot };
}

/// <summary>咨询电话: a hotline shown for a region (and the regions below it).</summary>
public sealed class ConsultationPhone
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public int SortOrder { get; set; }
}

/// <summary>A search the FAQ could not answer, kept once per text with how often and when it was asked, for staff to answer.</summary>
public sealed class FaqUnansweredQuestion
{
    public long Id { get; set; }
    public string Text { get; set; } = "";
    public string? RegionCode { get; set; }
    public int Count { get; set; }
    public DateTimeOffset FirstAskedAt { get; set; }
    public DateTimeOffset LastAskedAt { get; set; }
}

internal sealed class FaqUnansweredQuestionConfiguration : IEntityTypeConfiguration<FaqUnansweredQuestion>
{
    public void Configure(EntityTypeBuilder<FaqUnansweredQuestion> b)
    {
        b.ToTable("faq_unanswered_questions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Text).HasMaxLength(200).IsRequired();
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.HasIndex(x => x.Text).IsUnique();
        b.HasIndex(x => x.LastAskedAt);
    }
}

internal sealed class FaqCategoryConfiguration : IEntityTypeConfiguration<FaqCategory>
{
    public void Configure(EntityTypeBuilder<FaqCategory> b)
    {
        b.ToTable("faq_categories");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(50).IsRequired();
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class FaqQuestionConfiguration : IEntityTypeConfiguration<FaqQuestion>
{
    public void Configure(EntityTypeBuilder<FaqQuestion> b)
    {
        b.ToTable("faq_questions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Question).HasMaxLength(200).IsRequired();
        b.Property(x => x.Answer).HasMaxLength(4000).IsRequired();
        b.HasOne(x => x.Category).WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.CategoryId);
    }
}

internal sealed class ConsultationPhoneConfiguration : IEntityTypeConfiguration<ConsultationPhone>
{
    public void Configure(EntityTypeBuilder<ConsultationPhone> b)
    {
        b.ToTable("consultation_phones");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.Phone).HasMaxLength(30).IsRequired();
        b.HasIndex(x => x.RegionCode);
    }
}

using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.Feedback;

public enum FeedbackCategory
{
    /// <summary>健康码颜色</summary>
    CodeColour,
    /// <summary>个人信息</summary>
    PersonalInfo,
    /// <summary>卡口核验</summary>
    Checkpoint,
    /// <summary>其他</summary>
    Other,
}
public enum FeedbackStatus { Pending, Processing, Resolved }

/// <summary>纠错反馈 sent by a citizen from the mini program; staff set its status and reply.</summary>
public sealed class FeedbackEntry
{
    public long Id { get; set; }
    public long AccountId { get; set; }
    public FeedbackCategory Category { get; set; }
    public string Content { get; set; } = "";
    public string? ContactCipher { get; set; }
    public string? ContactMasked { get; set; }
    public string? RegionCode { get; set; }
    public FeedbackStatus Status { get; set; }
    public string? Reply { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    public string? RepliedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public object Snapshot() => new { Status = Status.ToString(), Reply };

    public static string CategoryLabel(FeedbackCategory c) => c switch
    {
        FeedbackCategory.CodeColour => "健康码颜色", FeedbackCategory.PersonalInfo => "个人信息",
        FeedbackCategory.Checkpoint => "核验点", _ => "其他",
    };

    public static string StatusLabel(FeedbackStatus s) => s switch
    {
        FeedbackStatus.Pending => "待处理", FeedbackStatus.Processing => "处理中", _ => "已办结",
    };
}

internal sealed class FeedbackEntryConfiguration : IEntityTypeConfiguration<FeedbackEntry>
{
    public void Configure(EntityTypeBuilder<FeedbackEntry> b)
    {
        b.ToTable("feedback_entries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Content).HasMaxLength(2000).IsRequired();
        b.Property(x => x.ContactCipher).HasMaxLength(200);
        b.Property(x => x.ContactMasked).HasMaxLength(20);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Reply).HasMaxLength(2000);
        b.Property(x => x.RepliedBy).HasMaxLength(100);
        b.HasIndex(x => x.CreatedAt);
        b.HasIndex(x => x.AccountId);
        b.HasIndex(x => x.Status);
    }
}

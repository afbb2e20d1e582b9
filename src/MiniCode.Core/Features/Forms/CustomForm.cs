using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.Forms;

public enum FormFieldType { Text, Number, Date, Phone, SingleChoice, MultiChoice }

/// <summary>表单管理: a form defined in the admin for a region; the mini program fetches it and submits answers.</summary>
public sealed class CustomForm
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public List<FormField> Fields { get; set; } = [];
}

public sealed class FormField
{
    public long Id { get; set; }
    public long FormId { get; set; }
    /// <summary>Answer key in submissions, e.g. "temperature".</summary>
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    public FormFieldType Type { get; set; }
    public bool Required { get; set; }
    /// <summary>Choices of (multi-)choice fields, one per line.</summary>
    public string? Options { get; set; }
    public int SortOrder { get; set; }

    public IReadOnlyList<string> Choices() => (Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string TypeLabel(FormFieldType t) => t switch
    {
        FormFieldType.Text => "文本", FormFieldType.Number => "数字", FormFieldType.Date => "日期", FormFieldType.Phone => "手机号",
        FormFieldType.SingleChoice => "单选", _ => "多选",
    };
}

public sealed class FormSubmission
{
    public long Id { get; set; }
    public long FormId { get; set; }
    public long AccountId { get; set; }
    /// <summary>Answers as a JSON object keyed by field key (validated against the form's fields), sealed by <see cref="FormAnswerVault"/>.</summary>
    public string Answers { get; set; } = "{}";
    public DateTimeOffset SubmittedAt { get; set; }
}

internal sealed class CustomFormConfiguration : IEntityTypeConfiguration<CustomForm>
{
    public void Configure(EntityTypeBuilder<CustomForm> b)
    {
        b.ToTable("custom_forms");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(x => x.Title).HasMaxLength(100).IsRequired();
        b.Property(x => x.Description).HasMaxLength(500);
        b.HasMany(x => x.Fields).WithOne().HasForeignKey(x => x.FormId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.RegionCode);
    }
}

internal sealed class FormFieldConfiguration : IEntityTypeConfiguration<FormField>
{
    public void Configure(EntityTypeBuilder<FormField> b)
    {
        b.ToTable("form_fields");
        b.HasKey(x => x.Id);
        b.Property(x => x.Key).HasMaxLength(40).IsRequired();
        b.Property(x => x.Label).HasMaxLength(100).IsRequired();
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Options).HasMaxLength(2000);
        b.HasIndex(x => new { x.FormId, x.Key }).IsUnique();
    }
}

internal sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> b)
    {
        b.ToTable("form_submissions");
        b.HasKey(x => x.Id);
        // Room for the encrypted form of 20,000 characters of JSON (base64 of nonce, cipher and tag).
        b.Property(x => x.Answers).HasMaxLength(30000).IsRequired();
        b.HasOne<CustomForm>().WithMany().HasForeignKey(x => x.FormId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.FormId);
        b.HasIndex(x => x.AccountId);
        b.HasIndex(x => x.SubmittedAt);
    }
}

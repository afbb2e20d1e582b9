using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Infrastructure.Cluster;

namespace MiniCode.Features.DigitalSpace;

/// <summary>Whose space a tag kind fills (个人数字空间 / 企业数字空间, 一码通 §2.2.9).</summary>
public enum TagSubjectKind
{
    /// <summary>个人（实名人员；标签挂在人员编号上，不存证件号码）</summary>
    Person,
    /// <summary>企业</summary>
    Enterprise,
}

/// <summary>The legal basis of processing a tag kind relies on (PIPL art. 13).</summary>
public enum LegalBasisKind
{
    /// <summary>取得个人的同意（第十三条第一项）：只在本人有有效的 digital_space 同意时贴标签</summary>
    Consent,
    /// <summary>订立、履行合同所必需（第二项）</summary>
    Contract,
    /// <summary>履行法定职责或者法定义务所必需（第三项）</summary>
    StatutoryDuty,
    /// <summary>应对突发公共卫生事件所必需（第四项）</summary>
    PublicHealthEmergency,
    /// <summary>法律、行政法规规定的其他情形（第七项）</summary>
    OtherLaw,
}

public enum TagKindStatus
{
    /// <summary>启用</summary>
    Active,
    /// <summary>停用：不再贴新标签，也不向任何应用显示；本人仍可看到已有标签。</summary>
    Disabled,
}

/// <summary>
/// 标签类型: what a tag says about its subject, where it comes from (数据来源), why it is kept (使用目的), on which legal
/// basis and for how long. Optionally linked to code scenarios: the verify answer of a code of one of
/// <see cref="LinkedCategories"/> shows the tag, but only to one of <see cref="DisclosedToApplications"/> whose 扫码权限
/// covers that category. <see cref="RuleRiskKind"/> makes a rule attach the tag to everyone on that health-data list.
/// </summary>
public sealed class TagKind : IClusterSignalled
{
    /// <summary>Every change drops the verify path's cached kinds on every node (<see cref="TagKindCache"/>).</summary>
    public IEnumerable<ClusterSignal> ClusterSignals() => [new(ClusterTopics.TagKinds, SignalledCache<int, object>.AllKeys)];

    public long Id { get; set; }
    public string Name { get; set; } = "";
    public TagSubjectKind SubjectKind { get; set; }
    public string Source { get; set; } = "";
    public string Purpose { get; set; } = "";
    public LegalBasisKind BasisKind { get; set; }
    /// <summary>The statute or notice a non-consent basis rests on, used when an import row names none (and by rules).</summary>
    public string? BasisReference { get; set; }
    public int RetentionDays { get; set; }
    public TagKindStatus Status { get; set; }
    /// <summary>码分类 codes, comma-separated, whose verify answers may show the tag; empty = none.</summary>
    public string LinkedCategories { get; set; } = "";
    /// <summary>Code application ids, comma-separated, that may see the tag in those answers; empty = none.</summary>
    public string DisclosedToApplications { get; set; } = "";
    /// <summary>Rule: attach to every person currently on the risk list with this kind (健康数据导入 风险人员名单).</summary>
    public RiskKind? RuleRiskKind { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlySet<string> Categories => Split(LinkedCategories);

    public IReadOnlySet<long> Applications => Split(DisclosedToApplications)
        .Select(s => long.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToHashSet();

    private static HashSet<string> Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    public object Snapshot() => new
    {
        Name, SubjectKind = SubjectKind.ToString(), Source, Purpose, BasisKind = BasisKind.ToString(), BasisReference, RetentionDays,
        Status = Status.ToString(), LinkedCategories, DisclosedToApplications, RuleRiskKind = RuleRiskKind?.ToString(),
    };
}

/// <summary>
/// A tag in someone's digital space. The subject is a person or enterprise id (documents only ever pass through the blind
/// index at import). The basis is recorded with the tag: the consent row it rests on, or the statute/notice reference.
/// Removed tags (an upheld objection) stay until the purge, so the person sees the outcome; expired ones go at once.
/// </summary>
public sealed class Tag
{
    public long Id { get; set; }
    public long KindId { get; set; }
    public TagSubjectKind SubjectKind { get; set; }
    public long SubjectId { get; set; }
    public LegalBasisKind BasisKind { get; set; }
    public string? BasisReference { get; set; }
    public long? ConsentId { get; set; }
    /// <summary>What attached it: "import:&lt;id&gt;" or "rule:&lt;risk kind&gt;".</summary>
    public string AttachedBy { get; set; } = "";
    public DateTimeOffset AttachedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
}

public enum ObjectionStatus
{
    /// <summary>待处理</summary>
    Open,
    /// <summary>属实：标签已删除</summary>
    Upheld,
    /// <summary>驳回：标签保留，见答复</summary>
    Rejected,
}

/// <summary>纠错/异议 of a person against one of their tags; at most one open per tag (a unique filtered index).</summary>
public sealed class TagObjection
{
    public long Id { get; set; }
    public long TagId { get; set; }
    public long PersonId { get; set; }
    public long AccountId { get; set; }
    public string Reason { get; set; } = "";
    public ObjectionStatus Status { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? Answer { get; set; }
}

/// <summary>One staff CSV import of tags: counts, and the rejected rows (masked) in <see cref="TagImportRejection"/>.</summary>
public sealed class TagImport
{
    public long Id { get; set; }
    public string SubmittedBy { get; set; } = "";
    /// <summary>The submitter's jurisdiction (null = every region).</summary>
    public string? RegionCode { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public int TotalRows { get; set; }
    public int AcceptedRows { get; set; }
    public int RejectedRows { get; set; }
}

public sealed class TagImportRejection
{
    public long Id { get; set; }
    public long ImportId { get; set; }
    public long Line { get; set; }
    public string Reason { get; set; } = "";
    /// <summary>The source text with every document number masked.</summary>
    public string Raw { get; set; } = "";
}

internal sealed class TagKindConfiguration : IEntityTypeConfiguration<TagKind>
{
    public void Configure(EntityTypeBuilder<TagKind> b)
    {
        b.ToTable("tag_kinds");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(40).IsRequired();
        b.Property(x => x.SubjectKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Source).HasMaxLength(200).IsRequired();
        b.Property(x => x.Purpose).HasMaxLength(200).IsRequired();
        b.Property(x => x.BasisKind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.BasisReference).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.LinkedCategories).HasMaxLength(400).IsRequired();
        b.Property(x => x.DisclosedToApplications).HasMaxLength(400).IsRequired();
        b.Property(x => x.RuleRiskKind).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.Name).IsUnique();
        b.Ignore(x => x.Categories);
        b.Ignore(x => x.Applications);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> b)
    {
        b.ToTable("tags");
        b.HasKey(x => x.Id);
        b.Property(x => x.SubjectKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.BasisKind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.BasisReference).HasMaxLength(200);
        b.Property(x => x.AttachedBy).HasMaxLength(40).IsRequired();
        b.HasOne<TagKind>().WithMany().HasForeignKey(x => x.KindId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.KindId, x.SubjectKind, x.SubjectId }).IsUnique();
        b.HasIndex(x => new { x.SubjectKind, x.SubjectId });
        b.HasIndex(x => x.ExpiresAt);
    }
}

internal sealed class TagObjectionConfiguration : IEntityTypeConfiguration<TagObjection>
{
    public void Configure(EntityTypeBuilder<TagObjection> b)
    {
        b.ToTable("tag_objections");
        b.HasKey(x => x.Id);
        b.Property(x => x.Reason).HasMaxLength(500).IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.DecidedBy).HasMaxLength(40);
        b.Property(x => x.Answer).HasMaxLength(500);
        b.HasOne<Tag>().WithMany().HasForeignKey(x => x.TagId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.TagId).IsUnique().HasFilter("status = 'Open'");
        b.HasIndex(x => x.PersonId);
    }
}

internal sealed class TagImportConfiguration : IEntityTypeConfiguration<TagImport>
{
    public void Configure(EntityTypeBuilder<TagImport> b)
    {
        b.ToTable("tag_imports");
        b.HasKey(x => x.Id);
        b.Property(x => x.SubmittedBy).HasMaxLength(40).IsRequired();
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.HasIndex(x => x.RegionCode);
    }
}

internal sealed class TagImportRejectionConfiguration : IEntityTypeConfiguration<TagImportRejection>
{
    public void Configure(EntityTypeBuilder<TagImportRejection> b)
    {
        b.ToTable("tag_import_rejections");
        b.HasKey(x => x.Id);
        b.Property(x => x.Reason).HasMaxLength(200).IsRequired();
        b.Property(x => x.Raw).HasMaxLength(1000).IsRequired();
        b.HasOne<TagImport>().WithMany().HasForeignKey(x => x.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

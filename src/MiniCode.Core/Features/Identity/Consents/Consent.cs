using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.Identity.Consents;

/// <summary>The processing purposes a citizen consents to for themself (PIPL: sensitive personal information).</summary>
public static class ConsentPurposes
{
    public const string RealName = "real_name", FaceVerification = "face_verification", Portrait = "portrait";
    /// <summary>数字空间: tags of a kind whose legal basis is consent (PIPL art. 13 (一)).</summary>
    public const string DigitalSpace = "digital_space";
    public static readonly IReadOnlyList<string> All = [RealName, FaceVerification, Portrait, DigitalSpace];
}

/// <summary>
/// One consent given by an account (个人信息处理同意): which purpose, which version of the text was shown, when, and
/// when it was withdrawn. Rows are never deleted (they prove the consent), also not with the account.
/// </summary>
public sealed class Consent
{
    public long Id { get; set; }
    public long AccountId { get; set; }
    public string Purpose { get; set; } = "";
    public string TextVersion { get; set; } = "";
    public DateTimeOffset GivenAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> b)
    {
        b.ToTable("consents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Purpose).HasMaxLength(20).IsRequired();
        b.Property(x => x.TextVersion).HasMaxLength(40).IsRequired();
        b.HasIndex(x => new { x.AccountId, x.Purpose });
    }
}

/// <summary>Section <c>Identity:Consents</c>: the version of each consent text the mini program shows, recorded with the consent.</summary>
public sealed class ConsentRules
{
    /// <summary>Version of the text shown before real-name verification (实名认证个人信息处理规则).</summary>
    [Required, StringLength(40, MinimumLength = 1)] public string RealNameTextVersion { get; set; } = "2026-12-01";
    /// <summary>Version of the text shown before a face verification (人脸识别个人信息处理规则).</summary>
    [Required, StringLength(40, MinimumLength = 1)] public string FaceVerificationTextVersion { get; set; } = "2026-12-01";
    /// <summary>Version of the text shown before a portrait photo is taken or fetched (人像照片个人信息处理规则).</summary>
    [Required, StringLength(40, MinimumLength = 1)] public string PortraitTextVersion { get; set; } = "2026-12-01";
    /// <summary>Version of the text shown before tags are kept in one's digital space on consent (数字空间标签个人信息处理规则).</summary>
    [Required, StringLength(40, MinimumLength = 1)] public string DigitalSpaceTextVersion { get; set; } = "2026-12-01";

    public string VersionOf(string purpose) => purpose switch
    {
        ConsentPurposes.RealName => RealNameTextVersion,
        ConsentPurposes.FaceVerification => FaceVerificationTextVersion,
        ConsentPurposes.DigitalSpace => DigitalSpaceTextVersion,
        _ => PortraitTextVersion,
    };
}

/// <summary>What else stops when a consent is withdrawn (households: the own portrait is deleted).</summary>
public interface IConsentWithdrawalParticipant
{
    Task OnConsentWithdrawnAsync(long accountId, long? personId, string purpose, CancellationToken ct);
}

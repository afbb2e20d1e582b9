using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Platform.Sms;

public enum SmsProvider { Log, Tencent, Aliyun }

/// <summary>Section <c>Sms</c>: which provider sends verification codes, and its credentials.</summary>
public sealed class SmsOptions : ISectionOptions, IValidatableObject
{
    public static string Section => "Sms";

    /// <summary>Unset means <see cref="SmsProvider.Log"/> outside Production; Production requires Tencent or Aliyun.</summary>
    public SmsProvider? Provider { get; set; }
    [TimeSpanRange("00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    [Range(1, 3600)] public int RetryAfterSeconds { get; set; } = 60;
    public TencentSmsOptions Tencent { get; set; } = new();
    public AliyunSmsOptions Aliyun { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == SmsProvider.Tencent && (Tencent.SecretId.Length == 0 || Tencent.SecretKey.Length == 0 || Tencent.SdkAppId.Length == 0))
            yield return new ValidationResult("Sms:Tencent:SecretId, SecretKey and SdkAppId are required when Sms:Provider is Tencent");
        if (Provider == SmsProvider.Aliyun && (Aliyun.AccessKeyId.Length == 0 || Aliyun.AccessKeySecret.Length == 0))
            yield return new ValidationResult("Sms:Aliyun:AccessKeyId and AccessKeySecret are required when Sms:Provider is Aliyun");
    }
}

public sealed class TencentSmsOptions
{
    public string Endpoint { get; set; } = "https://sms.tencentcloudapi.com/";
    public string Region { get; set; } = "ap-guangzhou";
    public string SecretId { get; set; } = "";
    public string SecretKey { get; set; } = "";
    public string SdkAppId { get; set; } = "";
    public string SignName { get; set; } = "";
    public string TemplateId { get; set; } = "";
}

public sealed class AliyunSmsOptions
{
    public string Endpoint { get; set; } = "https://dysmsapi.aliyuncs.com/";
    public string RegionId { get; set; } = "cn-hangzhou";
    public string AccessKeyId { get; set; } = "";
    public string AccessKeySecret { get; set; } = "";
    public string SignName { get; set; } = "";
    public string TemplateCode { get; set; } = "";
}

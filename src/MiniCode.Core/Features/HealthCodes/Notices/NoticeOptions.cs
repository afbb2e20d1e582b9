using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.HealthCodes.Notices;

/// <summary>
/// Section <c>MiniCode:Notices</c>: the subscribe / template message each platform sends for a notice. A platform whose
/// <c>TemplateId</c> is empty is not used (the inbox always is). Data keys are those of the template chosen in the
/// platform's console; values longer than <see cref="PlatformTemplate.MaxValueLength"/> are shortened.
/// </summary>
public sealed class NoticePlatformOptions : ISectionOptions
{
    public static string Section => "MiniCode:Notices";

    [ValidateObjectMembers] public PlatformTemplate WeChat { get; set; } = new() { TitleKey = "thing1", BodyKey = "thing2", TimeKey = "time3" };
    [ValidateObjectMembers] public PlatformTemplate Alipay { get; set; } = new() { TitleKey = "keyword1", BodyKey = "keyword2", TimeKey = "keyword3" };
}

public sealed class PlatformTemplate
{
    public string TemplateId { get; set; } = "";
    /// <summary>Mini-program page opened from the message.</summary>
    public string? Page { get; set; } = "pages/notices/index";
    [Required] public string TitleKey { get; set; } = "";
    [Required] public string BodyKey { get; set; } = "";
    [Required] public string TimeKey { get; set; } = "";
    /// <summary>WeChat's <c>thing</c> fields take at most 20 characters.</summary>
    [Range(1, 200)] public int MaxValueLength { get; set; } = 20;

    /// <summary>The template's data; the time is shown in the business zone.</summary>
    public IReadOnlyDictionary<string, string> DataFor(NoticeMessage message, BusinessCalendar calendar) => new Dictionary<string, string>
    {
        [TitleKey] = Shorten(message.Title),
        [BodyKey] = Shorten(message.Body),
        [TimeKey] = calendar.Format(message.At),
    };

    private string Shorten(string text) => text.Length <= MaxValueLength ? text : text[..(MaxValueLength - 1)] + "…";
}

/// <summary>Section <c>MiniCode:Notices:Delivery</c>: retries of the platform channels.</summary>
public sealed class NoticeDeliveryOptions : ISectionOptions, IValidatableObject
{
    public static string Section => "MiniCode:Notices:Delivery";

    /// <summary>Attempts before a delivery is given up (logged and kept as failed).</summary>
    [Range(1, 50)] public int MaxAttempts { get; set; } = 6;
    /// <summary>Wait before the first retry; doubles with every further attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How long a node may hold a delivery it is sending before another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    [Range(1, 10_000)] public int BatchSize { get; set; } = 100;
    /// <summary>Sent and failed deliveries are deleted after this many days.</summary>
    [Range(1, 3650)] public int KeepDays { get; set; } = 7;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FirstRetryDelay <= TimeSpan.Zero || Lease <= TimeSpan.Zero || MaxRetryDelay < FirstRetryDelay)
            yield return new ValidationResult($"{Section}: FirstRetryDelay and Lease must be positive, MaxRetryDelay at least FirstRetryDelay");
    }

    public TimeSpan RetryDelay(int attempts)
    {
        var delay = FirstRetryDelay * Math.Pow(2, Math.Max(0, attempts - 1));
        return delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }
}

/// <summary>Section <c>MiniCode:Notices:Reminders</c>.</summary>
public sealed class ReminderOptions : ISectionOptions
{
    public static string Section => "MiniCode:Notices:Reminders";

    /// <summary>A real-named citizen without a declaration this long after registering is reminded (once).</summary>
    [TimeSpanRange("00:10:00", "30.00:00:00")]
    public TimeSpan DeclarationMissingAfter { get; set; } = TimeSpan.FromDays(1);

    [Range(1, 100_000)] public int BatchSize { get; set; } = 1000;
}

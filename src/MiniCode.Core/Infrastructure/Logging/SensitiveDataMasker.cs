using System.Text.RegularExpressions;

namespace MiniCode.Infrastructure.Logging;

/// <summary>Masks ID numbers and phone numbers for responses and logs: <c>110***********002X</c>, <c>138****0000</c>.</summary>
public static partial class SensitiveDataMasker
{
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return "";
        return phone.Length >= 7 ? phone[..3] + new string('*', phone.Length - 7) + phone[^4..] : new string('*', phone.Length);
    }

    public static string MaskIdNumber(string? id)
    {
        if (string.IsNullOrEmpty(id)) return "";
        return id.Length > 7 ? id[..3] + new string('*', id.Length - 7) + id[^4..] : new string('*', id.Length);
    }

    /// <summary>Chinese names keep the surname only: 张** ; other names keep the first letter.</summary>
    public static string MaskName(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        return name.Length == 1 ? "*" : name[..1] + new string('*', name.Length - 1);
    }

    /// <summary>Scrubs anything that looks like a mainland phone or an 18-digit ID number out of free text.</summary>
    public static string Scrub(string text)
    {
        if (text.Length < 11) return text;
        text = IdNumberPattern().Replace(text, m => MaskIdNumber(m.Value));
        return PhonePattern().Replace(text, m => MaskPhone(m.Value));
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdNumberPattern();

    [GeneratedRegex(@"(?<!\d)(?:\+?86)?1[3-9]\d{9}(?!\d)")]
    private static partial Regex PhonePattern();
}

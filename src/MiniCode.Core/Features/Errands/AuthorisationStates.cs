namespace MiniCode.Features.Errands;

/// <summary>
/// The four states of the manual's detail page, from the stored status and today's date: a waiting or accepted
/// authorisation whose last day has passed is 已失效 at once, before the <c>expire-authorisations</c> job writes it.
/// </summary>
public static class AuthorisationStates
{
    public const string Pending = "pending", Accepted = "accepted", Declined = "declined", Expired = "expired";
    public const string Revoked = "revoked", DatePassed = "date_passed";

    public static (string State, string? EndReason) Of(ErrandAuthorisation a, DateOnly today) => a.Status switch
    {
        AuthorisationStatus.Declined => (Declined, null),
        AuthorisationStatus.Revoked => (Expired, Revoked),
        AuthorisationStatus.Expired => (Expired, DatePassed),
        _ when today > a.ValidTo => (Expired, DatePassed),
        AuthorisationStatus.Accepted => (Accepted, null),
        _ => (Pending, null),
    };

    public static string Label(string state) => state switch
    {
        Pending => "待确认",
        Accepted => "已生效",
        Declined => "已拒绝",
        _ => "已失效",
    };

    /// <summary>Waiting or accepted and not past: what counts towards the grantor's limit.</summary>
    public static bool IsOpen(ErrandAuthorisation a, DateOnly today) =>
        a.Status is AuthorisationStatus.Pending or AuthorisationStatus.Accepted && a.ValidTo >= today;

    /// <summary>The code may be shown (and verifies as live): accepted and today is one of its days.</summary>
    public static bool InEffect(ErrandAuthorisation a, DateOnly today) =>
        a.Status == AuthorisationStatus.Accepted && a.ValidFrom <= today && today <= a.ValidTo;

    public static string Dates(ErrandAuthorisation a) =>
        a.ValidFrom == a.ValidTo ? Day(a.ValidFrom) : $"{Day(a.ValidFrom)} 至 {Day(a.ValidTo)}";

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

namespace MiniCode.Admin.Security;

/// <summary>
/// Marks an admin page that every signed-in staff member may open without a particular permission (the home page,
/// logout). Pages otherwise carry <see cref="RequirePermissionAttribute"/>; the conventions test holds them to it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AnySignedInStaffAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}

/// <summary>
/// Marks an admin page that reads data for the whole platform on purpose (FAQ, code styles, imports, the audit log),
/// so it need not derive from <see cref="RegionalPageModel"/>. The reason says why no jurisdiction applies.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PlatformWideAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}

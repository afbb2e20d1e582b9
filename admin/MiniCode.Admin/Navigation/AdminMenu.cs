using MiniCode.Admin.Security;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Navigation;

/// <summary>One entry of the admin's main menu: the area (folder under Areas/Admin/Pages), its title, link and permission.</summary>
public sealed record AdminMenuItem(string Area, string Title, string Href, string Permission)
{
    /// <summary>The Razor page the entry opens.</summary>
    public string Page => $"/{Area}/Index";

    /// <summary>True on the entry's own pages (and below), for the highlighted menu item.</summary>
    public bool IsActive(string path) => path.StartsWith(Href, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The main menu, in order; the layout shows the entries the staff member's permissions allow. Titles are the
/// permissions' labels (<see cref="Permissions.Areas"/>), so the role editor and the menu always say the same thing.
/// </summary>
public static class AdminMenu
{
    public static readonly IReadOnlyList<AdminMenuItem> Items =
    [
        Entry("Organisations", Permissions.Organisations),
        Entry("Posters", Permissions.Posters),
        Entry("Staff", Permissions.Staff),
        Entry("Roles", Permissions.Roles),
        Entry("Faq", Permissions.Faq),
        Entry("Feedback", Permissions.Feedback),
        Entry("Announcements", Permissions.Announcements),
        Entry("Forms", Permissions.Forms),
        Entry("CodeManagement", Permissions.CodeManagement),
        Entry("CodeStyles", Permissions.CodeStyles),
        Entry("CodeEngine", Permissions.CodeEngine),
        Entry("CodeSubjects", Permissions.CodeSubjects),
        Entry("Appeals", Permissions.AppealsReview),
        Entry("Overrides", Permissions.OverrideApprove),
        Entry("Imports", Permissions.HealthImports),
        Entry("Records", Permissions.Records),
        Entry("CodeApps", Permissions.CodeApps),
        Entry("CodeLogs", Permissions.CodeLogs),
        Entry("Statistics", Permissions.Statistics),
        Entry("Jobs", Permissions.Jobs),
        Entry("Errands", Permissions.Errands),
        Entry("Audit", Permissions.Audit),
        Entry("Licences", Permissions.Licences),
        Entry("Appointments", Permissions.Appointments),
        Entry("AppointmentCounter", Permissions.AppointmentsCounter),
        Entry("Enterprises", Permissions.Enterprises),
        Entry("DataViews", Permissions.DataViews),
        Entry("DataSupport", Permissions.DataSupport),
        Entry("DigitalSpace", Permissions.DigitalSpaceView),
    ];

    /// <summary>The entries <paramref name="staff"/> may open.</summary>
    public static IEnumerable<AdminMenuItem> For(CurrentStaff staff) => Items.Where(i => staff.Has(i.Permission));

    private static AdminMenuItem Entry(string area, string permission) =>
        new(area, Permissions.LabelOf(permission), "/admin/" + area.ToLowerInvariant(), permission);
}

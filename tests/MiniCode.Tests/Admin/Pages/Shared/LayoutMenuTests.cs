using System.Net;
using MiniCode.Admin.Navigation;
using MiniCode.Features.Staff;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.Shared;

/// <summary>The layout's menu comes from <see cref="AdminMenu.Items"/>, filtered by the staff member's permissions.</summary>
public sealed class LayoutMenuTests(LayoutMenuTests.Host factory) : IClassFixture<LayoutMenuTests.Host>
{
    public sealed class Host : MiniCodeFactory;

    [Fact]
    public async Task The_super_admin_sees_every_entry_and_each_opens()
    {
        var admin = await AdminClient.LoggedInAsync(factory);
        var home = await admin.GetPageAsync("/admin");
        foreach (var item in AdminMenu.Items)
        {
            Assert.Contains($"<a href=\"{item.Href}\" class=\"\">{item.Title}</a>", home);
            Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync(item.Href)).StatusCode);
        }
    }

    [Fact]
    public async Task Staff_see_only_the_entries_their_permissions_allow_and_the_open_one_is_active()
    {
        var (user, password) = await AdminClient.StaffWithAsync(factory, Permissions.Feedback, Permissions.Faq);
        var staff = await AdminClient.LoggedInAsync(factory, user, password);
        var page = await staff.GetPageAsync("/admin/feedback");
        Assert.Contains("<a href=\"/admin/feedback\" class=\"active\">纠错反馈</a>", page);
        Assert.Contains("<a href=\"/admin/faq\" class=\"\">常见问题</a>", page);
        foreach (var item in AdminMenu.Items.Where(i => i.Permission is not Permissions.Feedback and not Permissions.Faq))
            Assert.DoesNotContain($"href=\"{item.Href}\"", page);
    }
}

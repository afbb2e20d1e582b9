using System.Net;
using MiniCode.Tests.Admin.Pages.Announcements;
using MiniCode.Features.Forms;
using MiniCode.Features.Staff;

namespace MiniCode.Tests.Admin.Pages.Forms;

/// <summary>Forms: staff of an organisation open and change only forms set for a region within their jurisdiction, and create them only there.</summary>
public sealed class FormsJurisdictionTests(RegionalWorld world) : IClassFixture<RegionalWorld>
{
    private static readonly string[] OutsideRegions = AnnouncementsJurisdictionTests.OutsideRegions;

    [Fact]
    public async Task Forms_outside_the_jurisdiction_cannot_be_created_opened_or_changed()
    {
        var staff = await world.CityStaffAsync(Permissions.Forms);
        foreach (var region in OutsideRegions)
        {
            var id = await world.FormAsync(region, RegionalWorld.Mark("越界表单"));
            Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/admin/forms/edit?id={id}")).StatusCode);
            var field = await staff.PostFormAsync("/admin/forms", new() { ["key"] = "cough", ["label"] = "咳嗽", ["type"] = "Text", ["required"] = "false" },
                $"/admin/forms/edit?id={id}&handler=AddField");
            Assert.Equal(HttpStatusCode.NotFound, field.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await staff.PostFormAsync("/admin/forms", new(), $"/admin/forms/edit?id={id}&handler=ToggleActive")).StatusCode);
            var form = await world.QueryAsync(db => db.Set<CustomForm>().Include(f => f.Fields).SingleAsync(f => f.Id == id));
            Assert.Equal((true, 1), (form.Active, form.Fields.Count));
            Assert.Equal(0, await world.AuditCountAsync("custom_form", id));

            var create = await staff.PostFormAsync("/admin/forms", new() { ["title"] = "越界新表单" + region, ["regionCode"] = region });
            Assert.Equal(HttpStatusCode.OK, create.StatusCode);
            Assert.Contains(RegionalWorld.OutsideMessage, await create.Content.ReadAsStringAsync());
        }
        Assert.False(await world.QueryAsync(db => db.Set<CustomForm>().AnyAsync(f => f.Title.StartsWith("越界新表单"))));
        Assert.Equal(0, await world.AuditCountAsync("form.create", "越界新表单"));
    }

    [Fact]
    public async Task Forms_inside_the_jurisdiction_are_created_and_edited()
    {
        var staff = await world.CityStaffAsync(Permissions.Forms);
        var title = RegionalWorld.Mark("南关区返岗登记");
        var created = await staff.PostFormAsync("/admin/forms", new() { ["title"] = title, ["regionCode"] = RegionalWorld.District });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await world.QueryAsync(db => db.Set<CustomForm>().Where(f => f.Title == title).Select(f => f.Id).SingleAsync());
        var field = await staff.PostFormAsync($"/admin/forms/edit?id={id}", new() { ["key"] = "cough", ["label"] = "咳嗽", ["type"] = "Text", ["required"] = "false" },
            $"/admin/forms/edit?id={id}&handler=AddField");
        Assert.Equal(HttpStatusCode.Redirect, field.StatusCode);
        Assert.Equal(2, await world.AuditCountAsync("custom_form", id));
    }
}

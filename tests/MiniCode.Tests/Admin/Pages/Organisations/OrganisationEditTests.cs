using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Organisations;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.Organisations;

/// <summary>/admin/organisations/edit: name, address and remarks change; deletion is refused while anything hangs below.</summary>
public sealed class OrganisationEditTests : IDisposable
{
    private readonly MiniCodeFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_organisation_is_edited_and_deleted_only_when_nothing_hangs_below_it()
    {
        var admin = await AdminClient.LoggedInAsync(_factory);
        await admin.PostFormAsync("/admin/organisations/create", new() { ["Name"] = "长春市卫健委", ["RegionCode"] = "220100" });
        var city = await IdAsync("长春市卫健委");
        await admin.PostFormAsync("/admin/organisations/create", new() { ["ParentId"] = city.ToString(), ["Name"] = "朝阳区指挥部", ["RegionCode"] = "220104" });
        var district = await IdAsync("朝阳区指挥部");

        var saved = await admin.PostFormAsync($"/admin/organisations/edit?id={city}", new() { ["Id"] = city.ToString(), ["Name"] = "长春市卫生健康委员会", ["Address"] = "人民大街 1 号" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("长春市卫生健康委员会", await admin.GetPageAsync("/admin/organisations"));
        var blank = await admin.PostFormAsync($"/admin/organisations/edit?id={city}", new() { ["Id"] = city.ToString(), ["Name"] = " " });
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode); // the form again, with the error

        var refused = await admin.PostFormAsync($"/admin/organisations/edit?id={city}", new() { ["Id"] = city.ToString() }, $"/admin/organisations/edit?id={city}&handler=Delete");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("1 个下级机构", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/admin/organisations/edit?id={district}", new() { ["Id"] = district.ToString() }, $"/admin/organisations/edit?id={district}&handler=Delete")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/admin/organisations/edit?id={city}", new() { ["Id"] = city.ToString() }, $"/admin/organisations/edit?id={city}&handler=Delete")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/admin/organisations/edit?id={city}")).StatusCode);

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        Assert.Empty(await db.Set<Organisation>().ToListAsync());
        Assert.Equal(["organisation.create", "organisation.create", "organisation.update", "organisation.delete", "organisation.delete"],
            await db.Set<AuditEntry>().Where(e => e.TargetType == "organisation").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    private async Task<long> IdAsync(string name)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<Organisation>().Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }
}

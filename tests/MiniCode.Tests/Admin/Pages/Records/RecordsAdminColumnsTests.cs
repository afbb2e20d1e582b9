using System.Net;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Logging;
using MiniCode.Tests.Checkpoints;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using static MiniCode.Tests.Admin.Pages.Records.RecordsExportKit;

namespace MiniCode.Tests.Admin.Pages.Records;

/// <summary>排查信息管理: the chosen columns are remembered per staff member, used by the export, and forgotten on request.</summary>
public sealed class RecordsAdminColumnsTests(CheckpointsFactory factory) : IClassFixture<CheckpointsFactory>
{
    [Fact]
    public async Task Chosen_columns_are_remembered_for_the_staff_member_who_chose_them_only()
    {
        var (_, siteId) = await factory.SiteAsync("列设置站点");
        var scanner = await factory.SeniorAsync(siteId);
        var citizen = await factory.CitizenAsync("周三三");
        await citizen.DeclareAsync();
        await scanner.ScanOkAsync(citizen, 36.8m);
        var (a, aPassword) = await AdminClient.StaffWithAsync(factory, Permissions.Records);
        var (b, bPassword) = await AdminClient.StaffWithAsync(factory, Permissions.Records);
        var staffA = await AdminClient.LoggedInAsync(factory, a, aPassword);
        var staffB = await AdminClient.LoggedInAsync(factory, b, bPassword);

        // The filter form's submission (columnsSet) is saved in the page's order; an unknown key is dropped.
        Assert.Equal(["姓名", "站点"], Headers(await staffA.GetPageAsync("/admin/records?columnsSet=true&columns=site&columns=name&columns=nope")));
        Assert.Equal("name,site", await factory.SavedColumnsAsync(a));
        Assert.Equal(["姓名", "站点"], Headers(await staffA.GetPageAsync("/admin/records")));
        Assert.Equal(AllHeaders, Headers(await staffB.GetPageAsync("/admin/records")));
        Assert.Null(await factory.SavedColumnsAsync(b));

        // Columns in a plain link apply to that request only; 重置 (the bare page) and filters keep the saved columns.
        Assert.Equal(["体温"], Headers(await staffA.GetPageAsync("/admin/records?columns=temperature")));
        Assert.Equal(["姓名", "站点"], Headers(await staffA.GetPageAsync("/admin/records?name=" + Uri.EscapeDataString("周三三"))));
        Assert.Equal(["姓名", "站点"], Headers(await staffA.GetPageAsync("/admin/records?columns=nope")));
        Assert.Equal("name,site", await factory.SavedColumnsAsync(a));

        // The export without a column choice uses the saved one; staff B's export has every column.
        var (total, records) = await staffA.ExportAsync("&idNumber=" + citizen.IdNumber);
        Assert.Equal(1, total);
        Assert.Equal([["姓名", "站点"], [SensitiveDataMasker.MaskName("周三三"), "列设置站点"]], records);
        Assert.Equal(AllHeaders, (await staffB.ExportAsync("&idNumber=" + citizen.IdNumber)).Records[0]);

        // 恢复默认列 forgets the choice.
        var reset = await staffA.PostFormAsync("/admin/records", new(), "/admin/records?handler=ResetColumns");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Null(await factory.SavedColumnsAsync(a));
        Assert.Equal(AllHeaders, Headers(await staffA.GetPageAsync("/admin/records")));
    }

    [Fact]
    public async Task Choosing_no_known_column_shows_all_and_the_export_form_saves_its_choice()
    {
        var (user, password) = await AdminClient.StaffWithAsync(factory, Permissions.Records);
        var staff = await AdminClient.LoggedInAsync(factory, user, password);

        Assert.Equal(["记录时间"], Headers(await staff.GetPageAsync("/admin/records?columnsSet=true&columns=time")));
        Assert.Equal("time", await factory.SavedColumnsAsync(user));
        // A submission with no column (or only unknown ones) never leaves an empty table: all columns, nothing saved.
        Assert.Equal(AllHeaders, Headers(await staff.GetPageAsync("/admin/records?columnsSet=true")));
        Assert.Null(await factory.SavedColumnsAsync(user));
        Assert.Equal(AllHeaders, Headers(await staff.GetPageAsync("/admin/records?columnsSet=true&columns=nope&columns=")));
        Assert.Null(await factory.SavedColumnsAsync(user));

        // The export button submits the same form: its choice is saved and used for the file.
        var (total, records) = await staff.ExportAsync("&columnsSet=true&columns=color&columns=temperature&name=" + Uri.EscapeDataString("无此人"));
        Assert.Equal(0, total);
        Assert.Equal([["体温", "健康码"]], records);
        Assert.Equal("temperature,color", await factory.SavedColumnsAsync(user));
        Assert.Equal(["体温", "健康码"], Headers(await staff.GetPageAsync("/admin/records")));
        Assert.Contains("恢复默认列", await staff.GetPageAsync("/admin/records"));
    }
}

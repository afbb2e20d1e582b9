using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MiniCode.Features.Audit;
using MiniCode.Features.HealthCodes.Logs;
using MiniCode.Features.People;
using MiniCode.Features.Staff;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.CodeLogs;

/// <summary>日志记录 over HTTP: search by ID number (never in a URL), time and category; masked; jurisdiction; 操作记录.</summary>
public sealed class CodeLogPagesTests : IDisposable
{
    private readonly HealthCodesFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<(TestUser Beijing, TestUser Changchun)> TwoHoldersShowingAsync()
    {
        var beijing = await _factory.CitizenAsync("赵北京", region: "110105");
        var changchun = await _factory.CitizenAsync("钱长春", region: "220102");
        foreach (var c in new[] { beijing, changchun })
        {
            await c.DeclareAsync();
            await c.CodeAsync();
        }
        await _factory.Services.GetServices<IHostedService>().OfType<CodeEventFlushService>().Single().FlushAsync(CancellationToken.None);
        return (beijing, changchun);
    }

    /// <summary>The result rows only: the page also names the searched ID number (masked) above them.</summary>
    private static string Rows(string page) => page[page.IndexOf("id=\"log-rows\"", StringComparison.Ordinal)..page.IndexOf("</table>", StringComparison.Ordinal)];

    private Task<string> MaskedAsync(TestUser user) =>
        _factory.QueryAsync(db => db.Set<Person>().Where(p => p.Id == user.PersonId).Select(p => p.DocumentMasked).SingleAsync());

    [Fact]
    public async Task Show_records_are_found_by_id_number_time_and_category_and_shown_masked()
    {
        var (beijing, changchun) = await TwoHoldersShowingAsync();
        var admin = await AdminClient.LoggedInAsync(_factory);

        var all = Rows(await admin.GetPageAsync("/admin/codelogs?kind=show"));
        Assert.Contains(await MaskedAsync(beijing), all);
        Assert.Contains(await MaskedAsync(changchun), all);
        Assert.DoesNotContain(beijing.IdNumber!, all);

        var (url, found) = await admin.IdSearchAsync("/admin/codelogs", beijing.IdNumber!);
        Assert.Contains("q=", url);
        Assert.DoesNotContain(await MaskedAsync(beijing), Rows(found)); // no scan records yet
        Assert.Contains("id-search-active", found);

        var showUrl = url.Replace("kind=scan", "kind=show", StringComparison.Ordinal);
        var shown = Rows(await admin.GetPageAsync(showUrl));
        Assert.Contains(await MaskedAsync(beijing), shown);
        Assert.DoesNotContain(await MaskedAsync(changchun), shown);
        Assert.Contains("个人码", shown);
        Assert.DoesNotContain(await MaskedAsync(beijing), Rows(await admin.GetPageAsync(showUrl + "&category=enterprise")));
        var tomorrow = DateOnly.FromDateTime(_factory.Clock.GetUtcNow().UtcDateTime).AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains("没有记录", await admin.GetPageAsync($"/admin/codelogs?kind=show&from={tomorrow}"));
    }

    [Fact]
    public async Task Staff_of_a_city_see_only_its_people_and_name_a_person_for_operation_records()
    {
        var (beijing, changchun) = await TwoHoldersShowingAsync();
        var accountId = changchun.AccountId.ToString(CultureInfo.InvariantCulture);
        await _factory.QueryAsync(db =>
        {
            db.AddRange(
                new AuditEntry { At = _factory.Clock.GetUtcNow(), Actor = "citizen:" + accountId, Action = "errand.grant", TargetType = "errand_authorisation", TargetId = "9" },
                new AuditEntry { At = _factory.Clock.GetUtcNow(), Actor = "staff:1", Action = "override.request", TargetType = "person", TargetId = changchun.PersonId!.Value.ToString(CultureInfo.InvariantCulture) },
                new AuditEntry { At = _factory.Clock.GetUtcNow(), Actor = "staff:1", Action = "override.request", TargetType = "person", TargetId = beijing.PersonId!.Value.ToString(CultureInfo.InvariantCulture) });
            return db.SaveChangesAsync();
        });
        var (user, password) = await AdminClient.StaffInRegionAsync(_factory, "220100", Permissions.CodeLogs);
        var city = await AdminClient.LoggedInAsync(_factory, user, password);

        var shows = Rows(await city.GetPageAsync("/admin/codelogs?kind=show"));
        Assert.Contains(await MaskedAsync(changchun), shows);
        Assert.DoesNotContain(await MaskedAsync(beijing), shows);
        var (_, outside) = await city.IdSearchAsync("/admin/codelogs", beijing.IdNumber!);
        Assert.DoesNotContain(await MaskedAsync(beijing), Rows(outside));

        Assert.Contains("needs-person", await city.GetPageAsync("/admin/codelogs?kind=operation"));
        var (url, _) = await city.IdSearchAsync("/admin/codelogs", changchun.IdNumber!);
        var operations = Rows(await city.GetPageAsync(url.Replace("kind=scan", "kind=operation", StringComparison.Ordinal)));
        Assert.Contains("errand.grant", operations);
        Assert.Equal(1, operations.Split("override.request").Length - 1); // the Beijing holder's entry stays out
        Assert.Contains(await MaskedAsync(changchun), operations);

        var (other, otherPassword) = await AdminClient.StaffInRegionAsync(_factory, "220100", Permissions.Records);
        var refused = await (await AdminClient.LoggedInAsync(_factory, other, otherPassword)).Http.GetAsync("/admin/codelogs");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

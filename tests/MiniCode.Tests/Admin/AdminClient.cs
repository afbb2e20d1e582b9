using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Security;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin;

/// <summary>A browser-like client of the admin: keeps cookies, does not follow redirects, posts forms with their antiforgery token.</summary>
public sealed partial class AdminClient(HttpClient http)
{
    public const string SuperUser = AdminOptions.DevelopmentUser;
    public const string SuperPassword = AdminOptions.DevelopmentPassword;

    public HttpClient Http { get; } = http;

    public static AdminClient For(MiniCodeFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public static async Task<AdminClient> LoggedInAsync(MiniCodeFactory factory, string user = SuperUser, string password = SuperPassword)
    {
        var client = For(factory);
        var response = await client.PostFormAsync("/admin/login", new() { ["Username"] = user, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>GETs <paramref name="formPage"/> for its antiforgery token, then posts the fields (to <paramref name="action"/> when given).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, Dictionary<string, string> fields, string? action = null)
    {
        var page = await Http.GetAsync(formPage);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, "the form page has no antiforgery token");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await Http.PostAsync(action ?? formPage, new FormUrlEncodedContent(body));
    }

    /// <summary>GETs <paramref name="formPage"/> for its antiforgery token, then posts the fields and one file as multipart/form-data.</summary>
    public async Task<HttpResponseMessage> PostFileAsync(string formPage, Dictionary<string, string> fields, string fileField, string fileName, string content)
    {
        var html = await GetPageAsync(formPage);
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, "the form page has no antiforgery token");
        using var body = new MultipartFormDataContent { { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) body.Add(new StringContent(value), name);
        body.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content)), fileField, fileName);
        return await Http.PostAsync(formPage, body);
    }

    /// <summary>
    /// Searches <paramref name="page"/> (e.g. /admin/records) by ID number the way its form does: posted, then the GET it
    /// redirects to, whose URL never holds the number. Returns that URL and the page.
    /// </summary>
    public async Task<(string Url, string Page)> IdSearchAsync(string page, string idNumber)
    {
        var posted = await PostFormAsync(page, new() { ["idNumber"] = idNumber }, page + "?handler=IdSearch");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var url = posted.Headers.Location!.OriginalString;
        Assert.DoesNotContain(idNumber, url, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(idNumber[^6..], url, StringComparison.OrdinalIgnoreCase);
        return (url, await GetPageAsync(url));
    }

    public async Task<string> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>Creates a role with the given permissions and a staff member in it, directly in the database.</summary>
    public static Task<(string User, string Password)> StaffWithAsync(MiniCodeFactory factory, params string[] permissions) =>
        StaffInRegionAsync(factory, null, permissions);

    /// <summary>
    /// Like <see cref="StaffWithAsync"/>, for a staff member of a new organisation of <paramref name="region"/> (their
    /// jurisdiction); a null region gives a staff member without organisation, who sees every region.
    /// </summary>
    public static async Task<(string User, string Password)> StaffInRegionAsync(MiniCodeFactory factory, string? region, params string[] permissions)
    {
        _ = factory.Services; // starts the host (TestServer or Kestrel) and its migrations
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var role = new StaffRole { Name = "角色" + suffix, Permissions = string.Join(' ', permissions), CreatedAt = factory.Clock.GetUtcNow() };
        var user = "user" + suffix;
        const string password = "Passw0rd!x";
        var organisation = region is null ? null : new Organisation { Name = "辖区" + region + "指挥部" + suffix, RegionCode = region, CreatedAt = factory.Clock.GetUtcNow() };
        db.Add(new StaffMember
        {
            Organisation = organisation, Username = user, Name = "测试" + suffix[..2], Role = role, Type = StaffType.OrganisationStaff, Status = StaffStatus.Active,
            PasswordHash = scope.ServiceProvider.GetRequiredService<PasswordHasher>().Hash(password),
            SecurityStamp = StaffLogin.NewSecurityStamp(), CreatedAt = factory.Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return (user, password);
    }
}

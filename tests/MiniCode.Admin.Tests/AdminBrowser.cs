using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniCode.Tests.Admin;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Admin.Tests;

/// <summary>
/// The real host on Kestrel (127.0.0.1, random port) over a throw-away database, and Debian's Chromium driven by
/// Playwright (never a downloaded browser). Shared by the tests of a class; each test opens its own browser context.
/// A subclass may set configuration on <see cref="Factory"/> in its constructor (before the host starts).
/// </summary>
public class AdminBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public MiniCodeFactory Factory { get; } = new();
    public string BaseUrl { get; private set; } = "";
    public string ScreenshotDir { get; } = Path.Combine(TestPaths.RepositoryRoot(), "artifacts", "screenshots");
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');
        Directory.CreateDirectory(ScreenshotDir);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (own cookies) at 1366×768 with a page on it; optionally with JavaScript turned off.</summary>
    public async Task<IPage> NewPageAsync(bool javaScriptEnabled = true)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, JavaScriptEnabled = javaScriptEnabled, ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
        });
        return await context.NewPageAsync();
    }

    public async Task LoginAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/admin/login");
        await page.FillAsync("input[name=Username]", user);
        await page.FillAsync("input[name=Password]", password);
        await page.ClickAsync("button[type=submit]");
        // Either the admin's menu (logged in) or the login form's error list appears; the first request of a cold host is slow.
        await Assertions.Expect(page.Locator("nav.sidebar, .errors li").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        if (page.Url.Contains("/login", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"login as {user} failed: " + await page.InnerTextAsync("main"));
    }

    /// <summary>An HTTP (not browser) admin client of the Kestrel host, logged in as <paramref name="user"/>.</summary>
    public async Task<AdminClient> HttpClientAsync(string user, string password)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        var client = new AdminClient(new HttpClient(handler) { BaseAddress = new Uri(BaseUrl) });
        var response = await client.PostFormAsync("/admin/login", new() { ["Username"] = user, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>A real-named citizen whose bearer client talks to the Kestrel host.</summary>
    public async Task<TestUser> CitizenAsync(string name)
    {
        var citizen = await Factory.CitizenAsync(name);
        citizen.Client.BaseAddress = new Uri(BaseUrl);
        return citizen;
    }

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = false });

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}

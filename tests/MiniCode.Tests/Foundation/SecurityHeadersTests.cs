using System.Text.RegularExpressions;
using MiniCode.Tests.Admin;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Foundation;

/// <summary>Admin pages carry CSP, nosniff, no framing and no referrer; API answers nosniff and no-store unless cacheable by design.</summary>
public sealed partial class SecurityHeadersTests : IDisposable
{
    private readonly HealthCodesFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Admin_pages_send_a_strict_content_security_policy_and_no_referrer()
    {
        var admin = await AdminClient.LoggedInAsync(_factory);
        foreach (var url in new[] { "/admin/login", "/admin", "/admin/staff" })
        {
            var response = await admin.Http.GetAsync(url);
            var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("script-src 'self';", csp);
            Assert.DoesNotContain("unsafe-inline';", csp.Split("style-src")[0]);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
    }

    [Fact]
    public async Task Api_answers_are_nosniff_and_personal_data_is_never_stored()
    {
        var citizen = await _factory.CitizenAsync("王头部");
        var me = await citizen.Client.GetAsync("/api/me");
        Assert.Equal("nosniff", Assert.Single(me.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(me.Headers.CacheControl?.NoStore, "personal data is no-store");
        var keys = await _factory.CreateClient().GetAsync("/api/keys");
        Assert.False(keys.Headers.CacheControl?.NoStore ?? false, "public keys stay cacheable");
        var problem = await _factory.CreateClient().GetAsync("/api/me");
        Assert.True(problem.Headers.CacheControl?.NoStore, "errors are no-store too");
    }

    [Fact]
    public void Admin_views_have_no_inline_script_the_policy_would_block()
    {
        var admin = Path.Combine(TestPaths.RepositoryRoot(), "admin", "MiniCode.Admin");
        foreach (var file in Directory.GetFiles(admin, "*.cshtml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.False(InlineScript().IsMatch(text), $"{file}: inline <script> (put it in wwwroot)");
            Assert.False(InlineHandler().IsMatch(text), $"{file}: inline event handler (use data-confirm or a script file)");
        }
    }

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+\s*=\s*""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}

using System.Net;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Households;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Rendering;

/// <summary>rsvg-convert missing or hung: a download answers 503 <c>rendering.unavailable</c> with Retry-After, never a 500.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // a shell script stands in for the hung converter
public sealed class SvgConverterOutageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("minicode-rsvg-").FullName;
    private readonly List<HealthCodesFactory> _factories = [];

    public void Dispose()
    {
        foreach (var f in _factories) f.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<HttpResponseMessage> DownloadCardPngAsync(string converterPath, string timeoutSeconds = "30")
    {
        var factory = new HealthCodesFactory();
        _factories.Add(factory);
        factory.With("MiniCode:Rendering:RsvgConvertPath", converterPath).With("MiniCode:Rendering:TimeoutSeconds", timeoutSeconds);
        var user = await factory.CitizenAsync("黄无图");
        await user.DeclareAsync();
        var card = await HttpAssert.Ok(await user.Client.PostJson("/api/me/offline-cards", new { }), HttpStatusCode.Created);
        return await user.Client.GetAsync(card.Str("pngPath"));
    }

    [Fact]
    public async Task A_converter_that_is_not_installed_is_a_503_with_retry_after()
    {
        var response = await DownloadCardPngAsync(Path.Combine(_folder, "no-such-rsvg-convert"));
        await HttpAssert.Problem(response, HttpStatusCode.ServiceUnavailable, "rendering.unavailable");
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_converter_that_hangs_is_stopped_at_the_timeout_and_answers_503()
    {
        var hung = Path.Combine(_folder, "hung-rsvg-convert");
        var pidFile = Path.Combine(_folder, "hung.pid");
        File.WriteAllText(hung, $"#!/bin/sh\necho $$ > {pidFile}\nexec sleep 60\n");
        File.SetUnixFileMode(hung, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var started = DateTime.UtcNow;
        var response = await DownloadCardPngAsync(hung, timeoutSeconds: "1");
        await HttpAssert.Problem(response, HttpStatusCode.ServiceUnavailable, "rendering.unavailable");
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "answered at the timeout, not when the converter gave up");
        // The hung converter was killed, not left behind.
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Directory.Exists($"/proc/{pid}") && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.False(Directory.Exists($"/proc/{pid}"), "the converter process is still running");
    }
}

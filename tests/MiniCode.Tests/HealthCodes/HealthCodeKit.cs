using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes;

/// <summary>A host with a known health-authority key and the bootstrap application's key (every category, name and portrait).</summary>
public class HealthCodesFactory : MiniCodeFactory
{
    public const string AuthorityKey = "test-authority-key-0123456789";
    public const string PartnerKey = "test-partner-key-0123456789";
    /// <summary>The Testing-only bootstrap application (<c>MiniCode:HealthCodes:Applications:Bootstrap</c>).</summary>
    public const string PartnerSetting = "MiniCode:HealthCodes:Applications:Bootstrap:Key";

    public HealthCodesFactory()
    {
        With("MiniCode:HealthCodes:ApiKeys:Authority", AuthorityKey);
        With(PartnerSetting, PartnerKey);
        With("MiniCode:HealthCodes:CounterFlushSeconds", "3600");
    }
}

public static class HealthCodeKit
{
    public static object Declaration(string region = "110105", decimal temperature = 36.5m, params string[] symptoms) =>
        new { symptoms, temperature, regionCode = region, address = "北京市朝阳区某街道1号", remarks = (string?)null };

    public static async Task DeclareAsync(this TestUser user, string region = "110105", decimal temperature = 36.5m, params string[] symptoms) =>
        await HttpAssert.Ok(await user.Client.PostJson("/api/me/declaration", Declaration(region, temperature, symptoms)));

    public static async Task<JsonElement> CodeAsync(this TestUser user) => await HttpAssert.Ok(await user.Client.GetAsync("/api/me/code"));

    public static async Task<string> ColorAsync(this TestUser user) => (await user.CodeAsync()).GetProperty("color").GetString()!;

    public static HttpClient Authority(this MiniCodeFactory factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", HealthCodesFactory.AuthorityKey);
        return client;
    }

    public static HttpClient Partner(this MiniCodeFactory factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", HealthCodesFactory.PartnerKey);
        return client;
    }

    public static async Task<JsonElement> ImportCsvAsync(this MiniCodeFactory factory, string kind, string csv)
    {
        var response = await factory.Authority().PostAsync($"/api/authority/imports/{kind}", new StringContent(csv, Encoding.UTF8, "text/csv"));
        return await HttpAssert.Ok(response);
    }

    public static async Task<JsonElement> VerifyAsync(this HttpClient verifier, string payload) =>
        await HttpAssert.Ok(await verifier.PostAsJsonAsync("/api/codes/verify", new { payload }));

    public static async Task<T> QueryAsync<T>(this MiniCodeFactory factory, Func<MiniCodeDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>());
    }

    public static async Task<T> WithServiceAsync<TService, T>(this MiniCodeFactory factory, Func<TService, Task<T>> action) where TService : notnull
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Decodes a QR image with zbarimg (zbar-tools) and returns the text.</summary>
    public static string Zbar(byte[] image, string extension)
    {
        var file = Path.Combine(Path.GetTempPath(), "minicode-qr-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllBytes(file, image);
        try
        {
            var start = new ProcessStartInfo("zbarimg", ["--raw", "-q", file]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(start)!;
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, "zbarimg found no code: " + p.StandardError.ReadToEnd());
            return output.TrimEnd('\n');
        }
        finally { File.Delete(file); }
    }

    public static void AssertStatus(HttpResponseMessage response, HttpStatusCode status) =>
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}");
}

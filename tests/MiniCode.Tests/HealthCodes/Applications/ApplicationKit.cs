using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Applications;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes.Applications;

/// <summary>Registers and changes code applications through <see cref="ApplicationService"/>, as the admin does.</summary>
public static class ApplicationKit
{
    public static ApplicationInput Venue(string name) => new(name, "某科技公司 王五 0431-88881234", "220102", true, true, ["poster"], true, ["personal", "poster"],
        SeesMaskedName: true, SeesPortrait: false, PerMinute: 100);

    public static async Task<(long Id, HttpClient Client, string Key)> RegisterAsync(this MiniCodeFactory factory, ApplicationInput input)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var (app, key) = await scope.ServiceProvider.GetRequiredService<ApplicationService>().CreateAsync("staff:test", input, CancellationToken.None);
        return (app.Id, factory.WithKey(key), key);
    }

    public static HttpClient WithKey(this MiniCodeFactory factory, string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static async Task UpdateAsync(this MiniCodeFactory factory, long id, Func<ApplicationInput, ApplicationInput> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var app = await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<CodeApplication>().SingleAsync(a => a.Id == id);
        await scope.ServiceProvider.GetRequiredService<ApplicationService>().UpdateAsync("staff:test", app, change(ApplicationInput.Of(app)), CancellationToken.None);
    }

    public static async Task<string> RotateAsync(this MiniCodeFactory factory, long id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var app = await scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Set<CodeApplication>().SingleAsync(a => a.Id == id);
        return await scope.ServiceProvider.GetRequiredService<ApplicationService>().RotateKeyAsync("staff:test", app, CancellationToken.None);
    }

    public static object VenueRequest(string subjectRef, string? category = "poster", bool withSubject = true) => new
    {
        category, subjectRef,
        subject = withSubject ? new { name = "长春某超市", address = "长春市朝阳区某路1号", regionCode = "220104", venueType = "shop", contactName = "赵六", contactPhone = "13900001111" } : null,
    };
}

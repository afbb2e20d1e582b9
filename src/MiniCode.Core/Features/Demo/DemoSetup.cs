using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Demo;

public static class DemoSetup
{
    /// <summary>The demo province seeder; it does nothing unless <c>Demo:Seed</c> is set.</summary>
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<DemoOptions>();
        builder.Services.AddSingleton<DemoProvinceFill>();
        builder.Services.AddHostedService<DemoSeeder>();
        return builder;
    }
}

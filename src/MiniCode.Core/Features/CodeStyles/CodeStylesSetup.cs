using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Features.HealthCodes.Signing;

namespace MiniCode.Features.CodeStyles;

public static class CodeStylesSetup
{
    /// <summary>The active background, colour and icon per code category and colour, edited in the admin and applied
    /// by every renderer through <see cref="ICodeStyles"/>.</summary>
    public static IHostApplicationBuilder AddCodeStyles(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CodeStyleProvider>();
        builder.Services.AddSingleton<CodeStyleCache>();
        builder.Services.Replace(ServiceDescriptor.Singleton<ICodeStyles>(sp => sp.GetRequiredService<CodeStyleCache>()));
        return builder;
    }
}

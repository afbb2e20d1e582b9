namespace MiniCode.Features.CodeStyles;

public static class CodeStylesSetup
{
    /// <summary>The active background, colour and icon per code type, edited in the admin.</summary>
    public static IHostApplicationBuilder AddCodeStyles(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CodeStyleProvider>();
        return builder;
    }
}

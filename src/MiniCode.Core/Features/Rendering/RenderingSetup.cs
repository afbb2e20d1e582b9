using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Rendering;

public static class RenderingSetup
{
    /// <summary>QR codes and SVG to PDF/PNG conversion, shared by health codes, offline cards and posters.</summary>
    public static IHostApplicationBuilder AddRendering(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<RenderingOptions>();
        builder.Services.AddSingleton<IQrCodeRenderer, QrCodeRenderer>();
        builder.Services.AddSingleton<ServiceCodeMarks>();
        builder.Services.AddSingleton<ISvgConverter, RsvgSvgConverter>();
        return builder;
    }
}

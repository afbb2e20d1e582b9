using System.ComponentModel.DataAnnotations;
using System.Diagnostics;

namespace MiniCode.Features.Rendering;

public enum SvgOutput
{
    Pdf,
    Png,
}

/// <summary>Turns an SVG document (cards, posters) into PDF or PNG.</summary>
public interface ISvgConverter
{
    /// <param name="widthPixels">PNG width; the PDF keeps the SVG's own size.</param>
    Task<byte[]> ConvertAsync(string svg, SvgOutput output, int? widthPixels, CancellationToken cancellationToken);
}

/// <summary>Section <c>MiniCode:Rendering</c>.</summary>
public sealed class RenderingOptions
{
    public const string Section = "MiniCode:Rendering";

    /// <summary>librsvg's converter (Debian librsvg2-bin); with fonts-noto-cjk it embeds subset CJK fonts in PDFs.</summary>
    [Required]
    public string RsvgConvertPath { get; set; } = "rsvg-convert";

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Runs <c>rsvg-convert</c> as a process: SVG on stdin, the result on stdout.</summary>
public sealed class RsvgSvgConverter(IOptions<RenderingOptions> options) : ISvgConverter
{
    public async Task<byte[]> ConvertAsync(string svg, SvgOutput output, int? widthPixels, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var start = new ProcessStartInfo(o.RsvgConvertPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--format");
        start.ArgumentList.Add(output == SvgOutput.Pdf ? "pdf" : "png");
        if (output == SvgOutput.Png && widthPixels is { } w)
        {
            start.ArgumentList.Add("--width");
            start.ArgumentList.Add(w.ToString(System.Globalization.CultureInfo.InvariantCulture));
            start.ArgumentList.Add("--keep-aspect-ratio");
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("rsvg-convert did not start.");
        try
        {
            var stdout = new MemoryStream();
            var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout, timeout.Token);
            var readErr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteAsync(svg.AsMemory(), timeout.Token);
            process.StandardInput.Close();
            await copyOut;
            var error = await readErr;
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0) throw new InvalidOperationException($"rsvg-convert failed ({process.ExitCode}): {error}");
            return stdout.ToArray();
        }
        catch (OperationCanceledException)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            throw;
        }
    }
}

public static class RenderingSetup
{
    public static IServiceCollection AddMiniCodeRendering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RenderingOptions>().Bind(configuration.GetSection(RenderingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IQrCodeRenderer, QrCodeRenderer>();
        services.AddSingleton<ISvgConverter, RsvgSvgConverter>();
        return services;
    }
}

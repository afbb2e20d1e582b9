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

    /// <summary>One PDF with a page per SVG document, in order (bulk posters).</summary>
    Task<byte[]> ConvertPagesToPdfAsync(IReadOnlyList<string> pages, CancellationToken cancellationToken);
}

/// <summary>Runs <c>rsvg-convert</c> as a process: SVG on stdin, the result on stdout.</summary>
public sealed class RsvgSvgConverter(IOptions<RenderingOptions> options) : ISvgConverter
{
    public async Task<byte[]> ConvertPagesToPdfAsync(IReadOnlyList<string> pages, CancellationToken cancellationToken)
    {
        if (pages.Count == 0) throw new ArgumentException("At least one page is needed.", nameof(pages));
        // rsvg-convert joins several input files into one multi-page PDF; stdin carries only one document.
        var dir = Directory.CreateTempSubdirectory("minicode-pages-");
        try
        {
            var start = Start(["--format", "pdf"]);
            for (var i = 0; i < pages.Count; i++)
            {
                var file = Path.Combine(dir.FullName, $"page-{i:D4}.svg");
                await File.WriteAllTextAsync(file, pages[i], cancellationToken);
                start.ArgumentList.Add(file);
            }
            return await RunAsync(start, null, cancellationToken);
        }
        finally { dir.Delete(recursive: true); }
    }

    public async Task<byte[]> ConvertAsync(string svg, SvgOutput output, int? widthPixels, CancellationToken cancellationToken)
    {
        var start = Start([]);
        start.ArgumentList.Add("--format");
        start.ArgumentList.Add(output == SvgOutput.Pdf ? "pdf" : "png");
        if (output == SvgOutput.Png && widthPixels is { } w)
        {
            start.ArgumentList.Add("--width");
            start.ArgumentList.Add(w.ToString(System.Globalization.CultureInfo.InvariantCulture));
            start.ArgumentList.Add("--keep-aspect-ratio");
        }
        return await RunAsync(start, svg, cancellationToken);
    }

    private ProcessStartInfo Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(options.Value.RsvgConvertPath)
        {
            RedirectStandardInput = true,
            StandardInputEncoding = new System.Text.UTF8Encoding(false), // CJK text in templates; no BOM before "<svg"
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        return start;
    }

    private async Task<byte[]> RunAsync(ProcessStartInfo start, string? stdin, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        Process process;
        try
        {
            process = Process.Start(start) ?? throw RenderingErrors.Unavailable($"{start.FileName} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // Not installed, or not executable: a deployment fault the operator must fix; the client may retry later.
            throw RenderingErrors.Unavailable($"{start.FileName} cannot be run: {e.Message}");
        }
        using var _ = process;
        try
        {
            var stdout = new MemoryStream();
            var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout, timeout.Token);
            var readErr = process.StandardError.ReadToEndAsync(timeout.Token);
            if (stdin is not null) await process.StandardInput.WriteAsync(stdin.AsMemory(), timeout.Token);
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
            if (cancellationToken.IsCancellationRequested) throw;
            throw RenderingErrors.Unavailable($"{start.FileName} did not finish within {o.TimeoutSeconds} s.");
        }
    }
}

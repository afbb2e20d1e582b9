using Microsoft.Extensions.Caching.Memory;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Rendering;

namespace MiniCode.Features.Posters;

/// <summary>
/// Poster downloads: the QR as PNG and SVG, the A4 PDF poster and the bulk PDF of many posters. Everything is derived
/// from the stored generation, so results are cached in memory by generation (and, for the PDF, by the printed facts).
/// </summary>
public sealed class PosterRenderer(IQrCodeRenderer qr, ISvgConverter converter, PosterRenderCache cache, IOptions<PosterOptions> options,
    ICodeStyles styles, ICodeNumbers numbers)
{
    public async Task<byte[]> PngAsync(Poster poster, PosterGeneration g, CancellationToken ct)
    {
        var style = await StyleAsync(poster, ct);
        return cache.GetOrCreate($"png:{g.Id}:{style}", () => qr.Png(g.Payload, style), b => b.Length);
    }

    public async Task<string> SvgAsync(Poster poster, PosterGeneration g, CancellationToken ct)
    {
        var style = await StyleAsync(poster, ct);
        return cache.GetOrCreate($"svg:{g.Id}:{style}", () => qr.Svg(g.Payload, style), s => s.Length * 2);
    }

    public async Task<byte[]> PdfAsync(Poster poster, PosterGeneration g, CancellationToken ct)
    {
        var page = await PageSvgAsync(poster, g, ct);
        return await cache.GetOrCreateAsync(PdfKey(g, page), () => converter.ConvertAsync(page, SvgOutput.Pdf, null, ct), b => b.Length);
    }

    /// <summary>One multi-page PDF, a page per poster, in the order given.</summary>
    public async Task<byte[]> BulkPdfAsync(IReadOnlyList<(Poster Poster, PosterGeneration Generation)> posters, CancellationToken ct)
    {
        var pages = new List<string>(posters.Count);
        foreach (var (poster, generation) in posters) pages.Add(await PageSvgAsync(poster, generation, ct));
        var key = "bulk:" + string.Join(',', posters.Select((p, i) => PdfKey(p.Generation, pages[i])));
        return await cache.GetOrCreateAsync(key, () => converter.ConvertPagesToPdfAsync(pages, ct), b => b.Length);
    }

    private async Task<string> PageSvgAsync(Poster poster, PosterGeneration g, CancellationToken ct) =>
        PosterTemplate.Render(poster, g.Number, await SvgAsync(poster, g, ct), options.Value.RetentionDays);

    // A page is keyed by everything printed on it (venue, the QR's style and number), hashed.
    private static string PdfKey(PosterGeneration g, string page) =>
        $"pdf:{g.Id}:{page.Length}:{string.GetHashCode(page, StringComparison.Ordinal)}";

    /// <summary>The poster's QR look: the active 码样式 of 张贴码 (the configured black on white without one) with the
    /// venue's 码编号 as the caption; both answered from memory when warm.</summary>
    private async Task<QrStyle> StyleAsync(Poster poster, CancellationToken ct)
    {
        var look = await styles.FindAsync(CodeCategories.Poster, null, ct);
        var number = await numbers.NumberOfAsync(CodeCategories.Poster, poster.Id, poster.RegionCode, ct);
        var plain = new QrStyle(options.Value.PngPixelsPerModule);
        return plain with { Dark = look?.Foreground ?? plain.Dark, Light = look?.Background ?? plain.Light, Caption = number };
    }
}

/// <summary>A size-limited in-process cache of rendered files (<c>MiniCode:Posters:RenderCache*</c>); each node keeps its own.</summary>
public sealed class PosterRenderCache(IOptions<PosterOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.RenderCacheMegabytes * 1024L * 1024L });

    public T GetOrCreate<T>(string key, Func<T> create, Func<T, int> size)
    {
        if (_cache.TryGetValue(key, out T? hit) && hit is not null) return hit;
        var value = create();
        Set(key, value, size(value));
        return value;
    }

    public async Task<T> GetOrCreateAsync<T>(string key, Func<Task<T>> create, Func<T, int> size)
    {
        if (_cache.TryGetValue(key, out T? hit) && hit is not null) return hit;
        var value = await create();
        Set(key, value, size(value));
        return value;
    }

    private void Set<T>(string key, T value, int size) =>
        _cache.Set(key, value, new MemoryCacheEntryOptions { Size = Math.Max(1, size), SlidingExpiration = options.Value.RenderCacheSliding });

    public void Dispose() => _cache.Dispose();
}

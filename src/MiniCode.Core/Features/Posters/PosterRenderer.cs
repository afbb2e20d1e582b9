using Microsoft.Extensions.Caching.Memory;
using MiniCode.Features.Rendering;

namespace MiniCode.Features.Posters;

/// <summary>
/// Poster downloads: the QR as PNG and SVG, the A4 PDF poster and the bulk PDF of many posters. Everything is derived
/// from the stored generation, so results are cached in memory by generation (and, for the PDF, by the printed facts).
/// </summary>
public sealed class PosterRenderer(IQrCodeRenderer qr, ISvgConverter converter, PosterRenderCache cache, IOptions<PosterOptions> options)
{
    public byte[] Png(PosterGeneration g) => cache.GetOrCreate($"png:{g.Id}", () => qr.Png(g.Payload, Style()), b => b.Length);

    public string Svg(PosterGeneration g) => cache.GetOrCreate($"svg:{g.Id}", () => qr.Svg(g.Payload, Style()), s => s.Length * 2);

    public Task<byte[]> PdfAsync(Poster poster, PosterGeneration g, CancellationToken ct) =>
        cache.GetOrCreateAsync(PdfKey(poster, g), () => converter.ConvertAsync(PageSvg(poster, g), SvgOutput.Pdf, null, ct), b => b.Length);

    /// <summary>One multi-page PDF, a page per poster, in the order given.</summary>
    public Task<byte[]> BulkPdfAsync(IReadOnlyList<(Poster Poster, PosterGeneration Generation)> posters, CancellationToken ct)
    {
        var key = "bulk:" + string.Join(',', posters.Select(p => PdfKey(p.Poster, p.Generation)));
        return cache.GetOrCreateAsync(key, () => converter.ConvertPagesToPdfAsync(posters.Select(p => PageSvg(p.Poster, p.Generation)).ToList(), ct), b => b.Length);
    }

    private string PageSvg(Poster poster, PosterGeneration g) =>
        PosterTemplate.Render(poster, g.Number, Svg(g), options.Value.RetentionDays);

    private string PdfKey(Poster p, PosterGeneration g) =>
        $"pdf:{g.Id}:{options.Value.RetentionDays}:{string.GetHashCode(p.VenueName + "\n" + p.Address + "\n" + p.RegionCode + "\n" + p.Kind, StringComparison.Ordinal)}";

    private QrStyle Style() => new(options.Value.PngPixelsPerModule);
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

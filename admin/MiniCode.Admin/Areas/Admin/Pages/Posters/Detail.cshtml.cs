using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Posters;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Posters;

/// <summary>One poster: venue, masked contact, status, generations (rotation), downloads of the current generation, revoke.</summary>
[RequirePermission(Permissions.Posters)]
public sealed class DetailModel(PosterAdminService posters, PosterRenderer renderer) : PosterPageModel
{
    public AdminPosterDetail Item { get; private set; } = null!;
    public AdminPosterRow Poster => Item.Poster;
    public bool Active => Poster.Status == "active";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Stops the poster at once (scans then answer 张贴码已被停用); the service writes the audit entry.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(long id, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var validator = new InputValidator().Required(reason, "reason", "停用原因", 200).Check(Active, "reason", "该张贴码已停用或已删除");
        if (!Accept(validator)) return Page();
        await posters.RevokeAsync(id, reason!, Current.Actor, ct);
        Flash("张贴码已停用");
        return Redirect($"/admin/posters/detail?id={id}");
    }

    public Task<IActionResult> OnGetPngAsync(long id, CancellationToken ct) =>
        DownloadAsync(id, "png", (p, g) => renderer.PngAsync(p, g, ct), "image/png", ct);

    public Task<IActionResult> OnGetSvgAsync(long id, CancellationToken ct) =>
        DownloadAsync(id, "svg", async (p, g) => System.Text.Encoding.UTF8.GetBytes(await renderer.SvgAsync(p, g, ct)), "image/svg+xml", ct);

    public Task<IActionResult> OnGetPdfAsync(long id, CancellationToken ct) =>
        DownloadAsync(id, "pdf", (p, g) => renderer.PdfAsync(p, g, ct), "application/pdf", ct);

    /// <summary>Files of the current generation, only while the poster works (a revoked or deleted one is not reprinted).</summary>
    private async Task<IActionResult> DownloadAsync(long id, string extension, Func<Poster, PosterGeneration, Task<byte[]>> render, string mediaType, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !Active) return NotFound();
        var poster = await Within.Posters.AsNoTracking().SingleAsync(p => p.Id == id, ct);
        var generation = await Db.Set<PosterGeneration>().AsNoTracking().Where(g => g.PosterId == id && g.ValidUntil == null)
            .OrderByDescending(g => g.Number).FirstOrDefaultAsync(ct);
        if (generation is null) return NotFound();
        return File(await render(poster, generation), mediaType, $"poster-{Code(id)}-g{generation.Number}.{extension}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var detail = await FindAsync(posters, id, ct);
        if (detail is null) return false;
        Item = detail;
        return true;
    }
}

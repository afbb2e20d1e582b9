using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Posters;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Posters;

/// <summary>Who checked in at one poster (names and phones masked), filtered by time, paged, and exported as streamed CSV.</summary>
[RequirePermission(Permissions.Posters)]
public sealed class CheckInsModel(PosterAdminService posters, IOptions<AdminOptions> admin, IOptions<PosterOptions> posterOptions)
    : PosterPageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? To { get; set; }
    // "p", not "page": the route value "page" is the Razor page's own name and would not bind as a number.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public AdminPosterRow Poster { get; private set; } = null!;
    public OwnerCheckIns Result { get; private set; } = new([], 0, 1, 20);
    public int PageCount => Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!ValidRange()) return Page();
        PageNumber = Math.Max(1, PageNumber);
        var size = Math.Min(admin.Value.PageSize, posterOptions.Value.MaxPageSize);
        Result = await posters.CheckInsAsync(Id, Utc(From), Utc(To), PageNumber, size, ct);
        return Page();
    }

    /// <summary>Streams the filtered check-ins as CSV (masked like the page); the export itself is audited.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!ValidRange()) return Page();
        await Audit.RecordAsync("poster.checkins_export", "poster", Id, after: new { From = Utc(From), To = Utc(To) }, ct: ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"checkins-{Code(Id)}.csv\"";
        await posters.WriteCheckInsCsvAsync(Id, Utc(From), Utc(To), Response.Body, ct);
        return new EmptyResult();
    }

    /// <summary>Checked before anything is written, so a bad filter shows on the page instead of breaking a download.</summary>
    private bool ValidRange() => Accept(new InputValidator().Check(From is null || To is null || From < To, "To", "结束时间须晚于开始时间"));

    public string LinkFor(int page, string? handler = null) => "/admin/posters/checkins?" + string.Join('&',
        new[] { ("handler", handler), ("id", Id.ToString(CultureInfo.InvariantCulture)), ("from", Param(From)), ("to", Param(To)),
                ("p", handler is null ? page.ToString(CultureInfo.InvariantCulture) : null) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));

    public static string? Param(DateTime? local) => local?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var detail = await FindAsync(posters, Id, ct);
        if (detail is null) return false;
        Poster = detail.Poster;
        return true;
    }
}

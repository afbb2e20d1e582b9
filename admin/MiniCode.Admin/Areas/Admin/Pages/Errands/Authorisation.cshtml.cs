using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Errands;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Areas.Admin.Pages.Errands;

/// <summary>One authorisation within the jurisdiction (404 otherwise), masked as in the list.</summary>
[RequirePermission(Permissions.Errands)]
public sealed class AuthorisationModel() : RegionalPageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }

    public ErrandAuthorisation Item { get; private set; } = null!;
    public string State { get; private set; } = "";
    public string? EndReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var item = await Within.ErrandAuthorisations.AsNoTracking().Include(a => a.Grantor).SingleOrDefaultAsync(a => a.Id == Id, ct);
        if (item is null) return NotFound();
        Item = item;
        (State, EndReason) = AuthorisationStates.Of(item, Calendar.Today());
        return Page();
    }

    public string Local(DateTimeOffset? at) =>
        at is { } t ? Calendar.Format(t, "yyyy-MM-dd HH:mm") : "—";
}

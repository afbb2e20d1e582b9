using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Jobs;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.Jobs;

/// <summary>One job's recent runs: node, cause, attempt, start and end, outcome, items processed and error.</summary>
[RequirePermission(Permissions.Jobs)]
public sealed class HistoryModel(JobsService jobs, TimeProvider time) : AdminPageModel
{
    private const int Shown = 100;

    public string Name { get; private set; } = "";
    public IReadOnlyList<JobRunView> Runs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? name, CancellationToken ct)
    {
        try
        {
            Runs = await jobs.HistoryAsync(name ?? "", Shown, ct);
        }
        catch (ApiException ex) when (ex.Error == JobsErrors.UnknownJob)
        {
            return NotFound();
        }
        Name = name!;
        return Page();
    }

    public string Local(DateTimeOffset? at) => IndexModel.Format(time, at);
}

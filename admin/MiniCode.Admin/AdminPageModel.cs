using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniCode.Admin.Auditing;
using MiniCode.Admin.Security;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin;

/// <summary>
/// What every admin page shares: the signed-in staff member, the audit trail of their changes, a flash message after a
/// redirect and validator errors into ModelState. Pages that read regional data derive from <see cref="RegionalPageModel"/>.
/// </summary>
public abstract class AdminPageModel : PageModel
{
    private CurrentStaff? _current;
    private AuditTrail? _audit;
    private BusinessCalendar? _calendar;

    /// <summary>The signed-in staff member (loaded once per request; authorization has loaded it already).</summary>
    protected CurrentStaff Current => _current ??= HttpContext.RequestServices.GetRequiredService<CurrentStaff>();

    /// <summary>Where every changing handler records what it did; the entry is saved together with the change.</summary>
    protected AuditTrail Audit => _audit ??= HttpContext.RequestServices.GetRequiredService<AuditTrail>();

    /// <summary>Loads the staff member before any handler runs, so <see cref="CurrentStaff.Actor"/> is always the real actor.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        await Current.GetAsync();
        await base.OnPageHandlerExecutionAsync(context, next);
    }

    /// <summary>The business calendar: what a day is and how times are shown to staff (local, no offset).</summary>
    public BusinessCalendar Calendar => _calendar ??= HttpContext.RequestServices.GetRequiredService<BusinessCalendar>();

    protected void Flash(string message) => TempData["Message"] = message;

    /// <summary>The UTC instant a calendar day of the business time zone starts: how date filters turn into instants.</summary>
    protected DateTimeOffset LocalMidnight(DateOnly day) => Calendar.StartOfDay(day);

    /// <summary>Copies a failed <see cref="InputValidator"/>'s errors into ModelState; true when the input was valid.</summary>
    protected bool Accept(InputValidator validator)
    {
        foreach (var (field, messages) in validator.Errors)
            foreach (var m in messages) ModelState.AddModelError(field, m);
        return validator.IsValid;
    }

    /// <summary>Shows a service's refusal on the form: each field error of a validation failure, else the error's message.</summary>
    protected void Refused(ApiException ex)
    {
        if (ex.Extensions?.GetValueOrDefault("errors") is Dictionary<string, string[]> errors)
        {
            foreach (var (field, messages) in errors)
                foreach (var m in messages) ModelState.AddModelError(field, m);
        }
        else ModelState.AddModelError("", ex.Detail ?? ex.Error.Message);
    }
}

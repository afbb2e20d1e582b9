using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin;

/// <summary>Small helpers every admin page shares: a flash message after a redirect and validator errors into ModelState.</summary>
public abstract class AdminPageModel : PageModel
{
    protected void Flash(string message) => TempData["Message"] = message;

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

    /// <summary>
    /// Saves a new entity and then its audit entry (which needs the generated id) in one transaction,
    /// so the change and its audit trail commit together or not at all.
    /// </summary>
    protected static async Task SaveWithAuditAsync(MiniCode.Data.MiniCodeDbContext db, Action recordAudit, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        recordAudit();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

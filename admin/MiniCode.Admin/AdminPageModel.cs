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

    protected IActionResult NotFoundPage() => NotFound();
}

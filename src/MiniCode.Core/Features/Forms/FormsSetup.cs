namespace MiniCode.Features.Forms;

/// <summary>Custom forms per region. No <c>AddForms</c>: they have no services or options of their own.</summary>
public static class FormsSetup
{
    public static IEndpointRouteBuilder MapForms(this IEndpointRouteBuilder app) => app.MapFormsApi();
}

using MiniCode.Features.Announcements;
using MiniCode.Features.CodeStyles;
using MiniCode.Features.Faq;
using MiniCode.Features.Feedback;
using MiniCode.Features.Forms;
using MiniCode.Features.Staff;

namespace MiniCode.Features.Content;

/// <summary>
/// Wires the features the admin owns: staff (back-office accounts) and the content it edits for the mini program
/// (FAQ, feedback, announcements and service links, custom forms, code styles).
/// </summary>
public static class ContentSetup
{
    public static IServiceCollection AddAdminContent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStaff(configuration);
        services.AddOptions<FaqOptions>().Bind(configuration.GetSection(FaqOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FeedbackOptions>().Bind(configuration.GetSection(FeedbackOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnnouncementOptions>().Bind(configuration.GetSection(AnnouncementOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<CodeStyleProvider>();
        return services;
    }

    /// <summary>The mini-program endpoints of that content (BFF part).</summary>
    public static IEndpointRouteBuilder MapAdminContentApis(this IEndpointRouteBuilder app)
    {
        app.MapFaqApi();
        app.MapFeedbackApi();
        app.MapAnnouncementsApi();
        app.MapFormsApi();
        return app;
    }
}

using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Announcements;

public static class AnnouncementsSetup
{
    /// <summary>Announcements and service links of the mini program's home page.</summary>
    public static IHostApplicationBuilder AddAnnouncements(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<AnnouncementOptions>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAnnouncements(this IEndpointRouteBuilder app) => app.MapAnnouncementsApi();
}

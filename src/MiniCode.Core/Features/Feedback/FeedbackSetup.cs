using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Feedback;

public static class FeedbackSetup
{
    /// <summary>Citizens' feedback (纠错反馈) and staff replies.</summary>
    public static IHostApplicationBuilder AddFeedback(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<FeedbackOptions>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFeedback(this IEndpointRouteBuilder app) => app.MapFeedbackApi();
}

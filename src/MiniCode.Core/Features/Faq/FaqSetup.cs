using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Faq;

public static class FaqSetup
{
    /// <summary>FAQ categories, questions and hotlines (staff edit them in the admin), and the searches it could not answer.</summary>
    public static IHostApplicationBuilder AddFaq(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<FaqOptions>();
        builder.Services.AddScoped<UnansweredQuestions>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFaq(this IEndpointRouteBuilder app) => app.MapFaqApi();
}

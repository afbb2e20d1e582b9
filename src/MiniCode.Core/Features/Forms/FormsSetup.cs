using MiniCode.Features.Jobs;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Forms;

/// <summary>Custom forms per region; their answers are encrypted at rest and kept for a configured time.</summary>
public static class FormsSetup
{
    public static IHostApplicationBuilder AddForms(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<FormsOptions>();
        services.AddSingleton<FormAnswerVault>();
        services.AddScoped<FormAnswerRetention>();
        services.AddMiniCodeJob<PurgeFormAnswersJob>("purge-form-answers", "删除超过保存期限的表单答案，并加密旧的明文答案");
        return builder;
    }

    public static IEndpointRouteBuilder MapForms(this IEndpointRouteBuilder app) => app.MapFormsApi();
}

namespace MiniCode.Features.Audit;

public static class AuditSetup
{
    /// <summary>The operation log every feature writes staff and citizen changes to.</summary>
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditLog>();
        return builder;
    }
}

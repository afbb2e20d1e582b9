using MiniCode.Features.Jobs;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.OpenApi;

var builder = WebApplication.CreateBuilder(args);
builder.AddMiniCodeLogging();
builder.AddMiniCodeFoundation();
builder.Services.AddMiniCodeJobs(builder.Configuration);
builder.Services.AddMiniCodeOpenApi();

var app = builder.Build();
if (await app.TryRunCommandAsync(args)) return;

app.UseMiniCodeFoundation();
var parts = HostPartsOptions.From(app.Configuration);
if (parts.Bff)
{
    app.MapMiniCodeOpenApi();
    app.MapGet("/api", () => TypedResults.Ok(new { name = "MiniCode", status = "ok" })).ExcludeFromDescription();
}

app.Run();

public partial class Program;

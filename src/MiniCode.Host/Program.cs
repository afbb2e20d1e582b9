using MiniCode.Features.HealthCodes;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Infrastructure.Logging;

var builder = WebApplication.CreateBuilder(args);
builder.AddMiniCodeLogging();
builder.AddMiniCodeFoundation();
builder.Services.AddHealthCodes(builder.Configuration);

var app = builder.Build();
if (await app.TryRunCommandAsync(args)) return;

app.UseMiniCodeFoundation();
var parts = HostPartsOptions.From(app.Configuration);
if (parts.Bff)
{
    app.MapGet("/api", () => TypedResults.Ok(new { name = "MiniCode", status = "ok" })).ExcludeFromDescription();
    app.MapHealthCodesApi();
}

app.Run();

public partial class Program;

using MiniCode.Features.Jobs;
using MiniCode.Features.Checkpoints;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.Households;
using MiniCode.Admin;
using MiniCode.Features.Content;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.OpenApi;
using MiniCode.Features.Identity;
using MiniCode.Features.Posters;
using MiniCode.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.AddMiniCodeLogging();
builder.AddMiniCodeFoundation();
builder.Services.AddMiniCodeJobs(builder.Configuration);
builder.Services.AddMiniCodeOpenApi();
builder.Services.AddMiniCodePlatform(builder.Configuration).AddMiniCodeIdentity(builder.Configuration);
builder.Services.AddHealthCodes(builder.Configuration);
builder.Services.AddHouseholds(builder.Configuration);
builder.Services.AddPosters(builder.Configuration);
builder.Services.AddCheckpoints(builder.Configuration);
builder.AddMiniCodeAdmin();

var app = builder.Build();
if (await app.TryRunCommandAsync(args)) return;

app.UseMiniCodeFoundation();
var parts = HostPartsOptions.From(app.Configuration);
app.MapMiniCodeSimulator(parts);
if (parts.Bff)
{
    app.MapMiniCodeOpenApi();
    app.MapGet("/api", () => TypedResults.Ok(new { name = "MiniCode", status = "ok" })).ExcludeFromDescription();
    app.MapMiniCodeIdentity();
    app.MapHealthCodesApi();
    app.MapHouseholdsApi();
    app.MapPostersApi();
    app.MapCheckpointsApi();
    app.MapAdminContentApis();
}
if (parts.Admin) app.MapMiniCodeAdmin();

app.Run();

public partial class Program;

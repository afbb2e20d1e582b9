using MiniCode.Admin;
using MiniCode.Features.Content;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Infrastructure.Logging;

var builder = WebApplication.CreateBuilder(args);
builder.AddMiniCodeLogging();
builder.AddMiniCodeFoundation();
builder.AddMiniCodeAdmin();

var app = builder.Build();
if (await app.TryRunCommandAsync(args)) return;

app.UseMiniCodeFoundation();
var parts = HostPartsOptions.From(app.Configuration);
if (parts.Bff)
{
    app.MapGet("/api", () => TypedResults.Ok(new { name = "MiniCode", status = "ok" })).ExcludeFromDescription();
    app.MapAdminContentApis();
}
if (parts.Admin) app.MapMiniCodeAdmin();

app.Run();

public partial class Program;

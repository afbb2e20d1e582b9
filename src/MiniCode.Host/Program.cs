using Microsoft.Extensions.Options;
using MiniCode.Admin;
using MiniCode.Features.Announcements;
using MiniCode.Features.Appointments;
using MiniCode.Features.Audit;
using MiniCode.Features.Checkpoints;
using MiniCode.Features.Errands;
using MiniCode.Features.CodeEngine;
using MiniCode.Features.CodeStyles;
using MiniCode.Features.DataSupport;
using MiniCode.Features.DigitalSpace;
using MiniCode.Features.Enterprises;
using MiniCode.Features.Faq;
using MiniCode.Features.Feedback;
using MiniCode.Features.Forms;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.Households;
using MiniCode.Features.Identity;
using MiniCode.Features.Jobs;
using MiniCode.Features.Contacts;
using MiniCode.Features.Licences;
using MiniCode.Features.Posters;
using MiniCode.Features.Demo;
using MiniCode.Features.Rendering;
using MiniCode.Features.Sessions;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.OpenApi;
using MiniCode.Platform;

var builder = WebApplication.CreateBuilder(args);
// Every feature, in any order: each registers only its own services and options, and fills the extension points of
// others with Replace (their owners register defaults with TryAdd). Foundation/SetupOrderTests checks this.
builder.AddFoundation();
builder.AddLogging();
builder.AddOpenApiDocument();
builder.AddJobs();
builder.AddPlatform();
builder.AddAudit();
builder.AddSessions();
builder.AddRendering();
builder.AddIdentity();
builder.AddHealthCodes();
builder.AddHouseholds();
builder.AddPosters();
builder.AddCheckpoints();
builder.AddStaff();
builder.AddFaq();
builder.AddForms();
builder.AddFeedback();
builder.AddAnnouncements();
builder.AddCodeStyles();
builder.AddErrands();
builder.AddLicences();
builder.AddContacts();
builder.AddCodeEngine();
// 一码通 appointments (码上预约) and enterprise codes (企业码), issue #17.
builder.AddAppointments();
builder.AddEnterprises();
// 一码通 data support (数据支撑管理), issue #18.
builder.AddDataSupport();
builder.AddDigitalSpace();
builder.AddAdmin();
builder.AddDemo();

var app = builder.Build();
if (await app.TryRunCommandAsync(args)) return;

app.UseFoundation();
app.MapFoundation();
// Configuration decides which parts this process serves. Map order only orders the OpenAPI document.
var parts = app.Services.GetRequiredService<IOptions<HostPartsOptions>>().Value;
if (parts.Simulator) app.MapPlatform();
if (parts.Bff)
{
    app.MapOpenApiDocument();
    app.MapGet("/api", () => TypedResults.Ok(new { name = "MiniCode", status = "ok" })).ExcludeFromDescription();
    app.MapIdentity();
    app.MapHealthCodes();
    app.MapHouseholds();
    app.MapPosters();
    app.MapCheckpoints();
    app.MapFaq();
    app.MapFeedback();
    app.MapAnnouncements();
    app.MapForms();
    app.MapErrands();
    app.MapLicences();
    app.MapContacts();
    app.MapAppointments();
    app.MapEnterprises();
    app.MapDigitalSpace();
}
if (parts.Admin) app.MapAdmin();

app.Run();

public partial class Program;

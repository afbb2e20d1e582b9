using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MiniCode.Admin;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Tests.Foundation;

/// <summary>
/// The host's features found by their shape (a public static <c>XxxSetup</c> class with <c>AddXxx(IHostApplicationBuilder)</c>
/// and <c>MapXxx(IEndpointRouteBuilder)</c>), so a new feature is covered without editing the tests. Builds a host
/// from them in a given order without starting it: no database is opened, nothing listens.
/// </summary>
public static class FeatureHost
{
    private static readonly Assembly[] Assemblies = [typeof(FoundationSetup).Assembly, typeof(AdminSetup).Assembly];

    public static IReadOnlyList<MethodInfo> Adds { get; } = Find("Add", typeof(IHostApplicationBuilder));
    public static IReadOnlyList<MethodInfo> Maps { get; } = Find("Map", typeof(IEndpointRouteBuilder));

    private static List<MethodInfo> Find(string prefix, Type receiver) =>
        (from assembly in Assemblies
         from type in assembly.GetExportedTypes()
         where type.IsAbstract && type.IsSealed && type.Name.EndsWith("Setup", StringComparison.Ordinal)
         from method in type.GetMethods(BindingFlags.Public | BindingFlags.Static)
         where method.Name.StartsWith(prefix, StringComparison.Ordinal) && method.ReturnType == receiver
             && method.GetParameters() is [var only] && only.ParameterType == receiver
         orderby method.Name
         select method).ToList();

    /// <summary>A built, unstarted app with every feature added and mapped in the given orders.</summary>
    public static WebApplication Build(IEnumerable<MethodInfo> adds, IEnumerable<MethodInfo> maps, out IReadOnlyList<ServiceDescriptor> registrations)
    {
        var work = Path.Combine(Path.GetTempPath(), "minicode-tests", "setup-" + Guid.NewGuid().ToString("N")[..12]);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ApplicationName = typeof(Program).Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:MiniCode"] = $"Data Source={Path.Combine(work, "never-opened.db")}",
            ["MiniCode:KeysPath"] = Path.Combine(work, "keys"),
            ["MiniCode:DataPath"] = Path.Combine(work, "data"),
            ["Logging:File:Path"] = Path.Combine(work, "logs", "minicode-.log"),
            ["MiniCode:Parts:Simulator"] = "true",
        });
        // What Development does for every run: each registration's dependencies must be registered too.
        builder.Host.UseDefaultServiceProvider(o => { o.ValidateOnBuild = true; o.ValidateScopes = true; });
        foreach (var add in adds) add.Invoke(null, [builder]);
        registrations = builder.Services.ToList();
        var app = builder.Build();
        foreach (var map in maps) map.Invoke(null, [app]);
        return app;
    }

    /// <summary>Every route with its HTTP methods, sorted: route matching does not depend on the order of mapping.</summary>
    public static List<string> Endpoints(WebApplication app) =>
        ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])} {e.RoutePattern.RawText}")
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>What a registration resolves to, comparable across builds (factories by the method that holds them).</summary>
    public static string Describe(ServiceDescriptor d)
    {
        var key = d.IsKeyedService ? $"[{d.ServiceKey}]" : "";
        var target = (d.IsKeyedService
                ? d.KeyedImplementationType ?? d.KeyedImplementationInstance?.GetType() ?? (object?)d.KeyedImplementationFactory?.Method
                : d.ImplementationType ?? d.ImplementationInstance?.GetType() ?? (object?)d.ImplementationFactory?.Method) switch
            {
                Type t => t.FullName ?? t.Name,
                MethodInfo m => $"factory {m.DeclaringType?.FullName}.{m.Name}",
                var other => other?.ToString() ?? "?",
            };
        return $"{d.ServiceType.FullName ?? d.ServiceType.Name}{key} {d.Lifetime} -> {target}";
    }
}

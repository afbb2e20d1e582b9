using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Data;

namespace MiniCode.Tests.Infrastructure;

/// <summary>
/// The real host (Program) in process, on its own throw-away database, with a settable clock, its own key and log
/// folders, and the platform simulator on. Tests talk to it only through HTTP.
/// </summary>
public class MiniCodeFactory : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; }
    public TestClock Clock { get; } = new();
    public string WorkDir { get; }
    public string LogFile => Path.Combine(WorkDir, "logs", "minicode-.log");
    private readonly Dictionary<string, string?> _settings = new();
    private UndeclaredErrors? _undeclared;

    public MiniCodeFactory() : this(null) { }

    public MiniCodeFactory(DatabaseProvider? provider) : this(provider, emptyDatabase: false) { }

    /// <summary>A host on a database without any table (to see start-up migrate it, or not).</summary>
    public static MiniCodeFactory OnEmptyDatabase() => new(null, emptyDatabase: true);

    private MiniCodeFactory(DatabaseProvider? provider, bool emptyDatabase)
    {
        Database = emptyDatabase ? TestDatabase.Empty(provider) : new TestDatabase(provider);
        WorkDir = Path.Combine(Path.GetTempPath(), "minicode-tests", "host-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(WorkDir);
    }

    /// <summary>Overrides a configuration value; call before the first client is created.</summary>
    public MiniCodeFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Makes this host a second node beside <paramref name="first"/>: the same database and keys. Call before the first client.</summary>
    public MiniCodeFactory AsSecondNodeOf(MiniCodeFactory first) =>
        With("Database:Provider", first.Database.Provider.ToString())
            .With("ConnectionStrings:MiniCode", first.Database.ConnectionString)
            .With("MiniCode:KeysPath", Path.Combine(first.WorkDir, "keys"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_settings.TryGetValue("Environment", out var env) && env is not null ? env : "Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Database.Provider.ToString(),
            ["ConnectionStrings:MiniCode"] = Database.ConnectionString,
            ["MiniCode:KeysPath"] = Path.Combine(WorkDir, "keys"),
            ["MiniCode:DataPath"] = Path.Combine(WorkDir, "data"),
            ["Logging:File:Path"] = LogFile,
            ["MiniCode:Parts:Simulator"] = "true",
            ["MiniCode:Parts:Jobs"] = "false",
        };
        // Hundreds of test hosts each hash a bootstrap password and log staff in: the deployment floor of 600,000
        // PBKDF2 iterations would cost minutes of CPU for nothing the tests look at. Deployed hosts keep the floor
        // (StaffAdminTests checks both).
        if (env is null) settings["Security:Passwords:Iterations"] = "1000";
        foreach (var (k, v) in Platform.SimulatorRouting.Settings) settings[k] = v;
        foreach (var (k, v) in _settings) settings[k] = v;
        // Command-line style settings win over appsettings*.json of the host.
        builder.UseSetting("ConnectionStrings:MiniCode", settings["ConnectionStrings:MiniCode"]);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            Platform.SimulatorRouting.Route(services, () => Server);
            _undeclared = UndeclaredErrors.Register(services);
        });
    }

    /// <summary>Logs as written so far (the file sink is flushed when the host is disposed; call after that for certainty).</summary>
    public string ReadLogs()
    {
        var dir = Path.GetDirectoryName(LogFile)!;
        if (!Directory.Exists(dir)) return "";
        return string.Join("\n", Directory.GetFiles(dir).Select(f =>
        {
            using var s = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(s).ReadToEnd();
        }));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Database.Dispose();
        if (disposing && _undeclared?.Found is { Count: > 0 } found)
            throw new InvalidOperationException("Endpoints answered error codes they do not declare (ProducesErrors): " + string.Join("; ", found));
    }
}

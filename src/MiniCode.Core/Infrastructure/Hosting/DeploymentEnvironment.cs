namespace MiniCode.Infrastructure.Hosting;

/// <summary>
/// Where throw-away conveniences are allowed: generated keys, the default super-admin, the platform simulator, the log
/// SMS sender and <c>sim:</c> face tokens. Only the development machine (<c>Development</c>) and the test hosts
/// (<c>Testing</c>); every other environment name (Staging, Production, Benchmark, …) is treated as a deployment and
/// must configure them for real.
/// </summary>
public static class DeploymentEnvironment
{
    public const string Testing = "Testing";

    public static bool AllowsDevelopmentDefaults(this IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(Testing);
}

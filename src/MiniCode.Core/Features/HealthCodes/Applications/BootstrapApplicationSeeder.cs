namespace MiniCode.Features.HealthCodes.Applications;

/// <summary>
/// At start (after migrations), outside Production only (the options refuse the key elsewhere): creates or updates the
/// application of <see cref="CodeApplicationOptions.Bootstrap"/>, so tests and the benchmark call with a known key.
/// </summary>
internal sealed class BootstrapApplicationSeeder(IServiceProvider services, IOptions<CodeApplicationOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var bootstrap = options.Value.Bootstrap;
        if (bootstrap.Key.Length == 0) return;
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ApplicationService>().EnsureBootstrapAsync(bootstrap, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

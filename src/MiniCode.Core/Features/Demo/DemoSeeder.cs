using MiniCode.Data;
using MiniCode.Features.Organisations;

namespace MiniCode.Features.Demo;

public enum DemoFillOutcome { Filled, AlreadyThere, StoppedPartWayBefore }

/// <summary>
/// Fills the database with the demo province once: a call that finds it does nothing, and one that finds an earlier
/// fill stopped part-way refuses (delete the database to start again), so nothing is ever doubled.
/// </summary>
public sealed class DemoProvinceFill(IServiceProvider services, IOptions<DemoOptions> options, ILogger<DemoProvinceFill> logger)
{
    /// <summary>The remark on the demo province's root organisation once the fill is complete.</summary>
    public const string Marker = "演示数据（scripts/run.sh --demo），非真实信息";
    /// <summary>The remark while filling.</summary>
    public const string InProgressMarker = "演示数据填充中";

    public async Task<DemoFillOutcome> FillAsync(CancellationToken ct)
    {
        var remark = await InScope((p, c) => p.GetRequiredService<MiniCodeDbContext>().Set<Organisation>()
            .Where(o => o.Remarks == Marker || o.Remarks == InProgressMarker).Select(o => o.Remarks).FirstOrDefaultAsync(c), ct);
        if (remark == Marker) return DemoFillOutcome.AlreadyThere;
        if (remark == InProgressMarker) return DemoFillOutcome.StoppedPartWayBefore;

        var o = options.Value;
        logger.LogWarning("Filling the database with the demo province ({Citizens} citizens); this takes a minute", o.Citizens);
        var world = await InScope((p, c) => new DemoProvince(p, o).BuildAsync(c), ct);
        await InScope((p, c) => new DemoContent(p, world).BuildAsync(c), ct);
        await new DemoCitizens(services, world, o, logger).BuildAsync(ct);
        await InScope((p, c) => new DemoStatistics(p, world, o).BuildAsync(c), ct);
        await InScope((p, c) => p.GetRequiredService<MiniCodeDbContext>().Set<Organisation>().Where(x => x.Id == world.ProvinceOrganisationId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Remarks, Marker), c), ct);
        // Straight to the console: the log redacts phones and passwords, and these are the demo's published fakes.
        Console.WriteLine($"""
            演示省已就绪 (demo province ready). Admin http://…/admin — users {string.Join(", ", world.StaffLogins)}, password {o.Password}
            Scanners (码上行动): phones {string.Join(", ", world.ScannerPhones.Take(3))} … {world.ScannerPhones[^1]}, password {o.Password}
            Citizens: SMS login with phones {DemoCitizens.PhoneOf(0)} … {DemoCitizens.PhoneOf(o.Citizens - 1)} (codes in the simulator's SMS outbox)
            """);
        return DemoFillOutcome.Filled;
    }

    private async Task<T> InScope<T>(Func<IServiceProvider, CancellationToken, Task<T>> step, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await step(scope.ServiceProvider, ct);
    }

    private async Task InScope(Func<IServiceProvider, CancellationToken, Task> step, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await step(scope.ServiceProvider, ct);
    }
}

/// <summary>
/// Runs <see cref="DemoProvinceFill"/> once the host has started (after migrations and the staff bootstrap), in the
/// background so the admin opens at once. Outside Development (and the test environment) the host refuses to start
/// with <c>Demo:Seed</c> set.
/// </summary>
internal sealed class DemoSeeder(DemoProvinceFill fill, IHostEnvironment environment, IHostApplicationLifetime lifetime,
    IOptions<DemoOptions> options, ILogger<DemoSeeder> logger) : IHostedService
{
    private Task seeding = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Seed) return Task.CompletedTask;
        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
            throw new InvalidOperationException($"Demo:Seed fills the database with a fake province and is refused in the {environment.EnvironmentName} environment; it runs only in Development.");
        lifetime.ApplicationStarted.Register(() => seeding = Task.Run(() => SeedAsync(lifetime.ApplicationStopping)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await seeding.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    private async Task SeedAsync(CancellationToken ct)
    {
        try
        {
            var started = DateTimeOffset.UtcNow;
            switch (await fill.FillAsync(ct))
            {
                case DemoFillOutcome.AlreadyThere: logger.LogInformation("The demo province is already there; nothing to do"); break;
                case DemoFillOutcome.StoppedPartWayBefore: logger.LogError("An earlier demo fill stopped part-way; delete the database (data/) to fill it again"); break;
                default: logger.LogWarning("Demo province ready in {Seconds:F0} s (logins: README, 演示省)", (DateTimeOffset.UtcNow - started).TotalSeconds); break;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Infrastructure.Errors.ApiException e)
        {
            logger.LogError(e, "Filling the demo province failed on a rule ({Code}: {Details}); delete the database to try again", e.Error.Code,
                System.Text.Json.JsonSerializer.Serialize(e.Extensions));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Filling the demo province failed; delete the database to try again");
        }
    }
}

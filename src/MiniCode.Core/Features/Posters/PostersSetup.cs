using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Applications;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.HealthCodes.Statistics;
using MiniCode.Features.Identity;
using MiniCode.Features.Jobs;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Posters;

public static class PostersSetup
{
    /// <summary>Poster codes, venue check-ins and their records; provides the health codes' poster check.</summary>
    public static IHostApplicationBuilder AddPosters(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<PosterOptions>();
        services.AddScoped<PosterService>();
        services.AddScoped<PosterResolver>();
        services.AddScoped<CheckInService>();
        services.AddScoped<VisitorRecords>();
        services.AddScoped<PosterPlatformCodes>();
        services.AddScoped<PosterAdminService>();
        services.AddSingleton<PosterRenderCache>();
        services.AddSingleton<PosterRenderer>();
        // Extension point: households replace it with the real relatives check; without them only self check-ins pass.
        services.TryAddSingleton<IRelativeAccess, NoRelatives>();
        services.AddScoped<IAccountDeletionParticipant, PosterAccountDeletion>();
        services.AddScoped<ICodeIssueSource, PosterIssues>();
        services.AddApplicationCodeIssuer<PosterApplicationIssuer>();
        services.Replace(ServiceDescriptor.Scoped<IPosterCodeCheck, PosterCodeCheck>());
        services.AddMiniCodeJob<PurgeCheckInsJob>("purge-check-ins", "删除超过保存期限的扫码登记记录");
        return builder;
    }

    public static IEndpointRouteBuilder MapPosters(this IEndpointRouteBuilder app) => app.MapPostersApi();
}

/// <summary>Scheduled as <c>purge-check-ins</c>: deletes check-ins past <c>MiniCode:Posters:RetentionDays</c> (rules in <see cref="CheckInService"/>).</summary>
public sealed class PurgeCheckInsJob(CheckInService checkIns) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken) =>
        new(await checkIns.PurgeAsync(cancellationToken));
}

/// <summary>
/// PIPL deletion: the account's posters stop working and lose their contact details; the person's own check-ins go.
/// Visitors' check-ins at the deleted posters stay until the retention purge (epidemiological tracing).
/// </summary>
internal sealed class PosterAccountDeletion(MiniCodeDbContext db, TimeProvider time) : IAccountDeletionParticipant
{
    public async Task OnAccountDeletingAsync(long accountId, long? personId, CancellationToken ct)
    {
        // Another account of the same person keeps the posters (and the person's check-ins).
        if (await db.SuccessorAsync(accountId, personId, ct) is { } successor)
        {
            await db.Set<Poster>().Where(p => p.OwnerAccountId == accountId).ExecuteUpdateAsync(s => s.SetProperty(p => p.OwnerAccountId, successor), ct);
            return;
        }
        var now = time.GetUtcNow();
        await db.Set<Poster>().Where(p => p.OwnerAccountId == accountId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.DeletedAt, p => p.DeletedAt ?? now)
            .SetProperty(p => p.ContactName, "已注销")
            .SetProperty(p => p.ContactPhoneCipher, "")
            .SetProperty(p => p.ContactPhoneIndex, "")
            .SetProperty(p => p.ContactPhoneMasked, ""), ct);
        if (personId is { } id) await db.Set<CheckIn>().Where(c => c.PersonId == id).ExecuteDeleteAsync(ct);
    }
}

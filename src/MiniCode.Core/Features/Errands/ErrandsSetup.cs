using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.Identity;
using MiniCode.Features.Jobs;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Errands;

public static class ErrandsSetup
{
    /// <summary>授权办事: staff-managed matters, authorisations between citizens, their codes and the expiry job.</summary>
    public static IHostApplicationBuilder AddErrands(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<ErrandOptions>();
        services.AddScoped<AuthorisationService>();
        services.AddScoped<AuthorisationCodes>();
        // Extension points the licences and contacts features fill (Replace); until then nothing is held or found.
        services.TryAddScoped<IHeldLicences, NoHeldLicences>();
        services.TryAddScoped<IContactLookup, NoContacts>();
        services.AddSubjectCodeCheck<AuthorisationCodeCheck>();
        services.AddScoped<IAccountDeletionParticipant, ErrandAccountDeletion>();
        services.AddMiniCodeJob<ExpireAuthorisationsJob>("expire-authorisations", "授权日期已过的授权办事记录置为已失效");
        return builder;
    }

    public static IEndpointRouteBuilder MapErrands(this IEndpointRouteBuilder app) => app.MapErrandsApi();
}

/// <summary>Scheduled as <c>expire-authorisations</c>: ends waiting or accepted authorisations whose last day has passed.</summary>
public sealed class ExpireAuthorisationsJob(AuthorisationService authorisations) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken) => new(await authorisations.ExpireAsync(cancellationToken));
}

/// <summary>
/// PIPL deletion: what the grantor typed about other people goes with the grantor's last account (another account of
/// the same person keeps it). Authorisations granted to the deleted person stay the grantor's records.
/// </summary>
internal sealed class ErrandAccountDeletion(MiniCodeDbContext db) : IAccountDeletionParticipant
{
    public async Task OnAccountDeletingAsync(long accountId, long? personId, CancellationToken ct)
    {
        if (personId is not { } id || await db.SuccessorAsync(accountId, personId, ct) is not null) return;
        await db.Set<ErrandAuthorisation>().Where(a => a.GrantorPersonId == id).ExecuteDeleteAsync(ct);
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
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
        // Extension points the licences and contacts features fill (Replace); without them nothing is held or found.
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

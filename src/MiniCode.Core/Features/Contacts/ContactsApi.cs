using System.Security.Claims;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Contacts;

/// <summary>常用联系人 under <c>/api/me/contacts</c>: the caller's own person's list only.</summary>
public static class ContactsApi
{
    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("/api/me/contacts").RequireAuthorization(SessionsSetup.CitizenPolicy)
            .RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("Contacts")
            .ProducesErrors(SessionErrors.Challenge, SessionErrors.RealNameRequired);
        g.MapGet("", List);
        g.MapPost("", Add).ProducesErrors(ContactsErrors.Limit, ContactsErrors.Exists);
        g.MapGet("/{id:long}", Get).ProducesErrors(ContactsErrors.NotFound);
        g.MapPut("/{id:long}", Update).ProducesErrors(ContactsErrors.NotFound, ContactsErrors.Exists);
        g.MapDelete("/{id:long}", Delete).ProducesErrors(ContactsErrors.NotFound);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ContactView>>> List(ClaimsPrincipal user, ContactService contacts, CancellationToken ct) =>
        TypedResults.Ok(await contacts.ListAsync(user.PersonIdOrThrow(), ct));

    private static async Task<Created<ContactView>> Add(ContactRequest body, ClaimsPrincipal user, ContactService contacts, CancellationToken ct)
    {
        var view = await contacts.AddAsync(user.PersonIdOrThrow(), body, ct);
        return TypedResults.Created($"/api/me/contacts/{view.Id}", view);
    }

    private static async Task<Ok<ContactView>> Get(long id, ClaimsPrincipal user, ContactService contacts, CancellationToken ct) =>
        TypedResults.Ok(await contacts.GetAsync(user.PersonIdOrThrow(), id, ct));

    private static async Task<Ok<ContactView>> Update(long id, ContactRequest body, ClaimsPrincipal user, ContactService contacts, CancellationToken ct) =>
        TypedResults.Ok(await contacts.UpdateAsync(user.PersonIdOrThrow(), id, body, ct));

    private static async Task<NoContent> Delete(long id, ClaimsPrincipal user, ContactService contacts, CancellationToken ct)
    {
        await contacts.DeleteAsync(user.PersonIdOrThrow(), id, ct);
        return TypedResults.NoContent();
    }
}

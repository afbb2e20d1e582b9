using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniCode.Data;
using MiniCode.Features.Identity;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Contacts;

public static class ContactsSetup
{
    /// <summary>常用联系人 (我的): a person's saved contacts, deleted with the person's last account.</summary>
    public static IHostApplicationBuilder AddContacts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<ContactsOptions>();
        services.AddScoped<ContactService>();
        // Fills the contact extension point of authorisations and appointments (they TryAdd "none", in any order).
        services.Replace(ServiceDescriptor.Scoped<IContactLookup>(sp => sp.GetRequiredService<ContactService>()));
        services.AddScoped<IAccountDeletionParticipant, ContactCleanup>();
        return builder;
    }

    public static IEndpointRouteBuilder MapContacts(this IEndpointRouteBuilder app) => app.MapContactsApi();
}

/// <summary>Account deletion (PIPL): the contacts go unless another account still stands on the person.</summary>
public sealed class ContactCleanup(MiniCodeDbContext db) : IAccountDeletionParticipant
{
    public async Task OnAccountDeletingAsync(long accountId, long? personId, CancellationToken ct)
    {
        if (personId is not { } id || await db.SuccessorAsync(accountId, personId, ct) is not null) return;
        await db.Set<Contact>().Where(c => c.OwnerPersonId == id).ExecuteDeleteAsync(ct);
    }
}

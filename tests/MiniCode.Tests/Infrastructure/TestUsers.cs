using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.People;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Tests.Infrastructure;

public sealed record TestUser(HttpClient Client, long AccountId, long? PersonId, string Token, string? IdNumber);

/// <summary>
/// Arranges logged-in users directly through the services, for tests whose subject is another feature.
/// The login flows themselves are tested through their HTTP endpoints.
/// </summary>
public static class TestUsers
{
    private static int _sequence;

    /// <summary>A real-named citizen with a session; the birth date defaults to an adult's.</summary>
    public static Task<TestUser> CitizenAsync(this MiniCodeFactory factory, string name = "张三", DateOnly? birthDate = null, string region = "110105")
        => CreateAsync(factory, AccountKind.Citizen, name, birthDate ?? new DateOnly(1990, 5, 17), region);

    /// <summary>A citizen logged in but without real-name verification.</summary>
    public static Task<TestUser> AnonymousCitizenAsync(this MiniCodeFactory factory)
        => CreateAsync(factory, AccountKind.Citizen, null, null, "110105");

    public static Task<TestUser> ScannerAsync(this MiniCodeFactory factory, string name = "李四")
        => CreateAsync(factory, AccountKind.Scanner, name, new DateOnly(1985, 1, 1), "220102");

    public static string NextIdNumber(DateOnly birthDate, string region = "110105") =>
        ResidentIdNumber.Make(region, birthDate, Interlocked.Increment(ref _sequence) % 1000);

    private static async Task<TestUser> CreateAsync(MiniCodeFactory factory, AccountKind kind, string? name, DateOnly? birth, string region)
    {
        _ = factory.Services; // make sure the host (and its migrations) started; works for TestServer and Kestrel
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var now = factory.Clock.GetUtcNow();
        Person? person = null;
        string? idNumber = null;
        if (name is not null && birth is { } b)
        {
            idNumber = NextIdNumber(b, region);
            person = new Person
            {
                Name = name,
                DocumentType = DocumentType.ResidentId,
                DocumentCipher = protector.Encrypt(idNumber),
                DocumentIndex = protector.BlindIndex($"{DocumentType.ResidentId}:{idNumber}"),
                DocumentMasked = SensitiveDataMasker.MaskIdNumber(idNumber),
                BirthDate = b,
                Gender = ResidentIdNumber.Gender(idNumber),
                RegionCode = region,
                CreatedAt = now,
            };
            db.Add(person);
        }
        var account = new Account { Kind = kind, Person = person, CreatedAt = now };
        db.Add(account);
        await db.SaveChangesAsync();
        var session = await scope.ServiceProvider.GetRequiredService<SessionService>().IssueAsync(account.Id, "test", false);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        return new TestUser(client, account.Id, person?.Id, session.Token, idNumber);
    }
}

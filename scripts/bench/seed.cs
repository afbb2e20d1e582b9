#:sdk Microsoft.NET.Sdk.Web
#:property PublishAot=false
#:project ../../src/MiniCode.Core/MiniCode.Core.csproj
// Seeds N real-named citizens with a declaration, a green status and a session whose token is "bench-<i>", for
// scripts/bench.sh. Usage: dotnet run seed.cs -- <Sqlite|Postgres> "<connection string>" <N>
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.People;
using MiniCode.Features.Sessions;

var provider = Enum.Parse<DatabaseProvider>(args[0], ignoreCase: true);
var connection = args[1];
var count = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var options = new DbContextOptionsBuilder<MiniCodeDbContext>();
DataServiceCollectionExtensions.Configure(options, new DatabaseOptions { Provider = provider }, connection);
var now = DateTimeOffset.UtcNow;
const int batch = 5000;
for (var start = 0; start < count; start += batch)
{
    await using var db = new MiniCodeDbContext(options.Options);
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    var accounts = new List<Account>();
    for (var i = start; i < Math.Min(count, start + batch); i++)
    {
        var person = new Person
        {
            Name = "压测" + i, DocumentType = DocumentType.Passport, DocumentCipher = "bench",
            DocumentIndex = Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes((long)i))), DocumentMasked = "B****" + i % 10,
            RegionCode = "110105", CreatedAt = now,
        };
        var account = new Account { Kind = AccountKind.Citizen, Person = person, CreatedAt = now };
        accounts.Add(account);
        db.Add(account);
        db.Add(new Session { Account = account, TokenHash = SessionService.Hash("bench-" + i), Method = "test", StayLoggedIn = true, CreatedAt = now, LastSeenAt = now, ExpiresAt = now.AddDays(30) });
    }
    await db.SaveChangesAsync();
    foreach (var a in accounts)
    {
        var personId = a.PersonId!.Value;
        db.Add(new HealthDeclaration { PersonId = personId, Symptoms = "", Temperature = 36.5m, RegionCode = "110105", Address = "bench", SubmittedAt = now, ChangedAt = now, RegionSince = now, ChangedBy = "bench" });
        db.Add(new HealthStatus { PersonId = personId, Color = HealthColor.Green, ReasonCodes = "none", ReasonTexts = "未发现异常", ComputedAt = now });
    }
    await db.SaveChangesAsync();
    Console.Error.Write($"\rseeded {Math.Min(count, start + batch)}/{count}");
}
Console.Error.WriteLine();

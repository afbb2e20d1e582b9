#:sdk Microsoft.NET.Sdk.Web
#:property PublishAot=false
#:project ../../src/MiniCode.Core/MiniCode.Core.csproj
// Seeds N real-named citizens with a declaration, a green status, a code number and a session whose token is "bench-<i>", for
// scripts/bench.sh. Usage: dotnet run seed.cs -- <Sqlite|Postgres> "<connection string>" <N> [blind-index key, base64]
// With the host's blind-index key, citizen i holds passport E<i, 8 digits> (the documents of `bench.sh --import`).
// PostgreSQL: set-based INSERT … SELECT generate_series on the server (1,000,000 citizens in well under a minute);
// SQLite: batches through EF in one process (a few minutes for 1,000,000). Expects freshly migrated, empty tables.
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MiniCode.Data;
using MiniCode.Features.CodeEngine;
using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.People;
using MiniCode.Features.Sessions;

var provider = Enum.Parse<DatabaseProvider>(args[0], ignoreCase: true);
var connection = args[1];
var count = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var indexKey = args.Length > 3 ? Convert.FromBase64String(args[3]) : null;
string PassportIndex(int i) => Convert.ToHexStringLower(HMACSHA256.HashData(indexKey!, System.Text.Encoding.UTF8.GetBytes($"PASSPORT:E{i:D8}")));
var options = new DbContextOptionsBuilder<MiniCodeDbContext>();
DataServiceCollectionExtensions.Configure(options, new DatabaseOptions { Provider = provider }, connection);
var now = DateTimeOffset.UtcNow;
if (provider == DatabaseProvider.Postgres)
{
    await using var db = new MiniCodeDbContext(options.Options);
    db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
    // Same rows as the EF path below: ids 1..N, token hash = SHA-256 of "bench-<i>" in lower hex (SessionService.Hash).
    string[] statements =
    [
        $@"INSERT INTO persons (id, name, document_type, document_cipher, document_index, document_masked, region_code, created_at)
            SELECT i + 1, '压测' || i, 'Passport', 'bench', encode(sha256(convert_to('doc-' || i, 'UTF8')), 'hex'), 'B****' || (i % 10), '110105', now()
            FROM generate_series(0, {count - 1}) AS i",
        $@"INSERT INTO accounts (id, kind, status, person_id, failed_password_attempts, created_at)
            SELECT i + 1, 'Citizen', 'Active', i + 1, 0, now() FROM generate_series(0, {count - 1}) AS i",
        $@"INSERT INTO sessions (id, token_hash, account_id, method, stay_logged_in, created_at, last_seen_at, expires_at)
            SELECT i + 1, encode(sha256(convert_to('bench-' || i, 'UTF8')), 'hex'), i + 1, 'test', true, now(), now(), now() + interval '30 days'
            FROM generate_series(0, {count - 1}) AS i",
        $@"INSERT INTO health_declarations (person_id, symptoms, temperature, region_code, address, submitted_at, changed_at, modification_count, region_since, changed_by)
            SELECT i + 1, '', 36.5, '110105', 'bench', now(), now(), 0, now(), 'bench' FROM generate_series(0, {count - 1}) AS i",
        $@"INSERT INTO health_statuses (person_id, color, reason_codes, reason_texts, computed_at, vaccination)
            SELECT i + 1, 'Green', 'none', '未发现异常', now(), 'None' FROM generate_series(0, {count - 1}) AS i",
        // 码编号 as a province has them once each citizen has shown a code (the first showing assigns it).
        $@"INSERT INTO code_numbers (category, subject_id, number, assigned_at)
            SELECT 'personal', i + 1, 'BENCH' || lpad(i::text, 10, '0'), now() FROM generate_series(0, {count - 1}) AS i",
        "SELECT setval(pg_get_serial_sequence('persons', 'id'), (SELECT max(id) FROM persons))",
        "SELECT setval(pg_get_serial_sequence('accounts', 'id'), (SELECT max(id) FROM accounts))",
        "SELECT setval(pg_get_serial_sequence('sessions', 'id'), (SELECT max(id) FROM sessions))",
        "ANALYZE",
    ];
    var watch = System.Diagnostics.Stopwatch.StartNew();
    foreach (var sql in statements) await db.Database.ExecuteSqlRawAsync(sql);
    for (var start = 0; indexKey is not null && start < count; start += 100_000)
    {
        var ids = Enumerable.Range(start, Math.Min(100_000, count - start)).ToArray();
        await db.Database.ExecuteSqlRawAsync("UPDATE persons SET document_index = u.ix FROM unnest({0}, {1}) AS u(id, ix) WHERE persons.id = u.id",
            ids.Select(i => (long)i + 1).ToArray(), ids.Select(PassportIndex).ToArray());
    }
    Console.Error.WriteLine($"seeded {count} citizens in {watch.Elapsed.TotalSeconds:F1} s");
    return;
}
const int batch = 10000;
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
            DocumentIndex = indexKey is null ? Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes((long)i))) : PassportIndex(i), DocumentMasked = "B****" + i % 10,
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
        db.Add(new CodeNumber { Category = "personal", SubjectId = personId, Number = $"BENCH{personId - 1:D10}", AssignedAt = now });
    }
    await db.SaveChangesAsync();
    Console.Error.Write($"\rseeded {Math.Min(count, start + batch)}/{count}");
}
Console.Error.WriteLine();

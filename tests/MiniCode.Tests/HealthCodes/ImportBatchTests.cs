using System.Net;
using System.Text;
using System.Text.Json;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes;

/// <summary>
/// Imports larger than one batch (<c>MiniCode:HealthCodes:Imports:BatchSize</c>): the result does not depend on where
/// the batches are cut, and a failure keeps the batches committed before it and nothing of its own.
/// </summary>
public sealed class ImportBatchTests
{
    private const string Header = "document_number,kind,starts_on,ends_on";

    [Theory]
    [InlineData("10")]   // four batches (of valid rows), rejections and repeated keys in several of them
    [InlineData("2000")] // the whole file in one batch
    public async Task A_file_of_many_batches_gives_the_same_summary_and_data_as_one_batch(string batchSize)
    {
        using var factory = new HealthCodesFactory().With("MiniCode:HealthCodes:Imports:BatchSize", batchSize);
        var contact = await DeclaredAsync(factory);
        var confirmed = await DeclaredAsync(factory);
        var bystander = await DeclaredAsync(factory);
        var unknown = Enumerable.Range(0, 40).Select(_ => TestUsers.NextIdNumber(new DateOnly(1975, 5, 5))).ToArray();
        var rows = unknown.Select(n => $"{n},quarantine,2026-11-10,2026-11-20").ToList();
        rows[1] = $"{contact.IdNumber},close_contact,2026-11-20,";                // batch 1
        rows[3] = rows[3][..17] + (rows[3][17] == '0' ? '1' : '0') + rows[3][18..]; // batch 1: bad check digit (line 5)
        rows[5] = $"{unknown[0]},quarantine,2026-11-10,2026-11-21";              // batch 1: the same key again, later wins
        rows[14] = $"{unknown[14]},sick,2026-11-10,";                             // batch 2: unknown kind (line 16)
        rows[22] = $"{confirmed.IdNumber},confirmed,2026-11-19,";                 // batch 3
        rows[31] = $"{unknown[31]},quarantine,2026-11-10,2026-11-01";             // batch 3: ends before it starts (line 33)
        rows[38] = $"{unknown[0]},quarantine,2026-11-10,2026-11-25";              // batch 4: the key of batch 1, later wins
        rows[39] = $"{contact.IdNumber},close_contact,2026-11-20,2026-11-30";     // batch 4: the contact's entry of batch 1, updated

        var summary = await factory.ImportCsvAsync("risk-list", Header + "\n" + string.Join("\n", rows) + "\n");

        Assert.Equal(40, summary.GetProperty("totalRows").GetInt64());
        Assert.Equal(37, summary.GetProperty("acceptedRows").GetInt64());
        Assert.Equal(3, summary.GetProperty("rejectedRows").GetInt64());
        Assert.Equal(2, summary.GetProperty("recomputedPersons").GetInt64());
        Assert.NotEqual(JsonValueKind.Null, summary.GetProperty("finishedAt").ValueKind);
        var report = (await factory.Authority().GetStringAsync(summary.GetProperty("rejectedReport").GetString())).Trim().Split("\r\n");
        Assert.Equal(["5", "16", "33"], report.Skip(1).Select(l => l.Split(',')[0]).ToArray());
        Assert.DoesNotContain(unknown[14], string.Join("\n", report));

        // 40 rows − 3 rejected − 3 repeating an earlier key = 34 records.
        var entries = await factory.QueryAsync(db => db.Set<RiskListEntry>().AsNoTracking().ToListAsync());
        Assert.Equal(34, entries.Count);
        Assert.Equal(34, entries.Select(e => (e.DocumentIndex, e.Kind, e.StartsOn)).Distinct().Count());
        Assert.Single(entries, e => e.EndsOn == new DateOnly(2026, 11, 25));
        Assert.DoesNotContain(entries, e => e.EndsOn == new DateOnly(2026, 11, 21));
        var contactEntry = Assert.Single(entries, e => e.PersonId == contact.PersonId);
        Assert.Equal((RiskKind.CloseContact, new DateOnly(2026, 11, 30)), (contactEntry.Kind, contactEntry.EndsOn));
        Assert.Equal(2, entries.Count(e => e.PersonId is not null));

        Assert.Equal("orange", await contact.ColorAsync());
        Assert.Equal("red", await confirmed.ColorAsync());
        Assert.Equal("green", await bystander.ColorAsync());
    }

    [Fact]
    public async Task A_failing_import_keeps_the_batches_committed_before_the_failure_and_nothing_of_the_failing_one()
    {
        using var factory = new HealthCodesFactory().With("MiniCode:HealthCodes:Imports:BatchSize", "10");
        var elements = Enumerable.Range(0, 400).Select(i => i == 2 ? "5" // rejected in the first batch
            : $"{{\"document_number\":\"{TestUsers.NextIdNumber(new DateOnly(1990, 1, 1))}\",\"sampled_at\":\"2026-11-20T08:00:00+08:00\","
              + $"\"result\":\"negative\",\"institution\":\"{new string('检', 90)}\"}}").ToList();
        // Far past the JSON reader's first buffers, the array breaks off.
        var broken = "[" + string.Join(",", elements) + ",{\"document_number\":";
        var response = await factory.Authority().PostAsync("/api/authority/imports/nucleic-acid", new StringContent(broken, Encoding.UTF8, "application/json"));
        await HttpAssert.Problem(response, HttpStatusCode.BadRequest, "request.malformed_body");

        var stored = await factory.QueryAsync(db => db.Set<NucleicAcidResult>().CountAsync());
        var import = await factory.QueryAsync(db => db.Set<HealthDataImport>().AsNoTracking().SingleAsync());
        Assert.InRange(stored, 10, 390);
        Assert.Equal(0, stored % 10); // whole batches only
        Assert.Equal((stored, stored + 1L, 1L), (import.AcceptedRows, import.TotalRows, import.RejectedRows));
        Assert.Null(import.FinishedAt);
        Assert.Equal(1, await factory.QueryAsync(db => db.Set<HealthDataImportRejection>().CountAsync(r => r.ImportId == import.Id)));

        // The same delivery, whole, completes it.
        var summary = await HttpAssert.Ok(await factory.Authority().PostAsync("/api/authority/imports/nucleic-acid",
            new StringContent("[" + string.Join(",", elements) + "]", Encoding.UTF8, "application/json")));
        Assert.Equal((400L, 399L, 1L), (summary.GetProperty("totalRows").GetInt64(), summary.GetProperty("acceptedRows").GetInt64(),
            summary.GetProperty("rejectedRows").GetInt64()));
        Assert.Equal(399, await factory.QueryAsync(db => db.Set<NucleicAcidResult>().CountAsync()));
    }

    private static async Task<TestUser> DeclaredAsync(MiniCodeFactory factory)
    {
        var citizen = await factory.CitizenAsync();
        await citizen.DeclareAsync();
        return citizen;
    }
}

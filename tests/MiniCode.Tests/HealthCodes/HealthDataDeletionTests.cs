using System.Net;
using MiniCode.Features.Audit;
using MiniCode.Features.HealthCodes.Appeals;
using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Features.Identity;
using MiniCode.Tests.Identity;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.HealthCodes;

/// <summary>
/// DELETE /api/me removes what the citizen gave or was told and keeps the health facts on the document's blind index, so
/// deleting and registering again never changes a colour.
/// </summary>
public sealed class HealthDataDeletionTests : IClassFixture<HealthCodesFactory>
{
    private readonly HealthCodesFactory _factory;
    public HealthDataDeletionTests(HealthCodesFactory factory) => _factory = factory;

    [Fact]
    public async Task Deleting_the_account_removes_history_inbox_appeals_and_face_checks_and_keeps_the_facts_behind_the_colour()
    {
        var citizen = await _factory.CitizenAsync("郑一");
        var other = await _factory.CitizenAsync("王二");
        var personId = citizen.PersonId!.Value;
        foreach (var user in new[] { citizen, other })
        {
            await user.DeclareAsync();
            await user.DeclareAsync(temperature: 38.0m); // yellow: history + inbox notice
            await HttpAssert.Ok(await user.Client.PostJson("/api/me/face-check", new { verificationToken = "sim:pass" }));
        }
        await _factory.ImportCsvAsync("nucleic-acid",
            $"document_number,sampled_at,result,institution\n{citizen.IdNumber},2026-11-19T08:00:00+08:00,negative,市疾控中心\n{other.IdNumber},2026-11-19T08:00:00+08:00,negative,市疾控中心\n");
        await _factory.QueryAsync(async db =>
        {
            db.Add(new Appeal { PersonId = personId, AccountId = citizen.AccountId, ColorAtFiling = HealthColor.Yellow, Text = "体温已恢复正常", FiledAt = _factory.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

        var deleted = await citizen.Client.DeleteAsync("/api/me");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var left = await _factory.QueryAsync(async db => new[]
        {
            await db.Set<HealthDeclaration>().CountAsync(x => x.PersonId == personId),
            await db.Set<HealthStatus>().CountAsync(x => x.PersonId == personId),
            await db.Set<ColorChange>().CountAsync(x => x.PersonId == personId),
            await db.Set<Notice>().CountAsync(x => x.PersonId == personId),
            await db.Set<Appeal>().CountAsync(x => x.PersonId == personId),
            await db.Set<FaceVerification>().CountAsync(x => x.PersonId == personId),
            await db.Set<NucleicAcidResult>().CountAsync(),
        });
        // Kept: the declaration behind the yellow, the colour, both nucleic-acid results; gone: history, inbox, appeal, face checks.
        Assert.Equal([1, 1, 0, 0, 0, 0, 2], left);
        Assert.True(await _factory.QueryAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "account.deleted" && a.TargetId == citizen.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        // The other citizen keeps everything.
        Assert.Equal("yellow", await other.ColorAsync());
        var inbox = await HttpAssert.Ok(await other.Client.GetAsync("/api/me/notices"));
        Assert.Equal(1, inbox.GetProperty("items").GetArrayLength());
        await HttpAssert.Problem(await citizen.Client.GetAsync("/api/me/notices"), HttpStatusCode.Unauthorized, "auth.session_revoked");
    }

    [Fact]
    public async Task Health_data_stays_while_another_account_stands_on_the_person()
    {
        var citizen = await _factory.CitizenAsync("李三");
        await citizen.DeclareAsync();
        var personId = citizen.PersonId!.Value;
        await _factory.QueryAsync(async db =>
        {
            db.Add(new MiniCode.Features.People.Account { Kind = MiniCode.Features.People.AccountKind.Citizen, PersonId = personId, CreatedAt = _factory.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.NoContent, (await citizen.Client.DeleteAsync("/api/me")).StatusCode);
        Assert.Equal(1, await _factory.QueryAsync(db => db.Set<HealthDeclaration>().CountAsync(x => x.PersonId == personId)));
        Assert.Equal(1, await _factory.QueryAsync(db => db.Set<HealthStatus>().CountAsync(x => x.PersonId == personId)));
    }

    [Fact]
    public async Task A_red_person_who_deletes_and_registers_again_is_still_red()
    {
        var citizen = await _factory.CitizenAsync("红码人");
        await citizen.DeclareAsync();
        await _factory.ImportCsvAsync("risk-list", $"document_number,kind,starts_on,ends_on\n{citizen.IdNumber},confirmed,2026-11-20,\n");
        await _factory.ImportCsvAsync("nucleic-acid", $"document_number,sampled_at,result,institution\n{citizen.IdNumber},2026-11-19T08:00:00+08:00,positive,市疾控中心\n");
        Assert.Equal("red", await citizen.ColorAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await citizen.Client.DeleteAsync("/api/me")).StatusCode);
        var person = await _factory.QueryAsync(db => db.Set<MiniCode.Features.People.Person>().FirstAsync(p => p.Id == citizen.PersonId));
        Assert.Equal("已注销", person.Name);
        Assert.NotNull(person.AnonymisedAt);

        var (again, _) = await _factory.WeChatUserAsync();
        await HttpAssert.Ok(await again.PostJson("/api/me/real-name", new { name = "红码人", idNumber = citizen.IdNumber, faceToken = "sim:again" }));
        await HttpAssert.Ok(await again.PostJson("/api/me/declaration", HealthCodeKit.Declaration()));
        var code = await HttpAssert.Ok(await again.GetAsync("/api/me/code"));
        Assert.Equal("red", code.GetProperty("color").GetString());
        var report = await HttpAssert.Ok(await again.GetAsync("/api/me/nucleic-acid-results"));
        Assert.Equal("positive", Assert.Single(report.EnumerateArray()).GetProperty("result").GetString());
        Assert.Equal(citizen.PersonId, await _factory.QueryAsync(db => db.Set<MiniCode.Features.People.Person>()
            .Where(p => p.AnonymisedAt == null && p.Name == "红码人").Select(p => (long?)p.Id).FirstAsync()));
    }
}

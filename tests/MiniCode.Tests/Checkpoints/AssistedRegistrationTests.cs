using System.Net;
using MiniCode.Features.Checkpoints;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Logging;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Identity;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Checkpoints;

/// <summary>辅助登记: a person without the mini program is registered by the scanner and later claims the profile by SMS login.</summary>
public sealed class AssistedRegistrationTests(CheckpointsFactory factory) : IClassFixture<CheckpointsFactory>
{
    private static object Body(string phone, string code, string name, string idNumber, decimal? temperature = 36.8m, string? key = null) =>
        new { phone, smsCode = code, name, idNumber, temperature, remarks = "老人无智能手机", idempotencyKey = key ?? CheckpointKit.NewKey() };

    [Fact]
    public async Task The_person_claims_the_registered_profile_by_logging_in_with_that_phone()
    {
        var (_, siteId) = await factory.SiteAsync();
        var scanner = await factory.SeniorAsync(siteId);
        var phone = IdentityTestKit.NextPhone();
        var idNumber = CheckpointKit.NextId();
        var code = await factory.CreateClient().SendCodeAsync(phone, "assisted-registration");

        var key = CheckpointKit.NewKey();
        var record = await HttpAssert.Ok(await scanner.Client.PostJson("/api/checkpoint/assisted-registrations", Body(phone, code, "赵大爷", idNumber, key: key)));
        Assert.Equal("assisted", record.GetProperty("kind").GetString());
        Assert.Equal(SensitiveDataMasker.MaskIdNumber(idNumber), record.GetProperty("maskedIdNumber").GetString());
        Assert.Equal("green", record.GetProperty("color").GetString());
        // A retry (the SMS code is already used up) returns the same record.
        var retry = await HttpAssert.Ok(await scanner.Client.PostJson("/api/checkpoint/assisted-registrations", Body(phone, code, "赵大爷", idNumber, key: key)));
        Assert.True(retry.GetProperty("replayed").GetBoolean());
        Assert.Equal(record.GetProperty("id").GetInt64(), retry.GetProperty("id").GetInt64());

        // Later the person opens the mini program and logs in with the phone: the profile is theirs, already real-named.
        factory.Clock.Advance(TimeSpan.FromSeconds(60)); // the SMS resend interval of the phone
        var client = factory.CreateClient();
        var loginCode = await client.SendCodeAsync(phone, "login");
        var login = await HttpAssert.Ok(await client.PostJson("/api/auth/sms/login", new { phone, code = loginCode }));
        var realName = login.GetProperty("account").GetProperty("realName");
        Assert.Equal(SensitiveDataMasker.MaskName("赵大爷"), realName.GetProperty("name").GetString());
        Assert.Equal(SensitiveDataMasker.MaskIdNumber(idNumber), realName.GetProperty("documentNumber").GetString());
        var citizen = IdentityTestKit.Authorized(factory, login);
        await HttpAssert.Ok(await citizen.PostJson("/api/me/declaration", HealthCodeKit.Declaration()));
        Assert.Equal("green", (await HttpAssert.Ok(await citizen.GetAsync("/api/me/code"))).GetProperty("color").GetString());
        var accounts = await factory.QueryAsync(db => db.Set<Account>().CountAsync(a => a.PersonId == db.Set<ScanRecord>()
            .Where(r => r.Id == record.GetProperty("id").GetInt64()).Select(r => r.PersonId).First()));
        Assert.Equal(1, accounts);
    }

    [Fact]
    public async Task A_fever_at_registration_makes_the_new_profile_yellow()
    {
        var (_, siteId) = await factory.SiteAsync();
        var scanner = await factory.SeniorAsync(siteId);
        var phone = IdentityTestKit.NextPhone();
        var code = await factory.CreateClient().SendCodeAsync(phone, "assisted-registration");
        var record = await HttpAssert.Ok(await scanner.Client.PostJson("/api/checkpoint/assisted-registrations",
            Body(phone, code, "钱奶奶", CheckpointKit.NextId(), 38.0m)));
        Assert.Equal("yellow", record.GetProperty("color").GetString());
    }

    [Fact]
    public async Task A_wrong_code_or_a_name_that_does_not_match_writes_nothing()
    {
        var (_, siteId) = await factory.SiteAsync();
        var scanner = await factory.SeniorAsync(siteId);
        var phone = IdentityTestKit.NextPhone();
        var idNumber = CheckpointKit.NextId();
        var code = await factory.CreateClient().SendCodeAsync(phone, "assisted-registration");
        var wrong = code == "000000" ? "111111" : "000000";
        await HttpAssert.Problem(await scanner.Client.PostJson("/api/checkpoint/assisted-registrations", Body(phone, wrong, "孙阿姨", idNumber)),
            HttpStatusCode.BadRequest, "sms.code_invalid");
        await HttpAssert.Problem(await scanner.Client.PostJson("/api/checkpoint/assisted-registrations", Body(phone, code, "孙阿姨", "22010219800101000A")),
            HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await scanner.Client.PostJson("/api/checkpoint/assisted-registrations", Body(phone, code, "孙阿姨", idNumber, null)),
            HttpStatusCode.BadRequest, "request.validation_failed");
        var index = await factory.WithServiceAsync<ScannerDirectory, string>(d => Task.FromResult(d.IdNumberIndex(idNumber)));
        Assert.False(await factory.QueryAsync(db => db.Set<Person>().AnyAsync(p => p.DocumentIndex == index)));

        // The ID number already belongs to a registered person under another name.
        var existing = await factory.CitizenAsync("周先生");
        await HttpAssert.Problem(await scanner.Client.PostJson("/api/checkpoint/assisted-registrations", Body(phone, code, "吴先生", existing.IdNumber!)),
            HttpStatusCode.BadRequest, "checkpoint.name_mismatch");
        // The code was not used up by the refused attempts.
        await HttpAssert.Ok(await scanner.Client.PostJson("/api/checkpoint/assisted-registrations", Body(phone, code, "孙阿姨", idNumber)));
    }
}

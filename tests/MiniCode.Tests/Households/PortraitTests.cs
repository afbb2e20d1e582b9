using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MiniCode.Features.People;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Households;

public sealed class PortraitsFactory : HealthCodesFactory
{
    public const int MaxBytes = 20_000;
    public PortraitsFactory() => With("MiniCode:Households:Portraits:MaxBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>人像照片: content checks, metadata stripping, the day/interval/age/off rules at their boundaries, and who may see a photo.</summary>
public sealed class PortraitTests(PortraitsFactory factory) : IClassFixture<PortraitsFactory>
{
    private const string Me = "/api/me/portrait";
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>Moves the clock in steps shorter than the session idle timeout, using the session in between.</summary>
    private async Task AdvanceAsync(TestUser user, TimeSpan by)
    {
        var step = TimeSpan.FromDays(5);
        for (; by > step; by -= step)
        {
            factory.Clock.Advance(step);
            await HttpAssert.Ok(await user.Client.GetAsync(Me));
        }
        factory.Clock.Advance(by);
    }

    [Fact]
    public async Task Jpeg_is_recognised_by_content_and_stored_without_exif_under_a_random_name()
    {
        var user = await factory.CitizenAsync("陈照片");
        // Named and declared as PNG: the bytes decide.
        var status = await HttpAssert.Ok(await user.Client.UploadAsync(Me, HouseholdsKit.Jpeg(640, 480), "me.png", "image/png"));
        Assert.Equal((640, 480), (status.GetProperty("width").GetInt32(), status.GetProperty("height").GetInt32()));
        Assert.True(status.GetProperty("enabled").GetBoolean());

        var image = await user.Client.GetAsync(Me + "/image");
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        var bytes = await image.Content.ReadAsByteArrayAsync();
        Assert.True(HouseholdsKit.Contains(bytes, "JFIF"));
        Assert.False(HouseholdsKit.Contains(bytes, "Exif"));
        Assert.False(HouseholdsKit.Contains(bytes, "GPS"));
        Assert.False(HouseholdsKit.Contains(bytes, "taken at home"));

        var files = Directory.GetFiles(Path.Combine(factory.WorkDir, "data", "portraits"), "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Matches(new Regex("^[0-9a-f]{32}\\.(jpg|png)$"), Path.GetFileName(f)));
        Assert.DoesNotContain(files, f => f.Contains(user.IdNumber!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Png_text_chunks_are_removed()
    {
        var user = await factory.CitizenAsync("陈文本");
        var status = await HttpAssert.Ok(await user.Client.UploadAsync(Me, HouseholdsKit.PngWithText(80, 100), "me.jpg"));
        Assert.Equal((80, 100), (status.GetProperty("width").GetInt32(), status.GetProperty("height").GetInt32()));
        var bytes = await (await user.Client.GetAsync(Me + "/image")).Content.ReadAsByteArrayAsync();
        Assert.True(HouseholdsKit.Contains(bytes, "IDAT"));
        Assert.False(HouseholdsKit.Contains(bytes, "tEXt"));
        Assert.False(HouseholdsKit.Contains(bytes, "home address"));
    }

    [Fact]
    public async Task Non_images_tiny_images_and_oversize_files_are_refused()
    {
        var user = await factory.CitizenAsync("陈无效");
        await HttpAssert.Problem(await user.Client.UploadAsync(Me, "GIF89a\x01\x00\x01\x00"u8.ToArray(), "a.jpg"), HttpStatusCode.BadRequest, "portraits.invalid_image");
        await HttpAssert.Problem(await user.Client.UploadAsync(Me, HouseholdsKit.Jpeg(10, 10)), HttpStatusCode.BadRequest, "portraits.invalid_image");
        await HttpAssert.Problem(await user.Client.UploadAsync(Me, new byte[PortraitsFactory.MaxBytes + 1]), HttpStatusCode.RequestEntityTooLarge, "portraits.too_large");
        await HttpAssert.Problem(await user.Client.PostAsync(Me, new MultipartFormDataContent { { new StringContent("x"), "other" } }), HttpStatusCode.BadRequest, "request.validation_failed");
        await HttpAssert.Problem(await user.Client.GetAsync(Me + "/image"), HttpStatusCode.NotFound, "portraits.not_found");
    }

    [Fact]
    public async Task Third_attempt_of_a_day_is_allowed_and_fourth_refused_until_the_next_day()
    {
        var user = await factory.CitizenAsync("陈尝试");
        for (var i = 0; i < 3; i++)
            await HttpAssert.Problem(await user.Client.UploadAsync(Me, "not an image"u8.ToArray()), HttpStatusCode.BadRequest, "portraits.invalid_image");
        Assert.Equal(0, (await HttpAssert.Ok(await user.Client.GetAsync(Me))).GetProperty("attemptsLeftToday").GetInt32());
        await HttpAssert.Problem(await user.Client.UploadAsync(Me, HouseholdsKit.Jpeg(300, 400)), HttpStatusCode.TooManyRequests, "portraits.attempts_exceeded");
        await HttpAssert.Problem(await user.Client.PostAsync(Me + "/authority", null), HttpStatusCode.TooManyRequests, "portraits.attempts_exceeded");
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await HttpAssert.Ok(await user.Client.UploadAsync(Me, HouseholdsKit.Jpeg(300, 400)));
    }

    [Fact]
    public async Task Photo_changes_once_per_14_days()
    {
        var user = await factory.CitizenAsync("陈更换");
        await HttpAssert.Ok(await user.Client.UploadAsync(Me, HouseholdsKit.Jpeg(300, 400)));
        await AdvanceAsync(user, TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        await HttpAssert.Problem(await user.Client.UploadAsync(Me, HouseholdsKit.Jpeg(320, 400)), HttpStatusCode.Conflict, "portraits.change_too_soon");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var status = await HttpAssert.Ok(await user.Client.UploadAsync(Me, HouseholdsKit.Jpeg(320, 400)));
        Assert.Equal(320, status.GetProperty("width").GetInt32());
    }

    [Fact]
    public async Task Refused_at_15_years_364_days_and_allowed_at_16()
    {
        var user = await factory.CitizenAsync("陈少年", birthDate: Today.AddYears(-16).AddDays(1));
        await HttpAssert.Problem(await user.Client.UploadAsync(Me, HouseholdsKit.Jpeg(300, 400)), HttpStatusCode.Forbidden, "portraits.too_young");
        await HttpAssert.Problem(await user.Client.PostAsync(Me + "/authority", null), HttpStatusCode.Forbidden, "portraits.too_young");
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await HttpAssert.Ok(await user.Client.UploadAsync(Me, HouseholdsKit.Jpeg(300, 400)));
    }

    [Fact]
    public async Task Off_for_14_days_can_be_switched_on_and_after_15_days_must_be_uploaded_again()
    {
        var user = await factory.CitizenAsync("陈开关");
        await HttpAssert.Ok(await user.Client.UploadAsync(Me, HouseholdsKit.Jpeg(300, 400)));
        await HttpAssert.Ok(await user.Client.PutAsJsonAsync(Me + "/display", new { photo = false }));
        await AdvanceAsync(user, TimeSpan.FromDays(14));
        Assert.True((await HttpAssert.Ok(await user.Client.PutAsJsonAsync(Me + "/display", new { photo = true }))).GetProperty("enabled").GetBoolean());

        await HttpAssert.Ok(await user.Client.PutAsJsonAsync(Me + "/display", new { photo = false }));
        await AdvanceAsync(user, TimeSpan.FromDays(15));
        await HttpAssert.Problem(await user.Client.PutAsJsonAsync(Me + "/display", new { photo = true }), HttpStatusCode.Conflict, "portraits.upload_required");
        Assert.True((await HttpAssert.Ok(await user.Client.GetAsync(Me))).GetProperty("uploadRequired").GetBoolean());
        // Uploading again is allowed at once (the change interval does not apply to a required re-upload).
        Assert.True((await HttpAssert.Ok(await user.Client.UploadAsync(Me, HouseholdsKit.Jpeg(300, 400)))).GetProperty("enabled").GetBoolean());
        await HttpAssert.Problem(await user.Client.PutAsJsonAsync(Me + "/display", new { }), HttpStatusCode.BadRequest, "request.validation_failed");
    }

    [Fact]
    public async Task Authoritative_source_provides_a_first_photo_for_self_and_relative()
    {
        var user = await factory.CitizenAsync("陈权威");
        var status = await HttpAssert.Ok(await user.Client.PostAsync(Me + "/authority", null));
        Assert.Equal("authority", status.Str("source"));
        Assert.Equal("image/png", (await user.Client.GetAsync(Me + "/image")).Content.Headers.ContentType?.MediaType);

        var birth = new DateOnly(1971, 7, 7);
        var unavailable = await HttpAssert.Ok(await user.PostRelativeAsync(HouseholdsKit.Relative("陈不可用", birth, number: ResidentIdNumber.Make("110105", birth, 999))), HttpStatusCode.Created);
        var rid = unavailable.GetProperty("id").GetInt64();
        await HttpAssert.Problem(await user.Client.PostAsync($"/api/me/relatives/{rid}/portrait/authority", null), HttpStatusCode.ServiceUnavailable, "portraits.source_unavailable");
        await HttpAssert.Ok(await user.Client.UploadAsync($"/api/me/relatives/{rid}/portrait", HouseholdsKit.Jpeg(300, 400)));
        Assert.Equal("image/jpeg", (await user.Client.GetAsync($"/api/me/relatives/{rid}/portrait/image")).Content.Headers.ContentType?.MediaType);
        Assert.Equal("upload", (await HttpAssert.Ok(await user.Client.GetAsync($"/api/me/relatives/{rid}/portrait"))).Str("source"));

        var passport = new
        {
            name = "ANNA LEE", documentType = "passport", number = "E" + Random.Shared.Next(10_000_000, 99_999_999), birthDate = "1970-02-03",
            faceToken = "sim:pass", consent = new { by = "relative", confirmed = true }, declaration = HealthCodeKit.Declaration(),
        };
        var foreigner = await HttpAssert.Ok(await user.PostRelativeAsync(passport), HttpStatusCode.Created);
        Assert.Equal("passport", foreigner.Str("documentType"));
        await HttpAssert.Problem(await user.Client.PostAsync($"/api/me/relatives/{foreigner.GetProperty("id").GetInt64()}/portrait/authority", null),
            HttpStatusCode.NotFound, "portraits.source_not_found");
    }

    [Fact]
    public async Task Verifier_gets_a_short_lived_reference_only_with_a_valid_code_and_photo_on()
    {
        var user = await factory.CitizenAsync("陈核验");
        await user.DeclareAsync();
        await HttpAssert.Ok(await user.Client.UploadAsync(Me, HouseholdsKit.Jpeg(300, 400)));
        var scanner = (await factory.ScannerAsync()).Client;

        var verified = await scanner.VerifyAsync((await user.CodeAsync()).Str("payload"));
        var reference = verified.Str("portraitReference");
        Assert.StartsWith("/api/portraits/", reference);
        Assert.DoesNotContain(user.IdNumber!, reference);
        var image = await scanner.GetAsync(reference);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        // Citizens cannot use references; tampered or stale references are refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.GetAsync(reference)).StatusCode);
        await HttpAssert.Problem(await scanner.GetAsync(reference[..^2] + (reference[^2] == 'A' ? "BA" : "AA")), HttpStatusCode.NotFound, "portraits.reference_invalid");
        factory.Clock.Advance(TimeSpan.FromSeconds(121));
        await HttpAssert.Problem(await scanner.GetAsync(reference), HttpStatusCode.NotFound, "portraits.reference_invalid");

        await HttpAssert.Ok(await user.Client.PutAsJsonAsync(Me + "/display", new { photo = false }));
        var withoutPhoto = await scanner.VerifyAsync((await user.CodeAsync()).Str("payload"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, withoutPhoto.GetProperty("portraitReference").ValueKind);
    }
}

using MiniCode.Data;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Households.Portraits;

/// <summary>What the owner (or holder) sees about a portrait; the image itself is served separately.</summary>
public sealed record PortraitStatus(bool HasPhoto, bool Enabled, bool UploadRequired, string? Source, int? Width, int? Height,
    DateTimeOffset? ChangedAt, DateTimeOffset? NextChangeAllowedAt, int AttemptsLeftToday);

/// <summary>
/// 人像照片 of a person (the caller or their relative; access is checked by the caller): upload or fetch from the
/// authoritative source within the daily attempts, change interval and minimum age; switch showing it on or off.
/// </summary>
public sealed class PortraitService(MiniCodeDbContext db, IPortraitStore store, IAuthoritativePortraitSource source,
    PersonalDataProtector protector, IOptions<PortraitOptions> options, TimeProvider time, BusinessCalendar calendar)
{
    public async Task<PortraitStatus> StatusAsync(long personId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var p = await db.Set<Portrait>().AsNoTracking().FirstOrDefaultAsync(x => x.PersonId == personId, ct);
        var left = Math.Max(0, options.Value.AttemptsPerDay - await AttemptsTodayAsync(personId, now, ct));
        if (p is null) return new PortraitStatus(false, false, false, null, null, null, null, null, left);
        var required = UploadRequired(p, now);
        return new PortraitStatus(true, p.Enabled, required, p.Source, p.Width, p.Height, p.ChangedAt, required ? null : NextChange(p), left);
    }

    public async Task<PortraitStatus> UploadAsync(long personId, byte[] image, CancellationToken ct)
    {
        if (image.Length > options.Value.MaxBytes) throw TooLarge();
        await BeginAttemptAsync(personId, "upload", ct);
        return await SaveAsync(personId, image, "upload", ct);
    }

    public async Task<PortraitStatus> FetchAuthoritativeAsync(long personId, CancellationToken ct)
    {
        var person = await BeginAttemptAsync(personId, "authority", ct);
        var result = await source.FetchAsync(person.Name, person.DocumentType, protector.Decrypt(person.DocumentCipher), ct);
        return result.Outcome switch
        {
            PortraitFetchOutcome.Found when result.Image is { } image => image.Length > options.Value.MaxBytes ? throw TooLarge() : await SaveAsync(personId, image, "authority", ct),
            PortraitFetchOutcome.Unavailable => throw new ApiException(HouseholdsErrors.PortraitSourceUnavailable) { RetryAfterSeconds = 60 },
            _ => throw new ApiException(HouseholdsErrors.PortraitSourceNotFound),
        };
    }

    /// <summary>Switches between showing the photo with the code and the code alone.</summary>
    public async Task<PortraitStatus> SetDisplayAsync(long personId, bool showPhoto, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var p = await db.Set<Portrait>().FirstOrDefaultAsync(x => x.PersonId == personId, ct) ?? throw new ApiException(HouseholdsErrors.PortraitNotFound);
        if (showPhoto && !p.Enabled)
        {
            if (UploadRequired(p, now)) throw new ApiException(HouseholdsErrors.PortraitUploadRequired);
            p.Enabled = true;
            p.DisabledAt = null;
        }
        else if (!showPhoto && p.Enabled)
        {
            p.Enabled = false;
            p.DisabledAt = now;
        }
        await db.SaveChangesAsync(ct);
        return await StatusAsync(personId, ct);
    }

    public async Task<(byte[] Image, string ContentType)> ImageAsync(long personId, int? version, CancellationToken ct)
    {
        var p = await db.Set<Portrait>().AsNoTracking().FirstOrDefaultAsync(x => x.PersonId == personId, ct);
        if (p is null || (version is { } v && (p.Version != v || !p.Enabled))) throw new ApiException(HouseholdsErrors.PortraitNotFound);
        var bytes = await store.ReadAsync(p.StorageKey, ct) ?? throw new ApiException(HouseholdsErrors.PortraitNotFound);
        return (bytes, p.ContentType);
    }

    public async Task DeleteAsync(long personId, CancellationToken ct)
    {
        var p = await db.Set<Portrait>().FirstOrDefaultAsync(x => x.PersonId == personId, ct) ?? throw new ApiException(HouseholdsErrors.PortraitNotFound);
        db.Remove(p);
        await db.SaveChangesAsync(ct);
        await store.DeleteAsync(p.StorageKey, ct);
    }

    /// <summary>
    /// Checks age, change interval and the day's attempts, then records the attempt in its own save: a rejected
    /// image still used an attempt, so guessing through the daily limit is not possible.
    /// </summary>
    private async Task<Person> BeginAttemptAsync(long personId, string kind, CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var person = await db.Set<Person>().AsNoTracking().FirstAsync(x => x.Id == personId, ct);
        if (person.AgeOn(calendar.DayOf(now)) is not { } age || age < o.MinAge)
            throw new ApiException(HouseholdsErrors.PortraitTooYoung, $"年满{o.MinAge}周岁方可使用人像照片");
        var existing = await db.Set<Portrait>().AsNoTracking().FirstOrDefaultAsync(x => x.PersonId == personId, ct);
        if (existing is not null && !UploadRequired(existing, now) && now < NextChange(existing))
            throw new ApiException(HouseholdsErrors.PortraitChangeTooSoon, $"下次可更换时间：{calendar.Format(NextChange(existing))}");
        if (await AttemptsTodayAsync(personId, now, ct) >= o.AttemptsPerDay)
            throw new ApiException(HouseholdsErrors.PortraitAttemptsExceeded, $"每天最多采集或上传{o.AttemptsPerDay}次");
        db.Add(new PortraitAttempt { PersonId = personId, At = now, Source = kind });
        await db.SaveChangesAsync(ct);
        return person;
    }

    private async Task<PortraitStatus> SaveAsync(long personId, byte[] image, string kind, CancellationToken ct)
    {
        var o = options.Value;
        var checkedImage = ImageInspector.Inspect(image);
        if (checkedImage is null) throw new ApiException(HouseholdsErrors.PortraitInvalid, "文件内容不是有效的JPEG或PNG图片");
        if (Math.Min(checkedImage.Width, checkedImage.Height) < o.MinDimension || Math.Max(checkedImage.Width, checkedImage.Height) > o.MaxDimension)
            throw new ApiException(HouseholdsErrors.PortraitInvalid, $"图片宽高须在{o.MinDimension}至{o.MaxDimension}像素之间");
        var key = await store.SaveAsync(checkedImage.Cleaned, checkedImage.Extension, ct);
        var p = await db.Set<Portrait>().FirstOrDefaultAsync(x => x.PersonId == personId, ct);
        var oldKey = p?.StorageKey;
        if (p is null) db.Add(p = new Portrait { PersonId = personId });
        p.StorageKey = key;
        p.ContentType = checkedImage.ContentType;
        p.Width = checkedImage.Width;
        p.Height = checkedImage.Height;
        p.Length = checkedImage.Cleaned.Length;
        p.Source = kind;
        p.ChangedAt = time.GetUtcNow();
        p.Version++;
        p.Enabled = true;
        p.DisabledAt = null;
        try { await db.SaveChangesAsync(ct); }
        catch
        {
            await store.DeleteAsync(key, CancellationToken.None);
            throw;
        }
        if (oldKey is not null) await store.DeleteAsync(oldKey, ct);
        return await StatusAsync(personId, ct);
    }

    private bool UploadRequired(Portrait p, DateTimeOffset now) =>
        !p.Enabled && p.DisabledAt is { } off && now - off > TimeSpan.FromDays(options.Value.MaxDaysOff);

    private DateTimeOffset NextChange(Portrait p) => p.ChangedAt.AddDays(options.Value.ChangeIntervalDays);

    private Task<int> AttemptsTodayAsync(long personId, DateTimeOffset now, CancellationToken ct)
    {
        var start = calendar.StartOfDay(now);
        return db.Set<PortraitAttempt>().CountAsync(a => a.PersonId == personId && a.At >= start, ct);
    }

    public int MaxBytes => options.Value.MaxBytes;

    public ApiException TooLarge() => new(HouseholdsErrors.PortraitTooLarge, $"照片不能超过{options.Value.MaxBytes / 1024} KB");
}

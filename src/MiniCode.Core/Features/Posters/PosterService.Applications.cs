using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Features.Posters;

public sealed partial class PosterService
{
    /// <summary>
    /// The poster an application registered under <paramref name="subjectRef"/>, created from <paramref name="venue"/> on
    /// the first call. A deleted or revoked poster is answered as it is (its code does not verify); two first calls at
    /// once end with one poster (the unique index), the loser reading the winner's.
    /// </summary>
    public async Task<(Poster Poster, PosterGeneration Current, bool Created)> ForApplicationAsync(long applicationId, string subjectRef,
        Func<PosterRequest> venue, CancellationToken ct)
    {
        if (await ApplicationPosterAsync(applicationId, subjectRef, ct) is { } existing) return (existing.Poster, existing.Current, false);
        var r = venue();
        var phone = NormalisePhone(r.ContactPhone)!;
        var now = time.GetUtcNow();
        var poster = new Poster
        {
            OwnerApplicationId = applicationId, ApplicationSubjectRef = subjectRef,
            Kind = r.Kind!.Value, VenueName = r.VenueName!.Trim(), Address = r.Address!.Trim(), RegionCode = r.RegionCode!, VenueType = r.VenueType!.Value,
            ContactName = r.ContactName!.Trim(), ContactPhoneCipher = protector.Encrypt(phone), ContactPhoneIndex = protector.BlindIndex("phone:" + phone),
            ContactPhoneMasked = SensitiveDataMasker.MaskPhone(phone), CreatedAt = now,
        };
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Add(poster);
            await db.SaveChangesAsync(ct);
            var generation = Issue(poster.Id, 1, now);
            db.Add(generation);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (poster, generation, true);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var winner = await ApplicationPosterAsync(applicationId, subjectRef, ct) ?? throw new ApiException(CommonErrors.Conflict);
            return (winner.Poster, winner.Current, false);
        }
    }

    private async Task<(Poster Poster, PosterGeneration Current)?> ApplicationPosterAsync(long applicationId, string subjectRef, CancellationToken ct)
    {
        var poster = await db.Set<Poster>().AsNoTracking().FirstOrDefaultAsync(p => p.OwnerApplicationId == applicationId && p.ApplicationSubjectRef == subjectRef, ct);
        if (poster is null) return null;
        var current = await db.Set<PosterGeneration>().AsNoTracking().SingleAsync(g => g.PosterId == poster.Id && g.ValidUntil == null, ct);
        return (poster, current);
    }
}

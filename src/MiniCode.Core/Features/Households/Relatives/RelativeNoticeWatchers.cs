using MiniCode.Data;
using MiniCode.Features.HealthCodes.Notices;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Features.Households.Relatives;

/// <summary>
/// A relative's colour changes reach the holder's inbox when the relative is proven, or has no account of their own
/// (a child or elder only the holders look after), a private one's holder without the reasons. A private relative with an account keeps their notices to themself.
/// </summary>
internal sealed class RelativeNoticeWatchers(MiniCodeDbContext db) : INoticeWatchers
{
    public async Task<IReadOnlyList<NoticeWatcher>> WatchersOfAsync(long personId, CancellationToken ct)
    {
        var person = await db.Set<Person>().AsNoTracking().Where(p => p.Id == personId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (person is null) return [];
        var hasOwnAccount = await db.Set<Account>().AnyAsync(a => a.PersonId == personId && a.Status == AccountStatus.Active, ct);
        var holders = await (from r in db.Set<Relative>().AsNoTracking()
                             where r.PersonId == personId && (r.Proof != RelativeProof.None || !hasOwnAccount)
                                   && db.Set<Account>().Any(a => a.PersonId == r.HolderPersonId && a.Status == AccountStatus.Active)
                             select new { r.HolderPersonId, r.Proof }).ToListAsync(ct);
        var masked = SensitiveDataMasker.MaskName(person);
        // A private holder learns the colour (their code shows it anyway), not the reasons others' records gave.
        return holders.Select(h => new NoticeWatcher(h.HolderPersonId, masked, h.Proof == RelativeProof.None)).ToList();
    }
}

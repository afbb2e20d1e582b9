using MiniCode.Data;
using MiniCode.Features.Identity;
using MiniCode.Features.People;

namespace MiniCode.Features.Appointments;

/// <summary>
/// Account deletion (PIPL): bookings are the booker person's, so they go with the person's last account (another account
/// of the same person keeps them). Places of bookings whose slot has not started go back to the slot first.
/// </summary>
public sealed class AppointmentCleanup(MiniCodeDbContext db, TimeProvider time) : IAccountDeletionParticipant
{
    public async Task OnAccountDeletingAsync(long accountId, long? personId, CancellationToken ct)
    {
        if (personId is not { } id || await db.SuccessorAsync(accountId, personId, ct) is not null) return;
        var now = time.GetUtcNow();
        var freed = await db.Set<Appointment>().Where(a => a.BookerPersonId == id && a.Status == AppointmentStatus.Booked)
            .Join(db.Set<AppointmentSlot>().Where(s => s.StartsAt > now), a => a.SlotId, s => s.Id, (a, s) => s.Id).ToListAsync(ct);
        foreach (var slot in freed.GroupBy(s => s))
        {
            var places = slot.Count();
            await db.Set<AppointmentSlot>().Where(s => s.Id == slot.Key && s.Booked >= places)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Booked, s => s.Booked - places), ct);
        }
        await db.Set<Appointment>().Where(a => a.BookerPersonId == id).ExecuteDeleteAsync(ct);
    }
}

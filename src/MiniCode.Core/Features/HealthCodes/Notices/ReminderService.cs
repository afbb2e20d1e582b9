using MiniCode.Data;
using MiniCode.Features.HealthCodes.Declarations;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.HealthCodes.Notices;

/// <summary>
/// Due reminder notices (<c>send-reminders</c>). The manuals require a health declaration before the first code (信息申报,
/// Fujian and Jilin manuals), so a real-named citizen who has not declared gets one reminder, in the inbox and on the
/// platforms; the notice kind <see cref="DeclarationReminderKind"/> marks who was reminded already.
/// </summary>
public sealed class ReminderService(MiniCodeDbContext db, NoticeDispatcher notices, IOptions<ReminderOptions> options)
{
    public const string DeclarationReminderKind = "declaration_reminder";

    public async Task<int> SendDeclarationRemindersAsync(DateTimeOffset now, CancellationToken ct)
    {
        var o = options.Value;
        var registeredBefore = now - o.DeclarationMissingAfter;
        var due = await db.Set<Account>().AsNoTracking()
            .Where(a => a.Kind == AccountKind.Citizen && a.Status == AccountStatus.Active && a.PersonId != null && a.CreatedAt <= registeredBefore)
            .Select(a => a.PersonId!.Value).Distinct()
            .Where(id => !db.Set<HealthDeclaration>().Any(d => d.PersonId == id)
                && !db.Set<People.Person>().Any(p => p.Id == id && db.Set<Imports.PriorApplication>().Any(a => a.DocumentIndex == p.DocumentIndex))
                && !db.Set<Notice>().Any(n => n.PersonId == id && n.Kind == DeclarationReminderKind))
            .OrderBy(id => id).Take(o.BatchSize).ToListAsync(ct);
        foreach (var personId in due)
            notices.Enqueue(new NoticeMessage(personId, DeclarationReminderKind, "请完成健康信息申报",
                "您尚未填写健康信息申报，申报后方可申领健康码。请在小程序“信息申报”中填写。", now));
        await notices.FlushAsync(ct);
        return due.Count;
    }
}

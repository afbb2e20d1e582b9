using MiniCode.Data;

namespace MiniCode.Features.Faq;

/// <summary>
/// Keeps the searches the FAQ could not answer, one row per text with a count, so staff see what citizens ask and add
/// the questions missing (在线咨询). At most <see cref="FaqOptions.MaxUnansweredKept"/> texts: the longest unasked go.
/// </summary>
public sealed class UnansweredQuestions(MiniCodeDbContext db, IOptions<FaqOptions> options, TimeProvider time)
{
    public async Task RecordAsync(string query, string? region, CancellationToken ct)
    {
        var text = query.Trim();
        if (text.Length > 200) text = text[..200];
        var now = time.GetUtcNow();
        if (await IncrementAsync(text, now, ct) > 0) return;
        db.Add(new FaqUnansweredQuestion { Text = text, RegionCode = region, Count = 1, FirstAskedAt = now, LastAskedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request stored the same text meanwhile (unique index): count this one on it.
            db.ChangeTracker.Clear();
            await IncrementAsync(text, now, ct);
            return;
        }
        var kept = await db.Set<FaqUnansweredQuestion>().CountAsync(ct);
        var excess = kept - options.Value.MaxUnansweredKept;
        if (excess > 0)
        {
            var oldest = db.Set<FaqUnansweredQuestion>().OrderBy(q => q.LastAskedAt).ThenBy(q => q.Id).Take(excess).Select(q => q.Id);
            await db.Set<FaqUnansweredQuestion>().Where(q => oldest.Contains(q.Id)).ExecuteDeleteAsync(ct);
        }
    }

    private Task<int> IncrementAsync(string text, DateTimeOffset now, CancellationToken ct) =>
        db.Set<FaqUnansweredQuestion>().Where(q => q.Text == text)
            .ExecuteUpdateAsync(u => u.SetProperty(q => q.Count, q => q.Count + 1).SetProperty(q => q.LastAskedAt, now), ct);
}

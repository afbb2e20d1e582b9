using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Infrastructure.Cluster;

namespace MiniCode.Features.CodeEngine;

/// <summary>
/// 码编号: assigns each subject of a category one number from the category's rule and stores it (a number never
/// changes). No cache of its own: show-code reads a person's number with the cached <c>CodeHolder</c> (the issue
/// drops it, <see cref="CodeNumber.ClusterSignals"/>), and the other callers (poster downloads, offline cards) render
/// files they keep, so one indexed read is all a number costs them. Sequence values come in blocks from the shared counter row, taken with
/// one atomic <c>UPDATE … RETURNING</c> (row-locked on PostgreSQL), so two nodes never hand out the same value; the
/// unique index on the number is the last guard.
/// </summary>
public sealed class CodeNumberService : ICodeNumbers, IDisposable
{
    public const string RulesTopic = "code-number-rules";

    private readonly IServiceScopeFactory scopes;
    private readonly IOptions<CodeEngineOptions> options;
    private readonly BusinessCalendar calendar;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, SequenceBlock> blocks = new(StringComparer.Ordinal);
    private readonly IDisposable subscription;
    private volatile RuleSnapshot? rules;

    public CodeNumberService(IServiceScopeFactory scopes, IOptions<CodeEngineOptions> options, BusinessCalendar calendar,
        TimeProvider time, IClusterSignals signals)
    {
        this.scopes = scopes;
        this.options = options;
        this.calendar = calendar;
        this.time = time;
        subscription = signals.Subscribe(RulesTopic, _ => rules = null);
    }

    public async ValueTask<string?> NumberOfAsync(string category, long subjectId, string? regionCode, CancellationToken cancellationToken) =>
        await LoadOrAssignAsync(category, subjectId, regionCode, cancellationToken);

    /// <summary>Composes a number: prefix ‖ region (6 digits) ‖ date ‖ sequence (zero-padded, longer when it outgrows
    /// the width) ‖ check character.</summary>
    public static string Compose(CodeNumberRule rule, string? regionCode, DateOnly day, long sequence)
    {
        var text = new StringBuilder(rule.Prefix);
        if (rule.IncludeRegion) text.Append(regionCode is { Length: 6 } r && r.All(char.IsAsciiDigit) ? r : "000000");
        text.Append(rule.DatePart switch
        {
            NumberDatePart.Day => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            NumberDatePart.Month => day.ToString("yyyyMM", CultureInfo.InvariantCulture),
            NumberDatePart.Year => day.ToString("yyyy", CultureInfo.InvariantCulture),
            _ => "",
        });
        text.Append(sequence.ToString(CultureInfo.InvariantCulture).PadLeft(rule.SequenceWidth, '0'));
        if (rule.Check == CheckAlgorithm.Iso7064Mod37_36) text.Append(CheckCharacters.Mod37_36(text.ToString()));
        return text.ToString();
    }

    public void Dispose() => subscription.Dispose();

    private async Task<string?> LoadOrAssignAsync(string category, long subjectId, string? regionCode, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var existing = await FindAsync(db, category, subjectId, ct);
        if (existing is not null) return existing;
        var rule = (await RulesAsync(db, ct)).Of(category);
        if (rule is null) return null;
        var day = calendar.Today();
        // A clash on the number (a rule changed into another's shape) takes the next value; one on the subject means
        // another request or node assigned it first, and theirs is the number.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var number = Compose(rule, regionCode, day, await NextSequenceAsync(db, category, ct));
            var row = new CodeNumber { Category = category, SubjectId = subjectId, Number = number, AssignedAt = time.GetUtcNow() };
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                return number;
            }
            catch (DbUpdateException)
            {
                db.Entry(row).State = EntityState.Detached;
                if (await FindAsync(db, category, subjectId, ct) is { } theirs) return theirs;
            }
        }
        throw new InvalidOperationException($"No free code number for category {category} after 5 attempts");
    }

    private static Task<string?> FindAsync(MiniCodeDbContext db, string category, long subjectId, CancellationToken ct) =>
        db.Set<CodeNumber>().AsNoTracking().Where(n => n.Category == category && n.SubjectId == subjectId).Select(n => n.Number).FirstOrDefaultAsync(ct);

    private async Task<long> NextSequenceAsync(MiniCodeDbContext db, string category, CancellationToken ct)
    {
        var block = blocks.GetOrAdd(category, _ => new SequenceBlock());
        await block.Gate.WaitAsync(ct);
        try
        {
            if (block.Next >= block.End)
            {
                var size = (long)options.Value.SequenceBlockSize;
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO code_number_counters (category, next_value) VALUES ({category}, 1) ON CONFLICT (category) DO NOTHING", ct);
                var end = (await db.Database.SqlQuery<long>(
                    $"UPDATE code_number_counters SET next_value = next_value + {size} WHERE category = {category} RETURNING next_value AS \"Value\"")
                    .ToListAsync(ct)).Single();
                block.Next = end - size;
                block.End = end;
            }
            return block.Next++;
        }
        finally { block.Gate.Release(); }
    }

    private async Task<RuleSnapshot> RulesAsync(MiniCodeDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (rules is { } r && r.LoadedAt.AddSeconds(options.Value.CacheSeconds) > now) return r;
        var loaded = await db.Set<CodeNumberRule>().AsNoTracking().ToDictionaryAsync(x => x.Category, StringComparer.Ordinal, ct);
        return rules = new RuleSnapshot(loaded, now);
    }

    private sealed record RuleSnapshot(Dictionary<string, CodeNumberRule> Rules, DateTimeOffset LoadedAt)
    {
        public CodeNumberRule? Of(string category) => Rules.GetValueOrDefault(category);
    }

    private sealed class SequenceBlock
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public long Next { get; set; }
        public long End { get; set; }
    }
}

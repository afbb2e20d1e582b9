using System.Text.Json;
using MiniCode.Data;
using MiniCode.Features.Jobs;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Forms;

/// <summary>
/// Form answers at rest: a form may ask for anything (addresses, symptoms, phone numbers), so the answers JSON is
/// stored encrypted with the personal-data key (<c>v1:…</c>). Rows written before encryption (plain <c>{…}</c>) are
/// still read, and <see cref="FormAnswerRetention"/> encrypts them.
/// </summary>
public sealed class FormAnswerVault(PersonalDataProtector protector)
{
    /// <summary>Longest answers JSON accepted (ASCII, as the serializer escapes the rest); sealed it fits the 30,000-character column.</summary>
    public const int MaxJsonLength = 20000;

    /// <summary>The answers as JSON, or null when they are longer than <see cref="MaxJsonLength"/>.</summary>
    public static string? Serialize(IReadOnlyDictionary<string, object> answers) =>
        JsonSerializer.Serialize(answers) is { Length: <= MaxJsonLength } json ? json : null;

    public string Seal(string answersJson) => protector.Encrypt(answersJson);

    public JsonDocument Open(string stored) => JsonDocument.Parse(IsSealed(stored) ? protector.Decrypt(stored) : stored);

    public static bool IsSealed(string stored) => stored.StartsWith("v1:", StringComparison.Ordinal);

    internal string Reseal(string stored) => IsSealed(stored) ? stored : protector.Encrypt(stored);
}

/// <summary>
/// Keeps answers no longer than <see cref="FormsOptions.AnswerRetentionDays"/> (rolling, from the submission time) and
/// encrypts rows stored before encryption at rest, in batches so a large table never sits in memory.
/// </summary>
public sealed class FormAnswerRetention(MiniCodeDbContext db, FormAnswerVault vault, IOptions<FormsOptions> options, TimeProvider time)
{
    private const int BatchSize = 500;

    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.AnswerRetentionDays);
        var purged = await db.Set<FormSubmission>().Where(s => s.SubmittedAt < cutoff).ExecuteDeleteAsync(ct);
        var sealedRows = 0;
        while (true)
        {
            var plain = await db.Set<FormSubmission>().Where(s => !s.Answers.StartsWith("v1:")).OrderBy(s => s.Id).Take(BatchSize).ToListAsync(ct);
            if (plain.Count == 0) break;
            foreach (var row in plain) row.Answers = vault.Reseal(row.Answers);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            sealedRows += plain.Count;
        }
        return purged + sealedRows;
    }
}

/// <summary>Scheduled as <c>purge-form-answers</c> (rules in <see cref="FormAnswerRetention"/>).</summary>
public sealed class PurgeFormAnswersJob(FormAnswerRetention retention) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken) => new(await retention.PurgeAsync(cancellationToken));
}

using MiniCode.Data;
using System.Text.RegularExpressions;
using MiniCode.Features.Audit;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Infrastructure.Cluster;

namespace MiniCode.Features.CodeStyles;

/// <summary>The one way to change a style (retire old, activate new, audit, tell every node).</summary>
public sealed partial class CodeStyleProvider(MiniCodeDbContext db, AuditLog audit, TimeProvider time, IClusterSignals signals)
{
    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")] public static partial Regex ColourPattern();

    /// <summary>The health colours a style may be set for (wire names); null stands for every colour.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Colors = [("green", "绿码"), ("yellow", "黄码"), ("orange", "橙码"), ("red", "红码")];

    /// <summary>Adds a new active style for the category and colour and retires the one it replaces, in one SaveChanges.
    /// Input is validated by the caller.</summary>
    public async Task<CodeStyle> ActivateAsync(string actor, string category, string? color, string background, string foreground, string? icon, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var previous = await db.Set<CodeStyle>().Where(s => s.Category == category && s.Color == color && s.Active).ToListAsync(ct);
        foreach (var old in previous)
        {
            old.Active = false;
            old.RetiredAt = now;
        }
        var style = new CodeStyle { Category = category, Color = color, BackgroundColor = background, ForegroundColor = foreground, Icon = icon, Active = true, CreatedAt = now };
        db.Add(style);
        audit.Record(actor, "codestyle.activate", "code_style", color is null ? category : $"{category}:{color}", previous.FirstOrDefault()?.Snapshot(), style.Snapshot());
        await db.SaveChangesAsync(ct);
        await signals.PublishAsync(CodeStyleCache.Topic, category, ct);
        return style;
    }
}

/// <summary>
/// The active styles of every category in memory (a small table): re-read at most every <c>CacheSeconds</c> and at once
/// when any node signals a change, so renderers never query the database when warm.
/// </summary>
public sealed class CodeStyleCache : ICodeStyles, IDisposable
{
    public const string Topic = "code-styles";
    /// <summary>Re-read interval even without a signal: a lost signal still shows within the minute the manual allows.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider time;
    private readonly IDisposable subscription;
    private volatile Snapshot? current;

    public CodeStyleCache(IServiceScopeFactory scopes, TimeProvider time, IClusterSignals signals)
    {
        this.scopes = scopes;
        this.time = time;
        subscription = signals.Subscribe(Topic, _ => current = null);
    }

    public async ValueTask<CodeLook?> FindAsync(string category, string? color, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var snapshot = current is { } s && s.LoadedAt + Lifetime > now ? s : await LoadAsync(now, cancellationToken);
        return color is not null && snapshot.Looks.TryGetValue(Key(category, color), out var exact) ? exact
            : snapshot.Looks.GetValueOrDefault(Key(category, null));
    }

    public void Dispose() => subscription.Dispose();

    private static string Key(string category, string? color) => color is null ? category : category + ":" + color;

    private async Task<Snapshot> LoadAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var active = await db.Set<CodeStyle>().AsNoTracking().Where(s => s.Active).OrderBy(s => s.Id).ToListAsync(ct);
        var looks = new Dictionary<string, CodeLook>(StringComparer.Ordinal);
        foreach (var style in active) looks[Key(style.Category, style.Color)] = new CodeLook(style.ForegroundColor, style.BackgroundColor, style.Icon);
        var snapshot = new Snapshot(looks, now);
        current = snapshot;
        return snapshot;
    }

    private sealed record Snapshot(Dictionary<string, CodeLook> Looks, DateTimeOffset LoadedAt);
}

using MiniCode.Data;
using System.Text.RegularExpressions;
using MiniCode.Features.Audit;

namespace MiniCode.Features.CodeStyles;

public sealed record CodeStyleDto(string CodeType, string BackgroundColor, string ForegroundColor, string? Icon);

/// <summary>The active style per code type, for show-code; and the one way to change it (retire old, activate new, audit).</summary>
public sealed partial class CodeStyleProvider(MiniCodeDbContext db, AuditLog audit, TimeProvider time)
{
    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")] public static partial Regex ColourPattern();
    [GeneratedRegex("^[a-z][a-z0-9_-]{0,29}$")] public static partial Regex CodeTypePattern();

    /// <summary>The active style of <paramref name="codeType"/>, or null when none was set.</summary>
    public async Task<CodeStyleDto?> GetActiveAsync(string codeType, CancellationToken ct = default)
    {
        var style = await db.Set<CodeStyle>().AsNoTracking().Where(s => s.CodeType == codeType && s.Active)
            .OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        return style is null ? null : new CodeStyleDto(style.CodeType, style.BackgroundColor, style.ForegroundColor, style.Icon);
    }

    /// <summary>Adds a new active style for the code type and retires the one it replaces, in one SaveChanges. Input is validated by the caller.</summary>
    public async Task<CodeStyle> ActivateAsync(string actor, string codeType, string background, string foreground, string? icon, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var previous = await db.Set<CodeStyle>().Where(s => s.CodeType == codeType && s.Active).ToListAsync(ct);
        foreach (var old in previous)
        {
            old.Active = false;
            old.RetiredAt = now;
        }
        var style = new CodeStyle { CodeType = codeType, BackgroundColor = background, ForegroundColor = foreground, Icon = icon, Active = true, CreatedAt = now };
        db.Add(style);
        audit.Record(actor, "codestyle.activate", "code_style", codeType, previous.FirstOrDefault()?.Snapshot(), style.Snapshot());
        await db.SaveChangesAsync(ct);
        return style;
    }
}

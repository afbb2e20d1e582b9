namespace MiniCode.Features.HealthCodes.Signing;

/// <summary>
/// Extension point for the code engine: the human-readable code number (码编号) printed under every QR code of a
/// subject. Assigned once per subject and category and never changed. Show-code asks only for a person whose cached
/// <c>CodeHolder</c> has none yet (the first showing); the default (no code engine) knows none.
/// </summary>
public interface ICodeNumbers
{
    /// <summary>The subject's number in <paramref name="category"/>, assigned on first use; <paramref name="regionCode"/>
    /// only feeds a rule's region part when the number is first made.</summary>
    ValueTask<string?> NumberOfAsync(string category, long subjectId, string? regionCode, CancellationToken cancellationToken);
}

/// <summary>How a code is drawn: colours "#RRGGBB" and an icon the mini program understands (null = the default).</summary>
public sealed record CodeLook(string Foreground, string Background, string? Icon);

/// <summary>
/// Extension point for the code styles (码样式): the active look of a category's codes, for one colour or for all of
/// them. Answers from memory when warm; the default (no styles feature) has none, and renderers keep their own colours.
/// </summary>
public interface ICodeStyles
{
    /// <summary>The style set for <paramref name="category"/> and <paramref name="color"/> (wire name, e.g. "green"),
    /// else the category's style for every colour, else null.</summary>
    ValueTask<CodeLook?> FindAsync(string category, string? color, CancellationToken cancellationToken);
}

internal sealed class NoCodeNumbers : ICodeNumbers
{
    public ValueTask<string?> NumberOfAsync(string category, long subjectId, string? regionCode, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}

internal sealed class NoCodeStyles : ICodeStyles
{
    public ValueTask<CodeLook?> FindAsync(string category, string? color, CancellationToken cancellationToken) => ValueTask.FromResult<CodeLook?>(null);
}

/// <summary>What a third-party code's verification answers: valid or why not, and whose code it is.</summary>
public sealed record ForeignCodeResult(bool Valid, VerifyFailure? Reason, string Category, string Issuer, string? Subject,
    DateTimeOffset? IssuedAt, DateTimeOffset? ExpiresAt);

/// <summary>
/// Extension point for the code engine's third-party issuers (第三方码): the verify endpoint asks it only for payloads
/// that are not MC1, so the MiniCode path never waits on it. Null = no registered issuer's prefix matches. Throws
/// <see cref="HealthCodeErrors.IssuerKeysUnavailable"/> when the issuer's keys are past their stale limit.
/// </summary>
public interface IForeignCodeVerifier
{
    Task<ForeignCodeResult?> VerifyAsync(string payload, CancellationToken cancellationToken);
}

internal sealed class NoForeignCodes : IForeignCodeVerifier
{
    public Task<ForeignCodeResult?> VerifyAsync(string payload, CancellationToken cancellationToken) => Task.FromResult<ForeignCodeResult?>(null);
}

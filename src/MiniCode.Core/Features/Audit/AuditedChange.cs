namespace MiniCode.Features.Audit;

/// <summary>
/// What a service changed on a tracked row, before and after (masked where personal), for the caller to record with
/// the change in one SaveChanges (the admin's AuditTrail). <see cref="Changed"/> is false when nothing differed.
/// </summary>
public sealed record AuditedChange(object Before, object After, bool Changed);

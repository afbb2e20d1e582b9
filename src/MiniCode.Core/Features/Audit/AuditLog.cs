using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MiniCode.Data;

namespace MiniCode.Features.Audit;

/// <summary>
/// Adds audit entries to the current unit of work: the entry is saved by the caller's SaveChanges,
/// so an action and its audit trail commit together or not at all.
/// </summary>
public sealed class AuditLog(MiniCodeDbContext db, TimeProvider time, IHttpContextAccessor http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public AuditEntry Record(string actor, string action, string targetType, string? targetId, object? before = null, object? after = null)
    {
        var entry = new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
            RequestId = http.HttpContext?.TraceIdentifier,
        };
        db.Add(entry);
        return entry;
    }
}

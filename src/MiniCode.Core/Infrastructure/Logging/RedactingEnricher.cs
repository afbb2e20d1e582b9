using Serilog.Core;
using Serilog.Events;

namespace MiniCode.Infrastructure.Logging;

/// <summary>
/// Last line of defence before any sink: properties named like secrets are replaced outright, and string
/// values are scrubbed of phone and ID numbers, so a careless log call cannot leak them.
/// </summary>
internal sealed class RedactingEnricher : ILogEventEnricher
{
    private static readonly string[] SecretNameParts =
        ["password", "secret", "token", "sessionkey", "session_key", "authorization", "cookie", "smscode", "idnumber", "phone", "privatekey", "apikey"];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var replacement = Redact(name, value);
            if (!ReferenceEquals(replacement, value)) logEvent.AddOrUpdateProperty(new LogEventProperty(name, replacement));
        }
    }

    private static LogEventPropertyValue Redact(string name, LogEventPropertyValue value)
    {
        var lower = name.ToLowerInvariant();
        if (SecretNameParts.Any(lower.Contains)) return new ScalarValue("***");
        return value switch
        {
            ScalarValue { Value: string s } when SensitiveDataMasker.Scrub(s) is var scrubbed && scrubbed != s => new ScalarValue(scrubbed),
            SequenceValue seq => new SequenceValue(seq.Elements.Select(e => Redact("", e))),
            StructureValue st => new StructureValue(st.Properties.Select(p => new LogEventProperty(p.Name, Redact(p.Name, p.Value))), st.TypeTag),
            DictionaryValue d => new DictionaryValue(d.Elements.Select(kv => new KeyValuePair<ScalarValue, LogEventPropertyValue>(kv.Key, Redact(kv.Key.Value?.ToString() ?? "", kv.Value)))),
            _ => value,
        };
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Infrastructure.OpenApi;

/// <summary>
/// Which properties of a request DTO the server refuses to go without, found by running its own
/// <see cref="IValidatable"/> rules rather than kept by hand: a property is required when leaving it out (rather than
/// sending its example value) adds a field error whatever else is sent — nothing else, everything else, or any one
/// other property alone — so "A or B" rules and rules that depend on another field make neither required. Request
/// DTOs declare their properties nullable so that a missing field reaches these rules and gets a field error, not a
/// deserialisation error.
/// </summary>
internal static class RequestRequirements
{
    private static readonly ConcurrentDictionary<Type, IReadOnlySet<string>?> Cache = new();

    /// <summary>The JSON names of the required properties, or null when the rules cannot be probed (they threw).</summary>
    public static IReadOnlySet<string>? Of(Type type, JsonSerializerOptions options, IServiceProvider services) =>
        Cache.GetOrAdd(type, t => Probe(t, options, services));

    private static IReadOnlySet<string>? Probe(Type type, JsonSerializerOptions options, IServiceProvider services)
    {
        var names = options.GetTypeInfo(type).Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null)
            .Select(p => p.Name).ToList();
        using var scope = services.CreateScope();
        HashSet<string>? Refused(Func<string, bool> present) => RefusedFields(type, options, scope.ServiceProvider, n => !present(n));
        // The other properties sent alongside: none, all, and each one alone.
        var contexts = new List<(string? Alone, Func<string, bool> Sent)> { (null, _ => false), (null, _ => true) };
        contexts.AddRange(names.Select(q => ((string?)q, (Func<string, bool>)(n => n == q))));
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var refusedEverywhere = true;
            foreach (var (alone, sent) in contexts.Where(c => c.Alone != name))
            {
                var without = Refused(n => n != name && sent(n));
                var with = Refused(n => n == name || sent(n));
                if (without is null || with is null) return null;
                if (!without.Except(with).Any()) { refusedEverywhere = false; break; }
            }
            if (refusedEverywhere) required.Add(name);
        }
        return required;
    }

    /// <summary>The fields the rules name for an instance with the <paramref name="absent"/> properties left out.</summary>
    private static HashSet<string>? RefusedFields(Type type, JsonSerializerOptions options, IServiceProvider services, Func<string, bool> absent)
    {
        try
        {
            if (ExampleValues.Instance(type, options, absent) is not IValidatable request) return null;
            var errors = new InputValidator();
            request.Validate(errors, services);
            return errors.Errors.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null; // rules that cannot run on made-up values say nothing; the type keeps its declared shape
        }
    }
}

using System.Text.RegularExpressions;

namespace MiniCode.Features.Jobs;

/// <summary>A job a feature registered with <see cref="JobsSetup.AddMiniCodeJob{TJob}"/>.</summary>
public sealed partial record JobRegistration(string Name, string Description, Type JobType)
{
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9-]{1,62}$")]
    private static partial Regex NamePattern();
}

/// <summary>All registered jobs by name.</summary>
public sealed class JobRegistry
{
    private readonly Dictionary<string, JobRegistration> _byName;

    public JobRegistry(IEnumerable<JobRegistration> registrations)
    {
        _byName = new(StringComparer.Ordinal);
        foreach (var r in registrations)
            if (!_byName.TryAdd(r.Name, r))
                throw new InvalidOperationException($"Job '{r.Name}' is registered twice.");
    }

    public IReadOnlyCollection<JobRegistration> All => _byName.Values.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();

    public JobRegistration? Find(string name) => _byName.GetValueOrDefault(name);
}

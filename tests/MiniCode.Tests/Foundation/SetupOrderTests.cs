using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Foundation;

/// <summary>
/// Program.cs lists the features in no particular order: each one registers only its own services, and extension
/// points are filled with TryAdd in the owner and Replace in the provider. Built in the listed order, reversed and
/// shuffled, the host must hold the same registrations, resolve every single service to the same implementation,
/// start-validate the same options and serve the same endpoints.
/// </summary>
public sealed class SetupOrderTests
{
    /// <summary>Reversed for seed 0, else shuffled with the seed (fixed, so a failure can be replayed).</summary>
    private static List<MethodInfo> Arrange(IReadOnlyList<MethodInfo> methods, int seed)
    {
        if (seed == 0) return methods.Reverse().ToList();
        var random = new Random(seed);
        return methods.OrderBy(_ => random.Next()).ToList();
    }

    [Fact]
    public void Program_lists_every_feature()
    {
        var program = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot(), "src", "MiniCode.Host", "Program.cs"));
        Assert.True(FeatureHost.Adds.Count >= 15, $"only {FeatureHost.Adds.Count} AddXxx found");
        Assert.All(FeatureHost.Adds, m => Assert.Contains($"builder.{m.Name}();", program));
        Assert.All(FeatureHost.Maps, m => Assert.Contains($"app.{m.Name}();", program));
    }

    [Fact]
    public async Task In_the_listed_order_every_service_of_ours_resolves_and_every_option_is_valid()
    {
        await using var app = FeatureHost.Build(FeatureHost.Adds, FeatureHost.Maps, out var registrations);
        await using var scope = app.Services.CreateAsyncScope();
        var ours = registrations.Select(d => d.ServiceType)
            .Where(t => t.Namespace?.StartsWith("MiniCode", StringComparison.Ordinal) == true && !t.ContainsGenericParameters).Distinct();
        foreach (var type in ours) Assert.NotNull(scope.ServiceProvider.GetService(type));
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Contains(FeatureHost.Endpoints(app), e => e.Contains("/api/me/code", StringComparison.Ordinal));
        Assert.Contains(FeatureHost.Endpoints(app), e => e.Contains("Admin/Login", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(14)]
    [InlineData(2026)]
    public async Task Another_order_gives_the_same_host(int seed)
    {
        await using var listed = FeatureHost.Build(FeatureHost.Adds, FeatureHost.Maps, out var expected);
        await using var other = FeatureHost.Build(Arrange(FeatureHost.Adds, seed), Arrange(FeatureHost.Maps, seed), out var actual);

        AssertSameMultiset(expected.Select(FeatureHost.Describe), actual.Select(FeatureHost.Describe));
        Assert.Equal(SingleServices(expected), SingleServices(actual));
        Assert.Equal(FeatureHost.Endpoints(listed), FeatureHost.Endpoints(other));
        other.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    private static void AssertSameMultiset(IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var counts = expected.CountBy(x => x).ToDictionary();
        foreach (var item in actual) counts[item] = counts.GetValueOrDefault(item) - 1;
        var differences = counts.Where(c => c.Value != 0)
            .Select(c => $"{(c.Value > 0 ? "only in the listed order" : "only in the other order")} ({Math.Abs(c.Value)}x): {c.Key}").ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    /// <summary>
    /// Our service types that are resolved one at a time, with the registration that wins (the last). Types that some
    /// class takes as <c>IEnumerable&lt;T&gt;</c> (deletion participants, notice channels, ...) are lists, where every
    /// registration counts and the multiset comparison covers them.
    /// </summary>
    private static Dictionary<string, string> SingleServices(IReadOnlyList<ServiceDescriptor> registrations)
    {
        var lists = registrations.SelectMany(d => ConstructorParameters(d.ImplementationType))
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .Select(t => t.GetGenericArguments()[0]).ToHashSet();
        return registrations
            .Where(d => d.ServiceType.Namespace?.StartsWith("MiniCode", StringComparison.Ordinal) == true && !lists.Contains(d.ServiceType))
            .GroupBy(d => d.ServiceType)
            .ToDictionary(g => g.Key.FullName!, g => FeatureHost.Describe(g.Last()));
    }

    /// <summary>The parameter types of our constructors; a <c>Deferred&lt;T&gt;</c> counts as the T it resolves.</summary>
    private static IEnumerable<Type> ConstructorParameters(Type? type) =>
        type?.Namespace?.StartsWith("MiniCode", StringComparison.Ordinal) == true
            ? type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)
                .Select(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(MiniCode.Infrastructure.Hosting.Deferred<>) ? t.GetGenericArguments()[0] : t)
            : [];
}

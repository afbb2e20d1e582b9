using System.Reflection;
using System.Text.Json.Serialization;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Tests.Contracts;

/// <summary>
/// A request type's computed properties (derived for the service, such as a parsed role) are not part of the wire:
/// without <see cref="JsonIgnoreAttribute"/> they would appear in the request schemas as fields a client may send.
/// </summary>
public sealed class RequestPropertiesConventionTests
{
    [Fact]
    public void Computed_properties_of_request_types_are_left_out_of_the_json()
    {
        var requests = typeof(IValidatable).Assembly.GetTypes().Where(t => t is { IsAbstract: false } && typeof(IValidatable).IsAssignableFrom(t)).ToList();
        Assert.True(requests.Count > 30, "the request types were found");
        var exposed = requests.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is null && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();
        Assert.Empty(exposed);
    }
}

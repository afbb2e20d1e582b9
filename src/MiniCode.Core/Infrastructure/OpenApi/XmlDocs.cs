using System.Collections.Concurrent;
using System.Reflection;
using System.Xml.Linq;

namespace MiniCode.Infrastructure.OpenApi;

/// <summary>
/// The <c>&lt;summary&gt;</c> of a member from its assembly's XML documentation file (built with
/// <c>GenerateDocumentationFile</c> and copied next to the assembly), for what the OpenAPI generator does not carry
/// itself: the meaning of each enum member.
/// </summary>
internal static class XmlDocs
{
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyDictionary<string, string>> Files = new();

    /// <summary>The summary of enum member <paramref name="member"/> of <paramref name="enumType"/>, whitespace collapsed; null when undocumented.</summary>
    public static string? EnumMember(Type enumType, string member)
    {
        var docs = Files.GetOrAdd(enumType.Assembly, Load);
        return docs.TryGetValue($"F:{enumType.FullName!.Replace('+', '.')}.{member}", out var summary) ? summary : null;
    }

    private static IReadOnlyDictionary<string, string> Load(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (string.IsNullOrEmpty(assembly.Location) || !File.Exists(path)) return new Dictionary<string, string>();
        return XDocument.Load(path).Descendants("member")
            .Where(m => m.Attribute("name")?.Value.StartsWith("F:", StringComparison.Ordinal) == true && m.Element("summary") is not null)
            .ToDictionary(m => m.Attribute("name")!.Value,
                m => string.Join(' ', m.Element("summary")!.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparer.Ordinal);
    }
}

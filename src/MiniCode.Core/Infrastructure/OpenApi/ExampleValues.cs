using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Infrastructure.OpenApi;

/// <summary>
/// Overrides the synthesized example of one DTO property in the OpenAPI document (<c>[property: Example("…")]</c> on a
/// record parameter), where the value by name and type would mislead. Values are fake; personal data masked in answers.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ExampleAttribute(object value) : Attribute
{
    public object Value { get; } = value;
}

/// <summary>
/// Builds example instances of DTO types, the same for the document's <c>example</c>s and for probing which request
/// properties the validation refuses to go without (<see cref="RequestRequirements"/>): a property's value comes from
/// its <see cref="ExampleAttribute"/>, else from its JSON name (realistic, fake: phone, ID number, region code…), else
/// from its type. Requests carry full values, answers the masked ones the server shows. Deterministic (the drift test).
/// </summary>
internal static class ExampleValues
{
    private static readonly DateTimeOffset SampleTime = new(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(8));
    private const int MaxDepth = 4;

    /// <summary>Fake values by JSON property name: (in a request, in an answer).</summary>
    private static readonly Dictionary<string, (object Request, object Answer)> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["phone"] = ("13800138000", "138****8000"),
        ["contactPhone"] = ("13800138000", "138****8000"),
        ["idNumber"] = ("110101199003074514", "1101**********4514"),
        ["number"] = ("110101199003074514", "1101**********4514"),
        ["documentNumber"] = ("110101199003074514", "1101**********4514"),
        ["name"] = ("张三", "张*"),
        ["maskedName"] = ("张*", "张*"),
        ["contactName"] = ("李四", "李*"),
        ["holderName"] = ("张三", "张*"),
        ["regionCode"] = ("110101", "110101"),
        ["region"] = ("110101", "110101"),
        ["code"] = ("123456", "123456"),
        ["smsCode"] = ("123456", "123456"),
        ["authCode"] = ("4b203fe6c11548bcabd8da5bb087a83b", "4b203fe6c11548bcabd8da5bb087a83b"),
        ["password"] = ("Example@2026", "Example@2026"),
        ["newPassword"] = ("Example@2027", "Example@2027"),
        ["currentPassword"] = ("Example@2026", "Example@2026"),
        ["username"] = ("zhangsan2026", "zhangsan2026"),
        ["login"] = ("13800138000", "13800138000"),
        ["token"] = ("s1.eXampleOpaqueSessionToken", "s1.eXampleOpaqueSessionToken"),
        ["payload"] = ("MC1:EXAMPLE", "MC1:EXAMPLE"),
        ["address"] = ("示例市示例区示例路1号", "示例市示例区示例路1号"),
        ["venueName"] = ("示例便利店", "示例便利店"),
        ["creditCode"] = ("91110000600037341L", "9111**********341L"),
        ["temperature"] = (36.5m, 36.5m),
        ["gender"] = ("male", "male"),
        ["documentType"] = ("residentId", "residentId"),
        ["purpose"] = ("login", "login"),
        ["idempotencyKey"] = ("b7c1e0f2-5a4d-4c1e-9f3a-2d6b8e4a1c90", "b7c1e0f2-5a4d-4c1e-9f3a-2d6b8e4a1c90"),
        ["remarks"] = ("无", "无"),
        ["relation"] = ("父亲", "父亲"),
    };

    public static bool IsRequestType(Type type) => typeof(IValidatable).IsAssignableFrom(type) || type.Name.EndsWith("Request", StringComparison.Ordinal);

    /// <summary>The example of <paramref name="type"/> as JSON, or null when none can be made (abstract, files, streams).</summary>
    public static JsonNode? Json(Type type, JsonSerializerOptions options)
    {
        try
        {
            var value = Value(type, null, null, IsRequestType(type), options, 0);
            return value is null ? null : JsonSerializer.SerializeToNode(value, type, options);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException or TargetInvocationException or MissingMethodException)
        {
            return null;
        }
    }

    /// <summary>
    /// An instance of the object type <paramref name="type"/> whose properties are examples, except those for which
    /// <paramref name="absent"/> is true (by JSON name): those get what JSON deserialisation leaves when they are left out.
    /// </summary>
    public static object? Instance(Type type, JsonSerializerOptions options, Func<string, bool> absent) =>
        Build(type, absent, IsRequestType(type), options, 0);

    private static object? Value(Type type, string? jsonName, ICustomAttributeProvider? member, bool request, JsonSerializerOptions options, int depth)
    {
        if (member?.GetCustomAttributes(typeof(ExampleAttribute), true).FirstOrDefault() is ExampleAttribute attribute)
            return Convert(attribute.Value, type);
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (jsonName is not null && ByName.TryGetValue(jsonName, out var named))
        {
            var byName = Convert(request ? named.Request : named.Answer, underlying);
            if (byName is not null) return byName;
        }
        if (underlying == typeof(string)) return jsonName is null ? "示例" : "示例" + jsonName;
        if (underlying == typeof(bool)) return true;
        if (underlying == typeof(int)) return 1;
        if (underlying == typeof(long)) return 1001L;
        if (underlying == typeof(short)) return (short)1;
        if (underlying == typeof(byte)) return (byte)1;
        if (underlying == typeof(decimal)) return 1.5m;
        if (underlying == typeof(double)) return 1.5d;
        if (underlying == typeof(float)) return 1.5f;
        if (underlying == typeof(DateTimeOffset)) return SampleTime;
        if (underlying == typeof(DateTime)) return SampleTime.UtcDateTime;
        if (underlying == typeof(DateOnly)) return DateOnly.FromDateTime(SampleTime.Date);
        if (underlying == typeof(TimeOnly)) return new TimeOnly(9, 30);
        if (underlying == typeof(TimeSpan)) return TimeSpan.FromMinutes(30);
        if (underlying == typeof(Guid)) return new Guid("3f2b8c1e-7d4a-4e59-a6b1-0c9d8e7f6a5b");
        if (underlying == typeof(Uri)) return new Uri("https://example.invalid/");
        if (underlying.IsEnum) return Enum.GetValues(underlying).GetValue(0);
        if (underlying == typeof(JsonElement) || underlying == typeof(object)) return JsonSerializer.SerializeToElement(new { field1 = "示例" });
        if (underlying == typeof(JsonNode) || underlying == typeof(JsonObject)) return new JsonObject { ["field1"] = "示例" };
        if (depth >= MaxDepth) return null;
        if (Dictionary(underlying) is { } dict) return dict(Value(DictionaryValueType(underlying), null, null, request, options, depth + 1));
        if (ElementType(underlying) is { } element) return List(underlying, element, Value(element, null, null, request, options, depth + 1));
        return Build(underlying, _ => false, request, options, depth + 1);
    }

    private static object? Build(Type type, Func<string, bool> absent, bool request, JsonSerializerOptions options, int depth)
    {
        if (type.IsAbstract || type.IsInterface || type.IsPrimitive || typeof(Stream).IsAssignableFrom(type) || type.Namespace?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true)
            return null;
        var info = options.GetTypeInfo(type);
        if (info.Kind != JsonTypeInfoKind.Object) return Value(type, null, null, request, options, depth);
        var properties = info.Properties
            .Select(p => (Json: p, Clr: p.AttributeProvider as PropertyInfo))
            .Where(p => p.Clr is not null).ToList();
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (constructor is null) return null;
        var parameters = constructor.GetParameters();
        object? ValueOf(string clrName, Type memberType, ParameterInfo? parameter)
        {
            var (json, clr) = properties.FirstOrDefault(x => string.Equals(x.Clr!.Name, clrName, StringComparison.OrdinalIgnoreCase));
            if (json is not null && absent(json.Name)) return Absent(memberType, parameter);
            if (parameter?.GetCustomAttribute<ExampleAttribute>() is { } attribute) return Convert(attribute.Value, memberType);
            return Value(memberType, json?.Name, clr, request, options, depth);
        }
        var instance = constructor.Invoke(parameters.Select(p => ValueOf(p.Name!, p.ParameterType, p)).ToArray());
        foreach (var (_, clr) in properties)
            if (clr!.SetMethod is { IsPublic: true } && !parameters.Any(p => string.Equals(p.Name, clr.Name, StringComparison.OrdinalIgnoreCase)))
                clr.SetValue(instance, ValueOf(clr.Name, clr.PropertyType, null));
        return instance;
    }

    /// <summary>What deserialisation leaves for a property left out of the JSON: the parameter's default, else default(T).</summary>
    private static object? Absent(Type type, ParameterInfo? parameter) =>
        parameter is { HasDefaultValue: true } ? parameter.DefaultValue : type.IsValueType ? Activator.CreateInstance(type) : null;

    private static object? Convert(object value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsInstanceOfType(value)) return value;
        if (value is string s && target == typeof(DateOnly)) return DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        if (value is IConvertible && (target.IsPrimitive || target == typeof(decimal) || target == typeof(string)))
            return System.Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
        return null;
    }

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        return type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;
    }

    private static object List(Type collection, Type element, object? item)
    {
        var array = Array.CreateInstance(element, item is null ? 0 : 1);
        if (item is not null) array.SetValue(item, 0);
        if (collection.IsArray || collection.IsAssignableFrom(array.GetType())) return array;
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        if (item is not null) list.Add(item);
        if (collection.IsInstanceOfType(list)) return list;
        return Activator.CreateInstance(collection, list) ?? list; // HashSet<T> and the like take an IEnumerable<T>
    }

    private static Func<object?, object>? Dictionary(Type type)
    {
        var dictionary = type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d
            && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)));
        if (dictionary is null || dictionary.GetGenericArguments()[0] != typeof(string)) return null;
        var concrete = typeof(Dictionary<,>).MakeGenericType(dictionary.GetGenericArguments());
        return item =>
        {
            var d = (IDictionary)Activator.CreateInstance(concrete)!;
            if (item is not null) d["key"] = item;
            return d;
        };
    }

    private static Type DictionaryValueType(Type type) =>
        type.GetInterfaces().Append(type).First(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d
            && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>))).GetGenericArguments()[1];
}

using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MiniCode.Admin;
using MiniCode.Data;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Tests.Foundation;

/// <summary>
/// Every options class names its section (<see cref="ISectionOptions"/>) and is registered through
/// <see cref="ValidatedOptionsExtensions.AddValidatedOptions{T}"/>: bound to configuration, validated by its
/// annotations, and validated when the host starts.
/// </summary>
public sealed class OptionsRegistrationTests
{
    private static readonly List<Type> Types =
        (from assembly in new[] { typeof(ISectionOptions).Assembly, typeof(AdminSetup).Assembly }
         from type in assembly.GetTypes()
         where !type.IsInterface && type.GetMember("Section", BindingFlags.Public | BindingFlags.Static).Length > 0
         select type).ToList();

    [Fact]
    public void Every_class_with_a_section_is_section_options()
    {
        // The data layer registers DatabaseOptions itself (AddMiniCodeData).
        var missing = Types.Where(t => t != typeof(DatabaseOptions) && !typeof(ISectionOptions).IsAssignableFrom(t)).Select(t => t.Name);
        Assert.Empty(missing);
        var sections = Types.Select(t => t.GetProperty("Section")?.GetValue(null) ?? t.GetField("Section")!.GetValue(null)).ToList();
        Assert.Equal(sections.Count, sections.Distinct().Count());
    }

    [Fact]
    public async Task Every_section_options_is_bound_annotation_checked_and_checked_on_start()
    {
        var sectionOptions = Types.Where(typeof(ISectionOptions).IsAssignableFrom).ToList();
        Assert.True(sectionOptions.Count >= 25, $"only {sectionOptions.Count} options classes found");
        await using var app = FeatureHost.Build(FeatureHost.Adds, FeatureHost.Maps, out var registrations);
        foreach (var type in sectionOptions)
        {
            Assert.True(registrations.Any(d => d.ServiceType == typeof(IOptionsChangeTokenSource<>).MakeGenericType(type)), $"{type.Name} is not bound to configuration");
            Assert.True(registrations.Any(d => d.ServiceType == typeof(IValidateOptions<>).MakeGenericType(type)
                && d.ImplementationInstance?.GetType() == typeof(DataAnnotationValidateOptions<>).MakeGenericType(type)), $"{type.Name} is not checked against its annotations");
        }

        // Start-up validation resolves each options class it was told about; count them through a recording validator.
        var seen = new HashSet<Type>();
        var services = new ServiceCollection();
        foreach (var d in registrations) ((ICollection<ServiceDescriptor>)services).Add(d);
        foreach (var type in sectionOptions)
            services.AddSingleton(typeof(IValidateOptions<>).MakeGenericType(type), Activator.CreateInstance(typeof(Recorder<>).MakeGenericType(type), seen)!);
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Empty(sectionOptions.Except(seen).Select(t => t.Name));
    }

    public static TheoryData<object, string> BrokenOptions => new()
    {
        { new MiniCode.Features.HealthCodes.Notices.NoticeDeliveryOptions { FirstRetryDelay = TimeSpan.FromHours(2) }, "MaxRetryDelay" },
        { new MiniCode.Infrastructure.Time.BusinessCalendarOptions { TimeZone = "Mars/Olympus" }, "Mars/Olympus" },
        { new MiniCode.Features.HealthCodes.Notices.NoticePlatformOptions { WeChat = { TitleKey = "" } }, "TitleKey" },
        { new MiniCode.Features.Identity.IdentityOptions { Sms = { CodeLifetime = TimeSpan.FromMinutes(11) } }, "CodeLifetime" },
        { new MiniCode.Features.Jobs.JobsOptions { Retry = { Attempts = 99 } }, "Attempts" },
        { new MiniCode.Platform.Sms.SmsOptions { Provider = MiniCode.Platform.Sms.SmsProvider.Aliyun }, "AccessKeyId" },
    };

    /// <summary>Nested objects ([ValidateObjectMembers]) and rules across settings (IValidatableObject) are checked too.</summary>
    [Theory]
    [MemberData(nameof(BrokenOptions))]
    public void Nested_and_cross_setting_rules_are_checked(object options, string named)
    {
        var validator = Activator.CreateInstance(typeof(DataAnnotationValidateOptions<>).MakeGenericType(options.GetType()), [null])!;
        var result = (ValidateOptionsResult)validator.GetType().GetMethod("Validate")!.Invoke(validator, [null, options])!;
        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage);
    }

    private sealed class Recorder<T>(HashSet<Type> seen) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            lock (seen) seen.Add(typeof(T));
            return ValidateOptionsResult.Skip;
        }
    }
}

namespace MiniCode.Infrastructure.Hosting;

/// <summary>Options bound to one configuration section, which the class names itself.</summary>
public interface ISectionOptions
{
    /// <summary>The configuration section, e.g. <c>MiniCode:Posters</c>.</summary>
    static abstract string Section { get; }
}

public static class ValidatedOptionsExtensions
{
    /// <summary>
    /// The one way a feature registers its options: bound to <c>T.Section</c> of the app's configuration when first
    /// read (so settings added by tests or the command line apply), checked against their data annotations, and
    /// checked when the host starts, so a bad setting stops the start instead of the first request that needs it.
    /// Nested option objects are checked when their property carries <see cref="ValidateObjectMembersAttribute"/>;
    /// rules across several settings go in <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services) where T : class, ISectionOptions =>
        services.AddOptions<T>().BindConfiguration(T.Section).ValidateDataAnnotations().ValidateOnStart();
}

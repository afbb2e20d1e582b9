using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Infrastructure.Security;

/// <summary>Section <c>Security:Passwords</c>.</summary>
public sealed class PasswordHashOptions : ISectionOptions
{
    public static string Section => "Security:Passwords";

    /// <summary>OWASP's 2023 floor for PBKDF2-SHA256, required of every deployment.</summary>
    public const int DeploymentMinimum = 600_000;

    /// <summary>
    /// PBKDF2-SHA256 iterations for new hashes (stored hashes keep their own count). At least
    /// <see cref="DeploymentMinimum"/> outside Development and the tests, which may go lower so that hundreds of test
    /// hosts do not spend minutes of CPU hashing their bootstrap passwords.
    /// </summary>
    [Range(1_000, 10_000_000)]
    public int Iterations { get; set; } = DeploymentMinimum;
}

/// <summary>Refuses the start of a deployment whose password hashes would be weaker than <see cref="PasswordHashOptions.DeploymentMinimum"/>.</summary>
internal sealed class PasswordHashOptionsValidator(IHostEnvironment environment) : IValidateOptions<PasswordHashOptions>
{
    public ValidateOptionsResult Validate(string? name, PasswordHashOptions options) =>
        options.Iterations < PasswordHashOptions.DeploymentMinimum && !environment.AllowsDevelopmentDefaults()
            ? ValidateOptionsResult.Fail($"{PasswordHashOptions.Section}:Iterations must be at least {PasswordHashOptions.DeploymentMinimum} in {environment.EnvironmentName}")
            : ValidateOptionsResult.Success;
}

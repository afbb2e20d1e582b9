using Microsoft.Extensions.Options;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.HealthCodes.Signing;

/// <summary>
/// Marker options: validating it at start-up reads the code-signing keys, so a malformed entry stops the start with
/// its reason instead of answering 500 on the first show-code.
/// </summary>
public sealed class SigningKeysCheck;

internal sealed class SigningKeysValidator(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    : IValidateOptions<SigningKeysCheck>
{
    public ValidateOptionsResult Validate(string? name, SigningKeysCheck options)
    {
        // A missing setting is named by the required-settings check, with everything else that is missing.
        if (string.IsNullOrWhiteSpace(configuration[SigningKeyRing.KeysSetting]) && !environment.AllowsDevelopmentDefaults())
            return ValidateOptionsResult.Success;
        try
        {
            services.GetRequiredService<SigningKeyRing>();
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}

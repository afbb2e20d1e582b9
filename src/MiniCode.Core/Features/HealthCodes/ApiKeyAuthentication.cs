using MiniCode.Infrastructure.Errors;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using MiniCode.Features.HealthCodes.Applications;

namespace MiniCode.Features.HealthCodes;

/// <summary>
/// Machine clients authenticate with header <c>X-Api-Key</c>: the health authority (imports) with the key of
/// <c>MiniCode:HealthCodes:ApiKeys:Authority</c> (compared in constant time), registered code applications (码应用 /
/// 扫码应用) with their key, looked up by its hash in the <see cref="ApplicationDirectory"/> cache. An application's
/// permissions travel with the request as an <see cref="ApplicationGrant"/> feature.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyRegistry registry, ApplicationDirectory applications) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values)) return AuthenticateResult.NoResult();
        var key = values.ToString();
        if (registry.IsAuthority(key)) return Success("health-authority", ApiKeyRegistry.AuthorityRole);
        if (await applications.FindAsync(key, Context.RequestAborted) is not { } grant) return AuthenticateResult.Fail("unknown key");
        Context.Features.Set(grant);
        return Success(grant.StatisticsKey, ApiKeyRegistry.ApplicationRole);
    }

    private static AuthenticateResult Success(string name, string role) => AuthenticateResult.Success(new AuthenticationTicket(
        new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], SchemeName)), SchemeName));

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        throw new ApiException(Request.Headers.ContainsKey(Header) ? HealthCodeErrors.ApiKeyInvalid : CommonErrors.Unauthorized);
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => throw new ApiException(CommonErrors.Forbidden);
}

/// <summary>The health authority's key; code applications are registered in the admin (<see cref="ApplicationService"/>).</summary>
public sealed class ApiKeyRegistry(Infrastructure.Security.KeyMaterialStore store)
{
    public const string AuthoritySetting = "MiniCode:HealthCodes:ApiKeys:Authority";
    /// <summary>The old partner list, refused at start: partners are registered applications now.</summary>
    public const string RetiredPartnersSetting = "MiniCode:HealthCodes:ApiKeys:Partners";
    public const string AuthorityRole = "health-authority";
    public const string ApplicationRole = "code-application";

    private readonly byte[] authority = Hash(store.GetOrCreate(AuthoritySetting, () => Convert.ToHexString(RandomNumberGenerator.GetBytes(24))));

    public bool IsAuthority(string presented)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Infrastructure.Security.Utf8Sha256.Hash(presented, hash);
        return CryptographicOperations.FixedTimeEquals(authority, hash);
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

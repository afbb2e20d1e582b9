using MiniCode.Infrastructure.Errors;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;

namespace MiniCode.Features.HealthCodes;

/// <summary>
/// Machine clients authenticate with header <c>X-Api-Key</c>: the health authority (imports) with a key from
/// <c>MiniCode:HealthCodes:ApiKeys:Authority</c>, partner systems (verification) with one of
/// <c>MiniCode:HealthCodes:ApiKeys:Partners</c> (<c>name=key;name=key</c>). Keys are compared in constant time.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyRegistry registry) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values)) return Task.FromResult(AuthenticateResult.NoResult());
        var client = registry.Find(values.ToString());
        if (client is null) return Task.FromResult(AuthenticateResult.Fail("unknown key"));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, client.Value.Name), new Claim(ClaimTypes.Role, client.Value.Role)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        throw new ApiException(Request.Headers.ContainsKey(Header) ? HealthCodeErrors.ApiKeyInvalid : CommonErrors.Unauthorized);
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => throw new ApiException(CommonErrors.Forbidden);
}

public sealed class ApiKeyRegistry
{
    public const string AuthoritySetting = "MiniCode:HealthCodes:ApiKeys:Authority";
    public const string PartnersSetting = "MiniCode:HealthCodes:ApiKeys:Partners";
    public const string AuthorityRole = "health-authority";
    public const string PartnerRole = "verify-partner";

    private readonly List<(byte[] Hash, string Name, string Role)> _keys = [];

    public ApiKeyRegistry(Infrastructure.Security.KeyMaterialStore store, IConfiguration configuration)
    {
        var authority = store.GetOrCreate(AuthoritySetting, () => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));
        _keys.Add((Hash(authority), "health-authority", AuthorityRole));
        foreach (var entry in (configuration[PartnersSetting] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = entry.IndexOf('=');
            if (eq <= 0 || eq == entry.Length - 1) throw new InvalidOperationException($"{PartnersSetting}: entries are name=key.");
            _keys.Add((Hash(entry[(eq + 1)..]), "partner:" + entry[..eq], PartnerRole));
        }
    }

    public (string Name, string Role)? Find(string presented)
    {
        var hash = Hash(presented);
        foreach (var key in _keys)
            if (CryptographicOperations.FixedTimeEquals(key.Hash, hash)) return (key.Name, key.Role);
        return null;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

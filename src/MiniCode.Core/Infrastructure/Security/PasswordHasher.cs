using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MiniCode.Infrastructure.Security;

/// <summary>
/// PBKDF2-HMAC-SHA256 password hashes in the self-describing form <c>pbkdf2-sha256$iterations$salt$hash</c> (base64),
/// so the iteration count can rise later without invalidating stored hashes.
/// </summary>
public sealed class PasswordHasher(IOptions<PasswordHashOptions> options)
{
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltSize = 16, HashSize = 32;

    public string Hash(string password)
    {
        var iterations = options.Value.Iterations;
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashSize);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public bool Verify(string password, string? stored)
    {
        var parts = stored?.Split('$');
        if (parts is not { Length: 4 } || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations <= 0)
        {
            // Same work as a real check, so an unknown account cannot be told apart by timing.
            Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), new byte[SaltSize], options.Value.Iterations, HashAlgorithmName.SHA256, HashSize);
            return false;
        }
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>A hash to verify against when the account does not exist, so timing does not reveal account names.</summary>
    public string DummyHash { get; } = "pbkdf2-sha256$" + options.Value.Iterations.ToString(CultureInfo.InvariantCulture) + "$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MiniCode.Features.Identity;

/// <summary>PBKDF2-HMAC-SHA256 password hashes, <c>pbkdf2-sha256$iterations$salt$hash</c> (base64), compared in constant time.</summary>
public sealed class PasswordHasher(IOptions<IdentityOptions> options)
{
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16, HashBytes = 32;

    public string Hash(string password)
    {
        var iterations = options.Value.Password.Iterations;
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"{Scheme}${iterations.ToString(CultureInfo.InvariantCulture)}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public bool Verify(string password, string? stored)
    {
        var parts = stored?.Split('$');
        if (parts is not [Scheme, var iter, var salt, var hash] || !int.TryParse(iter, CultureInfo.InvariantCulture, out var iterations))
        {
            // Same work as a real check, so an unknown account cannot be told apart by timing.
            Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), new byte[SaltBytes], options.Value.Password.Iterations, HashAlgorithmName.SHA256, HashBytes);
            return false;
        }
        var expected = Convert.FromBase64String(hash);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(salt), iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>The minimum policy: configured length, at most 64 characters, letters and digits both present.</summary>
    public string? PolicyViolation(string? password)
    {
        var min = options.Value.Password.MinLength;
        if (string.IsNullOrEmpty(password) || password.Length < min) return $"密码至少{min}位";
        if (password.Length > 64) return "密码不能超过64位";
        if (!password.Any(char.IsAsciiLetter) || !password.Any(char.IsAsciiDigit)) return "密码须同时包含字母和数字";
        return null;
    }
}

namespace MiniCode.Features.Identity;

/// <summary>The minimum password policy for citizen and scanner accounts (hashing is the shared <c>PasswordHasher</c>).</summary>
public sealed class PasswordPolicy(IOptions<IdentityOptions> options)
{
    /// <summary>A Chinese message naming what is wrong, or null when the password is acceptable.</summary>
    public string? Violation(string? password)
    {
        var min = options.Value.Password.MinLength;
        if (string.IsNullOrEmpty(password) || password.Length < min) return $"密码至少{min}位";
        if (password.Length > 64) return "密码不能超过64位";
        if (!password.Any(char.IsAsciiLetter) || !password.Any(char.IsAsciiDigit)) return "密码须同时包含字母和数字";
        return null;
    }
}

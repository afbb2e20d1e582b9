using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Infrastructure.Security;

/// <summary>Section <c>Security:Passwords</c>.</summary>
public sealed class PasswordHashOptions : ISectionOptions
{
    public static string Section => "Security:Passwords";

    /// <summary>PBKDF2-SHA256 iterations for new hashes; OWASP's 2023 floor is 600,000.</summary>
    [Range(600_000, 10_000_000)]
    public int Iterations { get; set; } = 600_000;
}

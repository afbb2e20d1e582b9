using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Households.Portraits;

/// <summary>
/// Where portrait photos live, apart from identity data. Keys are random and carry no personal data; the database row
/// of the portrait holds the key.
/// </summary>
public interface IPortraitStore
{
    Task<string> SaveAsync(byte[] image, string extension, CancellationToken ct);
    Task<byte[]?> ReadAsync(string key, CancellationToken ct);
    Task DeleteAsync(string key, CancellationToken ct);
    /// <summary>Encrypts photos stored before encryption at rest; returns how many it rewrote (0 when there are none).</summary>
    Task<int> EncryptLegacyAsync(CancellationToken ct);
}

/// <summary>
/// Files under <c>{MiniCode:DataPath}/portraits</c> (or <c>MiniCode:Households:Portraits:StorePath</c>), named by 128
/// random bits and encrypted with the personal-data key (a copied folder or backup shows no faces). Files written
/// before encryption are still read, and <see cref="EncryptLegacyAsync"/> (run by <c>purge-portraits</c>) rewrites them.
/// </summary>
public sealed partial class FilePortraitStore(IConfiguration configuration, IOptions<PortraitOptions> options, PersonalDataProtector protector)
    : IPortraitStore
{
    private string Root => HouseholdFolders.Resolve(configuration, options.Value.StorePath, "portraits");

    public async Task<string> SaveAsync(byte[] image, string extension, CancellationToken ct)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + extension;
        var path = PathOf(key)!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await PrivateFiles.WriteAsync(path, protector.EncryptBytes(image), ct);
        return key;
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken ct)
    {
        if (PathOf(key) is not { } path || !File.Exists(path)) return null;
        var stored = await File.ReadAllBytesAsync(path, ct);
        return PersonalDataProtector.IsEncryptedBytes(stored) ? protector.DecryptBytes(stored) : stored;
    }

    public async Task<int> EncryptLegacyAsync(CancellationToken ct)
    {
        if (!Directory.Exists(Root)) return 0;
        var rewritten = 0;
        foreach (var path in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            if (!KeyPattern().IsMatch(Path.GetFileName(path))) continue;
            var stored = await File.ReadAllBytesAsync(path, ct);
            if (PersonalDataProtector.IsEncryptedBytes(stored)) continue;
            await PrivateFiles.WriteAsync(path, protector.EncryptBytes(stored), ct);
            rewritten++;
        }
        return rewritten;
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        if (PathOf(key) is { } path && File.Exists(path)) File.Delete(path);
        return Task.CompletedTask;
    }

    /// <summary>Only keys this store made map to a path (no traversal); two-character sub-folders keep folders small.</summary>
    private string? PathOf(string key) => KeyPattern().IsMatch(key) ? Path.Combine(Root, key[..2], key) : null;

    [GeneratedRegex("^[0-9a-f]{32}\\.(jpg|png)$")]
    private static partial Regex KeyPattern();
}

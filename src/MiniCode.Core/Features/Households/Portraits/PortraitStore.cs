using System.Security.Cryptography;
using System.Text.RegularExpressions;

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
}

/// <summary>Files under <c>{MiniCode:DataPath}/portraits</c> (or <c>MiniCode:Households:Portraits:StorePath</c>), named by 128 random bits.</summary>
public sealed partial class FilePortraitStore(IConfiguration configuration, IOptions<PortraitOptions> options) : IPortraitStore
{
    private string Root => HouseholdFolders.Resolve(configuration, options.Value.StorePath, "portraits");

    public async Task<string> SaveAsync(byte[] image, string extension, CancellationToken ct)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + extension;
        var path = PathOf(key)!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        await File.WriteAllBytesAsync(temp, image, ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, path);
        return key;
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken ct) =>
        PathOf(key) is { } path && File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;

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

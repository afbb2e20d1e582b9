namespace MiniCode.Infrastructure.Security;

/// <summary>Files holding personal data (encrypted photos, cards): readable by the service user only, never seen half-written.</summary>
public static class PrivateFiles
{
    /// <summary>Writes through a private temporary file and a rename, replacing any file at <paramref name="path"/>.</summary>
    public static async Task WriteAsync(string path, byte[] content, CancellationToken ct)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, content, ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, path, overwrite: true);
    }
}

namespace MiniCode.Tests.Infrastructure;

public static class TestPaths
{
    /// <summary>The folder holding MiniCode.sln, found upwards from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MiniCode.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("MiniCode.sln not found above " + AppContext.BaseDirectory);
    }
}

using MiniCode.Features.HealthCodes.Signing;

namespace MiniCode.Features.HealthCodes.Applications;

public sealed record CodeCategoryInfo(string Code, string Name);

/// <summary>
/// Extension point: the 码分类 an application permission may name. The default knows the built-in categories
/// (<see cref="CodeCategories.BuiltIn"/>); the code engine replaces it with its table, third-party categories included.
/// </summary>
public interface ICodeCategoryCatalog
{
    Task<IReadOnlyList<CodeCategoryInfo>> ListAsync(CancellationToken cancellationToken);
}

internal sealed class BuiltInCodeCategories : ICodeCategoryCatalog
{
    private static readonly IReadOnlyList<CodeCategoryInfo> All = [.. CodeCategories.BuiltIn.Select(c => new CodeCategoryInfo(c.Code, c.Name))];

    public Task<IReadOnlyList<CodeCategoryInfo>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(All);
}

namespace MiniCode.Infrastructure.Hosting;

/// <summary>
/// A scoped service resolved on first use, for what only the cold path needs: a warm show-code, verify or session
/// check answers from memory, and resolving the database context and the services built on it for every request
/// was a large share of the request's work (each scoped service also grows the scope's table). Transient and not
/// disposable, so the scope does not track it; what it resolves belongs to the scope as usual.
/// </summary>
public sealed class Deferred<T>(IServiceProvider services) where T : notnull
{
    public T Value => field ??= services.GetRequiredService<T>();
}

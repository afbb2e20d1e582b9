using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MiniCode.Infrastructure.Cluster;

/// <summary>One signal: drop the cache entries of <paramref name="Key"/> under <paramref name="Topic"/> on every node.</summary>
public readonly record struct ClusterSignal(string Topic, string Key)
{
    /// <summary>The signal of one row, keyed by its id (what an <see cref="IClusterSignalled"/> entity usually returns).</summary>
    public static IEnumerable<ClusterSignal> For(string topic, long id) => [new(topic, id.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}

/// <summary>
/// The topics the shared caches listen to. A topic names what was written, keyed by its id, so that every cache that
/// shows it can drop its entries; add a topic here for a new kind of cached data.
/// </summary>
public static class ClusterTopics
{
    /// <summary>An account or one of its sessions changed (logout, revocation, lifetime switch, disable, deletion, real-name link); key = account id.</summary>
    public const string Accounts = "accounts";

    /// <summary>Something show-code or verify reads about a person changed (status, declaration, name, region, deletion,
    /// a holder's relatives); key = person id.</summary>
    public const string People = "people";

    /// <summary>A person's face checks before showing a code (a new check, deletion); key = person id.</summary>
    public const string FaceChecks = "face-checks";

    /// <summary>A person's offline cards (issued, revoked, expired); key = the card's person id.</summary>
    public const string OfflineCards = "offline-cards";

    /// <summary>A tag kind (数字空间) was created or changed: what verify answers may show; key = <c>*</c> (all).</summary>
    public const string TagKinds = "tag-kinds";
}

/// <summary>
/// An entity whose saved changes (added, modified, deleted through the change tracker) raise cluster signals, sent
/// once the change is committed: after <c>SaveChanges</c>, or at the commit of the transaction it ran in. Bulk
/// <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> bypass the change tracker: their callers publish themselves.
/// </summary>
public interface IClusterSignalled
{
    IEnumerable<ClusterSignal> ClusterSignals();
}

/// <summary>
/// Collects the signals of <see cref="IClusterSignalled"/> entities during <c>SaveChanges</c> and publishes them when
/// the data is committed. Registered on every DbContext (<c>AddMiniCodeData</c>).
/// </summary>
public sealed class ClusterSignalsInterceptor : SaveChangesInterceptor
{
    private readonly IClusterSignals signals;

    public ClusterSignalsInterceptor(IClusterSignals signals)
    {
        this.signals = signals;
        OnCommit = new CommitInterceptor(this);
    }

    private sealed class Pending
    {
        public List<IClusterSignalled> Saving { get; } = [];
        public HashSet<ClusterSignal> AwaitingCommit { get; } = [];
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    /// <summary>The transaction half: publishes at commit, forgets at rollback.</summary>
    public IInterceptor OnCommit { get; }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SavedAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await SavedAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending)) pending.Saving.Clear();
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries())
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Entity is IClusterSignalled signalled)
                _pending.GetOrCreateValue(context).Saving.Add(signalled);
    }

    // Keys are read after the save: a new row's generated id is known by then.
    private async Task SavedAsync(DbContext? context, CancellationToken ct)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending)) return;
        foreach (var entity in pending.Saving)
            foreach (var signal in entity.ClusterSignals())
                pending.AwaitingCommit.Add(signal);
        pending.Saving.Clear();
        if (context.Database.CurrentTransaction is null) await PublishAsync(context, ct);
    }

    /// <summary>
    /// For a bulk write (<c>ExecuteUpdate</c>/<c>ExecuteDelete</c>) of cached data: publishes <paramref name="signal"/> now,
    /// or at the commit of the transaction <paramref name="context"/> has open (nodes must not reload before the commit).
    /// </summary>
    public Task PublishWhenCommittedAsync(DbContext context, ClusterSignal signal)
    {
        _pending.GetOrCreateValue(context).AwaitingCommit.Add(signal);
        return context.Database.CurrentTransaction is null ? PublishAsync(context, CancellationToken.None) : Task.CompletedTask;
    }

    private async Task PublishAsync(DbContext? context, CancellationToken ct)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.AwaitingCommit.Count == 0) return;
        var batch = pending.AwaitingCommit.ToList();
        pending.AwaitingCommit.Clear();
        // The data is committed: a cancelled request must not keep the other nodes from hearing of it.
        foreach (var topic in batch.GroupBy(s => s.Topic))
            await signals.PublishManyAsync(topic.Key, topic.Select(s => s.Key).ToList(), CancellationToken.None);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending)) pending.AwaitingCommit.Clear();
    }

    private sealed class CommitInterceptor(ClusterSignalsInterceptor owner) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
            owner.PublishAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();

        public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default) => owner.PublishAsync(eventData.Context, cancellationToken);

        public override void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
            owner.Forget(eventData.Context);

        public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            owner.Forget(eventData.Context);
            return Task.CompletedTask;
        }
    }
}

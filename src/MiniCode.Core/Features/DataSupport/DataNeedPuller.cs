using MiniCode.Data;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.Jobs;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.DataSupport;

/// <summary>The one place the scheduling priority is turned into an order (1 first, then the oldest entry).</summary>
public static class DataNeedOrder
{
    /// <summary>Enabled data needs whose interface is active, in pull order.</summary>
    public static IQueryable<DataNeed> Due(MiniCodeDbContext db) =>
        from n in db.Set<DataNeed>()
        join i in db.Set<DataInterface>() on n.InterfaceId equals i.Id
        where n.Enabled && i.Status == DataInterfaceStatus.Active
        orderby n.Priority, n.Id
        select n;

    /// <summary>Interfaces ordered by their most urgent enabled need (interfaces without one last).</summary>
    public static IQueryable<DataInterface> Interfaces(MiniCodeDbContext db, IQueryable<DataInterface> interfaces) =>
        interfaces.OrderBy(i => db.Set<DataNeed>().Where(n => n.InterfaceId == i.Id && n.Enabled).Min(n => (int?)n.Priority) ?? DataNeed.LowestPriority + 1)
            .ThenBy(i => i.Id);
}

/// <summary>
/// Pulls the data needs in scheduling-priority order (<see cref="DataNeedOrder"/>), up to
/// <see cref="DataSupportOptions.PullBatchSize"/> a run: one GET of the hooked interface each. A need with an import
/// kind hands the answer (CSV) to <see cref="HealthDataImporter"/>, as an upload by the authority would; the others
/// record that the data was reachable and its size. Every pull records its result and its place in the run.
/// </summary>
public sealed class DataNeedPuller(MiniCodeDbContext db, IHttpClientFactory http, HealthDataImporter importer, IOptions<DataSupportOptions> options,
    TimeProvider time, ILogger<DataNeedPuller> logger)
{
    public async Task<int> PullAsync(long? needId, CancellationToken ct)
    {
        var due = needId is null ? DataNeedOrder.Due(db) : DataNeedOrder.Due(db).Where(n => n.Id == needId);
        var needs = await due.AsNoTracking().Take(options.Value.PullBatchSize).ToListAsync(ct);
        var position = 0;
        foreach (var need in needs)
        {
            var target = await db.Set<DataInterface>().AsNoTracking().SingleAsync(i => i.Id == need.InterfaceId, ct);
            var (ok, result) = await PullOneAsync(need, target, ct);
            var (at, text, place) = (time.GetUtcNow(), result[..Math.Min(result.Length, 300)], ++position);
            // Written directly: the importer works on its own unit of work and may have cleared this context's tracking.
            await db.Set<DataNeed>().Where(n => n.Id == need.Id).ExecuteUpdateAsync(u => u.SetProperty(n => n.LastPulledAt, at)
                .SetProperty(n => n.LastPullOk, ok).SetProperty(n => n.LastPullResult, text).SetProperty(n => n.LastPullPosition, place), ct);
            if (!ok) logger.LogWarning("Data need {NeedId} not pulled: {Result}", need.Id, result);
        }
        return needs.Count;
    }

    private async Task<(bool Ok, string Result)> PullOneAsync(DataNeed need, DataInterface target, CancellationToken ct)
    {
        byte[] body;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.PullTimeoutSeconds));
            using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Url);
            if (target.Method == "POST") request.Content = new ByteArrayContent([]);
            using var response = await http.CreateClient(DataInterfaceProber.HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (timeout.IsCancellationRequested) return (false, "拉取超时");
            if (!response.IsSuccessStatusCode) return (false, $"HTTP {(int)response.StatusCode}");
            var limit = options.Value.MaxPullBytes;
            if (response.Content.Headers.ContentLength > limit) return (false, "数据过大");
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = await stream.ReadAsync(chunk, timeout.Token)) > 0)
            {
                if (buffer.Length + n > limit) return (false, "数据过大");
                buffer.Write(chunk, 0, n);
            }
            body = buffer.ToArray();
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return (false, e is OperationCanceledException ? "拉取超时" : "无法连接：" + e.Message);
        }
        if (need.ImportKind is null) return (true, $"已拉取 {body.Length} 字节");
        var kind = ImportKindOf(need.ImportKind);
        if (kind is null) return (false, "未知的导入类型");
        try
        {
            var import = await importer.ImportAsync(kind.Value, "csv", "data-need:" + need.Id, CsvRowReader.ReadAsync(new MemoryStream(body), ct), ct);
            return (import.RejectedRows == 0, $"导入 {import.AcceptedRows} 行，拒绝 {import.RejectedRows} 行（导入批次 {import.Id}）");
        }
        catch (ApiException e)
        {
            return (false, "导入失败：" + e.Error.Message);
        }
    }

    /// <summary>The importer's kind for a need's import kind ("risk-list", …), or null.</summary>
    public static ImportKind? ImportKindOf(string? wireName) =>
        Enum.GetValues<ImportKind>().Where(k => HealthDataImporter.WireName(k) == wireName).Select(k => (ImportKind?)k).FirstOrDefault();
}

/// <summary>Scheduled as <c>pull-data-needs</c>: the data needs in scheduling-priority order.</summary>
public sealed class PullDataNeedsJob(DataNeedPuller puller) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken) => new(await puller.PullAsync(null, cancellationToken));
}

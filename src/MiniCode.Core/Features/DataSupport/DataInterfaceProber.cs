using System.Diagnostics;
using MiniCode.Data;
using MiniCode.Features.Jobs;

namespace MiniCode.Features.DataSupport;

/// <summary>
/// Health probe of the registered data interfaces: one real request with the interface's method (no body, no
/// credentials) through the named client <see cref="HttpClientName"/>. Available = a 2xx/3xx answer, or 401/403 from
/// an interface that requires authentication (it answered; the platform holds no credentials of the party). Each
/// probe is kept as availability history; interfaces are probed in the order their most urgent data need is pulled.
/// </summary>
public sealed class DataInterfaceProber(MiniCodeDbContext db, IHttpClientFactory http, IOptions<DataSupportOptions> options, TimeProvider time,
    ILogger<DataInterfaceProber> logger)
{
    public const string HttpClientName = "data-interfaces";

    /// <summary>Probes one interface (the admin's "probe now") or every active one; answers how many were probed.</summary>
    public async Task<int> ProbeAsync(long? interfaceId, CancellationToken ct)
    {
        var interfaces = await DataNeedOrder.Interfaces(db, interfaceId is null ? db.Set<DataInterface>().Where(i => i.Status == DataInterfaceStatus.Active)
            : db.Set<DataInterface>().Where(i => i.Id == interfaceId)).ToListAsync(ct);
        foreach (var target in interfaces)
        {
            var probe = await ProbeOneAsync(target, ct);
            target.LastProbedAt = probe.At;
            target.LastProbeAvailable = probe.Available;
            target.LastProbeResult = (probe.StatusCode is { } code ? $"HTTP {code}，" : "") + $"{probe.ElapsedMs} ms" + (probe.Error is { } e ? "，" + e : "");
            db.Add(probe);
            await db.SaveChangesAsync(ct);
            if (!probe.Available) logger.LogWarning("Data interface {InterfaceId} unavailable: {Result}", target.Id, target.LastProbeResult);
        }
        if (interfaceId is null)
        {
            var before = time.GetUtcNow().AddDays(-options.Value.ProbeHistoryDays);
            await db.Set<DataInterfaceProbe>().Where(p => p.At < before).ExecuteDeleteAsync(ct);
        }
        return interfaces.Count;
    }

    /// <summary>Share of available probes per interface over <see cref="DataSupportOptions.AvailabilityWindowHours"/> (no probe → absent).</summary>
    public async Task<IReadOnlyDictionary<long, (int Available, int Total)>> AvailabilityAsync(CancellationToken ct)
    {
        var since = time.GetUtcNow().AddHours(-options.Value.AvailabilityWindowHours);
        var rows = await db.Set<DataInterfaceProbe>().AsNoTracking().Where(p => p.At >= since)
            .GroupBy(p => p.InterfaceId).Select(g => new { g.Key, Available = g.Count(p => p.Available), Total = g.Count() }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => (r.Available, r.Total));
    }

    private async Task<DataInterfaceProbe> ProbeOneAsync(DataInterface target, CancellationToken ct)
    {
        var at = time.GetUtcNow();
        var watch = Stopwatch.StartNew();
        DataInterfaceProbe Result(bool available, int? status, string? error) => new()
        {
            InterfaceId = target.Id, At = at, Available = available, StatusCode = status, ElapsedMs = (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds),
            Error = error?[..Math.Min(error.Length, 300)],
        };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.ProbeTimeoutSeconds));
            using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Url);
            if (target.Method == "POST") request.Content = new ByteArrayContent([]);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            // Some handlers answer a cancelled request with a status (499) instead of throwing: still a timeout.
            if (timeout.IsCancellationRequested) return Result(false, null, "探测超时");
            var status = (int)response.StatusCode;
            var available = status is >= 200 and < 400 || (status is 401 or 403 && target.AuthKind != DataInterfaceAuth.None);
            return Result(available, status, available ? null : "接口应答异常");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return Result(false, null, e is OperationCanceledException ? "探测超时" : "无法连接：" + e.Message);
        }
    }
}

/// <summary>Scheduled as <c>probe-data-interfaces</c>: every active data interface once.</summary>
public sealed class ProbeDataInterfacesJob(DataInterfaceProber prober) : IMiniCodeJob
{
    public async Task<JobResult> ExecuteAsync(CancellationToken cancellationToken) => new(await prober.ProbeAsync(null, cancellationToken));
}

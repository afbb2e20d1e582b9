using System.Collections.Concurrent;

namespace MiniCode.Platform.Simulator;

/// <summary>
/// A third party's data interfaces (数据接口) as the simulator serves them at <c>/simulator/data-party/api/{path}</c>:
/// each path answers what was set up through <c>POST /simulator/data-party/answers</c> (status, body, content type,
/// delay; by default 200 with an empty JSON object), and every request is recorded in arrival order
/// (<c>GET /simulator/data-party/requests</c>), so the probe and pull jobs can be watched on the wire.
/// </summary>
public sealed class DataPartyState
{
    public sealed record Answer(string Path, int Status = 200, string? Body = null, string? ContentType = null, int DelayMs = 0);

    public ConcurrentDictionary<string, Answer> Answers { get; } = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();

    /// <summary>"GET risk-list", oldest first (the last 500).</summary>
    public IReadOnlyList<string> Requests => _requests.ToList();

    public void Received(string method, string path)
    {
        _requests.Enqueue(method + " " + path);
        while (_requests.Count > 500) _requests.TryDequeue(out _);
    }

    public void Clear()
    {
        Answers.Clear();
        _requests.Clear();
    }
}

internal static class DataPartySimulator
{
    public static void Map(IEndpointRouteBuilder sim)
    {
        var g = sim.MapGroup("/data-party");
        g.MapMethods("/api/{**path}", ["GET", "POST", "HEAD"], Serve);
        g.MapPost("/answers", (DataPartyState.Answer a, DataPartyState s) =>
        {
            s.Answers[a.Path] = a;
            return Results.NoContent();
        });
        g.MapGet("/requests", (DataPartyState s) => Results.Json(s.Requests));
    }

    private static async Task<IResult> Serve(string path, HttpRequest request, DataPartyState s)
    {
        s.Received(request.Method, path);
        var answer = s.Answers.GetValueOrDefault(path) ?? new DataPartyState.Answer(path);
        if (answer.DelayMs > 0) await Task.Delay(answer.DelayMs, request.HttpContext.RequestAborted);
        return Results.Text(answer.Body ?? "{}", answer.ContentType ?? "application/json", statusCode: answer.Status);
    }
}

using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Infrastructure.Endpoints;

/// <summary>
/// The warm, successful case of a hot endpoint (show-code, verify), answered in one lean handler in place of
/// authentication, authorization and the endpoint's own delegate. Everything before them in the pipeline still runs:
/// request id and line, security headers, the exception handler, the rate limits of the endpoint's metadata. Those
/// stages cost about as much as the signature itself (#19), so only the case that is almost every request is lean.
/// A handler answers, throws an <c>ApiException</c> as its endpoint would (the same exception handler renders it), or
/// declines by returning false before it has written anything: then the request goes on through the full pipeline,
/// which answers it (a missing or refused credential, a caller of another kind, a rare input) exactly as before.
/// </summary>
/// <param name="TryHandle">Answers the request, or returns false to hand it on untouched.</param>
public sealed record HotPath(Func<HttpContext, ValueTask<bool>> TryHandle);

/// <summary>Section <c>MiniCode:HotPaths</c>.</summary>
public sealed class HotPathOptions : ISectionOptions
{
    public static string Section => "MiniCode:HotPaths";

    /// <summary>Off: every request takes the full pipeline (the answers are the same; a switch for operators).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>Requests the hot paths answered (or refused themselves) and handed on, since start: tests read them.</summary>
public sealed class HotPathCounters
{
    private long _answered, _declined;

    public long Answered => Interlocked.Read(ref _answered);
    public long Declined => Interlocked.Read(ref _declined);

    internal void Count(bool answered)
    {
        if (answered) Interlocked.Increment(ref _answered);
        else Interlocked.Increment(ref _declined);
    }
}

public static class HotPaths
{
    /// <summary>Attaches a lean handler to the endpoint; the endpoint stays what it is for routing and OpenAPI.</summary>
    public static RouteHandlerBuilder WithHotPath(this RouteHandlerBuilder endpoint, Func<HttpContext, ValueTask<bool>> tryHandle) =>
        endpoint.WithMetadata(new HotPath(tryHandle));

    public static IServiceCollection AddHotPaths(this IServiceCollection services)
    {
        services.AddValidatedOptions<HotPathOptions>();
        return services.AddSingleton<HotPathCounters>();
    }

    /// <summary>Runs the matched endpoint's lean handler, if it has one; in the pipeline right before authentication.</summary>
    public static IApplicationBuilder UseHotPaths(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<IOptions<HotPathOptions>>().Value.Enabled) return app;
        var counters = app.ApplicationServices.GetRequiredService<HotPathCounters>();
        return app.Use(next => http =>
            http.GetEndpoint()?.Metadata.GetMetadata<HotPath>() is { } hot ? RunAsync(hot, http, next, counters) : next(http));
    }

    /// <summary>How the API's endpoints write <typeparamref name="T"/> (the host's JSON options), for a hot path's answer.</summary>
    public static JsonTypeInfo<T> JsonOf<T>(HttpContext http) =>
        (JsonTypeInfo<T>)http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions.GetTypeInfo(typeof(T));

    /// <summary>
    /// The request's JSON body as <typeparamref name="T"/>, read from the body pipe without consuming it unless it reads
    /// cleanly and <paramref name="accept"/> takes it: null (and the body left whole for the full pipeline, whose binder
    /// and validation answer it) when it is larger than <paramref name="maxBytes"/>, is not JSON, is JSON <c>null</c>,
    /// has anything after its value, or is not accepted.
    /// </summary>
    public static async ValueTask<T?> PeekJsonAsync<T>(HttpContext http, JsonTypeInfo<T> json, int maxBytes, Func<T, HttpContext, bool> accept) where T : class
    {
        if (!http.Request.HasJsonContentType() || http.Request.ContentLength > maxBytes) return null;
        var reader = http.Request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await reader.ReadAsync(http.RequestAborted);
            if (read.IsCompleted || read.Buffer.Length > maxBytes) break;
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
        var body = read.IsCompleted && Parse(read.Buffer, json) is { } parsed && accept(parsed, http) ? parsed : null;
        if (body is not null)
        {
            reader.AdvanceTo(read.Buffer.End);
            return body;
        }
        reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        // Everything read is still in the pipe: the binder gets the body from it. (Under Kestrel the stream already is
        // the pipe; a server whose pipe wraps its stream, as the test server's does, would otherwise lose those bytes.)
        http.Request.Body = reader.AsStream(leaveOpen: true);
        return null;
    }

    private static T? Parse<T>(ReadOnlySequence<byte> buffer, JsonTypeInfo<T> json) where T : class
    {
        var o = json.Options;
        var reader = new Utf8JsonReader(buffer, new JsonReaderOptions { AllowTrailingCommas = o.AllowTrailingCommas, CommentHandling = o.ReadCommentHandling, MaxDepth = o.MaxDepth });
        try
        {
            var value = JsonSerializer.Deserialize(ref reader, json);
            // Only whitespace may follow the value (reading on throws at anything else, as the binder refuses it).
            return reader.Read() ? null : value;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task RunAsync(HotPath hot, HttpContext http, RequestDelegate next, HotPathCounters counters)
    {
        bool answered;
        try
        {
            answered = await hot.TryHandle(http);
        }
        catch
        {
            // Its refusal (an ApiException), rendered by the exception handler like the endpoint's own.
            counters.Count(answered: true);
            throw;
        }
        counters.Count(answered);
        if (!answered) await next(http);
    }
}

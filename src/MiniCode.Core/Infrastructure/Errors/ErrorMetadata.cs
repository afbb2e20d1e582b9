namespace MiniCode.Infrastructure.Errors;

/// <summary>
/// Endpoint metadata naming error codes the endpoint can answer. Several may sit on one endpoint (group and endpoint
/// level); <see cref="ErrorMetadata.DeclaredErrors"/> is their union. The OpenAPI document lists them per operation.
/// </summary>
public sealed class ProducesErrorsMetadata(IReadOnlyList<ErrorCode> errors)
{
    public IReadOnlyList<ErrorCode> Errors { get; } = errors;
}

public static class ErrorMetadata
{
    /// <summary>Declares error codes this endpoint (or every endpoint of this group) can answer.</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params ErrorCode[] errors) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProducesErrorsMetadata(errors));

    /// <summary>Declares several sets at once (e.g. a feature's shared set plus one more code).</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, IEnumerable<ErrorCode> set, params ErrorCode[] more)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProducesErrorsMetadata([.. set, .. more]));

    /// <summary>Every code declared on the endpoint, distinct, ordered by status then code.</summary>
    public static IReadOnlyList<ErrorCode> DeclaredErrors(this EndpointMetadataCollection metadata) =>
        metadata.OfType<ProducesErrorsMetadata>().SelectMany(m => m.Errors)
            .DistinctBy(e => e.Code).OrderBy(e => e.Status).ThenBy(e => e.Code, StringComparer.Ordinal).ToList();

    /// <summary>Whether <paramref name="code"/> is declared on the endpoint; an internal error or an unavailable database is possible anywhere.</summary>
    public static bool Declares(this EndpointMetadataCollection metadata, string code) =>
        CommonErrors.Anywhere.Any(e => e.Code == code) || metadata.OfType<ProducesErrorsMetadata>().Any(m => m.Errors.Any(e => e.Code == code));
}

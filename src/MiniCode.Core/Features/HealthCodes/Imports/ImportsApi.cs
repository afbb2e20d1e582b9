using MiniCode.Infrastructure.Csv;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using MiniCode.Data;

namespace MiniCode.Features.HealthCodes.Imports;

/// <summary>
/// The health authority's API (header <c>X-Api-Key</c>): <c>POST /api/authority/imports/{kind}</c> with a CSV body
/// (<c>text/csv</c>, header row) or a JSON array of objects with the same field names; kinds <c>risk-list</c>,
/// <c>regions</c>, <c>nucleic-acid</c>, <c>vaccinations</c>, <c>applications</c>. The summary and the rejected-rows report are under
/// <c>/api/authority/imports/{id}</c>.
/// </summary>
public static class ImportsApi
{
    public sealed record ImportSummary(long Id, string Kind, string Format, long TotalRows, long AcceptedRows, long RejectedRows,
        long RecomputedPersons, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string RejectedReport);

    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var maxUpload = app.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value.MaxUploadBytes;
        var group = app.MapApiGroup("/api/authority/imports").RequireAuthorization(HealthCodesSetup.AuthorityPolicy).WithTags("HealthDataImports")
            .ProducesErrors(HealthCodeErrors.ApiKeyChallenge);
        // The body is read by the importer itself (CSV or JSON), so its errors are declared here rather than inferred.
        group.MapPost("/{kind}", Import).WithMetadata(new RequestSizeLimitAttribute(maxUpload)).ProducesErrors(HealthCodeErrors.ImportKindUnknown,
            CommonErrors.UnsupportedMediaType, CommonErrors.MalformedBody, CommonErrors.BodyTooLarge);
        group.MapGet("/{id:long}", Summary).ProducesErrors(HealthCodeErrors.ImportNotFound);
        group.MapGet("/{id:long}/rejected.csv", Rejected).ProducesErrors(HealthCodeErrors.ImportNotFound);
        return app;
    }

    /// <summary>卫健数据导入</summary>
    /// <remarks>卫健部门以 CSV 或 JSON 推送风险名单、风险地区、核酸结果或疫苗接种数据（<c>kind</c>）；逐行校验，拒绝的行附原因，受影响的人重新判码。需卫健接口密钥。</remarks>
    internal static async Task<Ok<ImportSummary>> Import(string kind, HttpRequest request, ClaimsPrincipal user,
        HealthDataImporter importer, IOptions<ImportOptions> options, CancellationToken ct)
    {
        var k = Parse(kind) ?? throw new ApiException(HealthCodeErrors.ImportKindUnknown);
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var (format, rows) = mediaType switch
        {
            "text/csv" => ("csv", CsvRowReader.ReadAsync(request.Body, ct, options.Value.MaxRecordChars)),
            "application/json" => ("json", ReadJsonAsync(request.Body, ct)),
            _ => throw new ApiException(CommonErrors.UnsupportedMediaType, "请使用 text/csv 或 application/json"),
        };
        var import = await importer.ImportAsync(k, format, AuthorityActor + (user.Identity?.Name ?? "unknown"), rows, ct);
        return TypedResults.Ok(ToSummary(import));
    }

    /// <summary>导入结果</summary>
    /// <remarks>一次导入的行数统计：总数、接受、拒绝、重新判码的人数，以及是否完成。</remarks>
    internal static async Task<Ok<ImportSummary>> Summary(long id, MiniCodeDbContext db, CancellationToken ct) =>
        TypedResults.Ok(ToSummary(await AuthorityImports(db).AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new ApiException(HealthCodeErrors.ImportNotFound)));

    /// <summary>The authority's own imports: staff imports and their rejected rows stay in the admin.</summary>
    private static IQueryable<HealthDataImport> AuthorityImports(MiniCodeDbContext db) =>
        db.Set<HealthDataImport>().Where(i => i.SubmittedBy.StartsWith(AuthorityActor));

    private const string AuthorityActor = "authority:";

    /// <summary>被拒绝的行（CSV）</summary>
    /// <remarks>一次导入中被拒绝的行及其行号和原因，CSV 下载。</remarks>
    // The rejected rows as CSV (line, reason, raw row), streamed from the database.
    internal static async Task<EmptyHttpResult> Rejected(long id, MiniCodeDbContext db, HttpResponse response, CancellationToken ct)
    {
        if (!await AuthorityImports(db).AnyAsync(i => i.Id == id, ct)) throw new ApiException(HealthCodeErrors.ImportNotFound);
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=import-{id}-rejected.csv";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false));
        await writer.WriteAsync(CsvText.Line("line", "reason", "raw"));
        await foreach (var r in db.Set<HealthDataImportRejection>().AsNoTracking().Where(r => r.ImportId == id).OrderBy(r => r.Line).AsAsyncEnumerable().WithCancellation(ct))
            await writer.WriteAsync(CsvText.Line(r.Line, r.Reason, r.Raw));
        return TypedResults.Empty;
    }

    private static ImportKind? Parse(string kind) => kind switch
    {
        "risk-list" => ImportKind.RiskList,
        "regions" => ImportKind.Regions,
        "nucleic-acid" => ImportKind.NucleicAcid,
        "vaccinations" => ImportKind.Vaccinations,
        "applications" => ImportKind.PriorApplications,
        _ => null,
    };

    private static ImportSummary ToSummary(HealthDataImport i) => new(i.Id, HealthDataImporter.WireName(i.Kind), i.Format, i.TotalRows, i.AcceptedRows,
        i.RejectedRows, i.RecomputedPersons, i.StartedAt, i.FinishedAt, $"/api/authority/imports/{i.Id}/rejected.csv");

    /// <summary>Streams a JSON array of flat objects; a non-object element becomes a row without fields (rejected with a reason).</summary>
    private static async IAsyncEnumerable<SourceRow> ReadJsonAsync(Stream body, [EnumeratorCancellation] CancellationToken ct)
    {
        long line = 0;
        IAsyncEnumerable<JsonElement> elements;
        try { elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(body, cancellationToken: ct); }
        catch (JsonException) { throw new ApiException(CommonErrors.MalformedBody); }
        await using var e = elements.GetAsyncEnumerator(ct);
        while (true)
        {
            try { if (!await e.MoveNextAsync()) yield break; }
            catch (JsonException) { throw new ApiException(CommonErrors.MalformedBody, $"第{line + 1}个元素附近 JSON 格式错误"); }
            line++;
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (e.Current.ValueKind == JsonValueKind.Object)
                foreach (var p in e.Current.EnumerateObject())
                    fields[p.Name] = p.Value.ValueKind switch
                    {
                        JsonValueKind.Null => null,
                        JsonValueKind.String => p.Value.GetString(),
                        _ => p.Value.GetRawText(),
                    };
            yield return new SourceRow(line, e.Current.GetRawText(), fields);
        }
    }
}

using MiniCode.Data;
using System.Globalization;
using System.Text.Json;
using MiniCode.Features.Organisations;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Forms;

public sealed record FormFieldDto(string Key, string Label, string Type, bool Required, IReadOnlyList<string> Choices);
public sealed record FormDto(long Id, string Title, string? Description, string RegionCode, IReadOnlyList<FormFieldDto> Fields);
public sealed record FormReceipt(long Id, DateTimeOffset SubmittedAt);

public static class FormErrors
{
    public static readonly ErrorCode NotFound = new("form.not_found", 404, "表单不存在或已停用");
}

/// <summary>Custom forms in the mini program: list a region's forms, fetch one, submit answers validated against it.</summary>
public static class FormsApi
{
    private const int MaxAnswerLength = 500;

    public static IEndpointRouteBuilder MapFormsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/forms").RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("Forms");
        group.MapGet("", List).AllowAnonymous();
        group.MapGet("/{id:long}", Get).AllowAnonymous().ProducesErrors(FormErrors.NotFound);
        group.MapPost("/{id:long}/submissions", Submit).RequireAuthorization(SessionsSetup.CitizenPolicy)
            .ProducesErrors(SessionErrors.Challenge, FormErrors.NotFound, CommonErrors.ValidationFailed);
        return app;
    }

    /// <summary>可填写的表单</summary>
    /// <remarks>启用中的自定义表单；<c>region</c> 时只含该地区及其上级地区的表单。</remarks>
    internal static async Task<Ok<IReadOnlyList<FormDto>>> List([AsParameters] RegionQuery query, MiniCodeDbContext db, CancellationToken ct)
    {
        var region = query.Region!;
        var forms = await db.Set<CustomForm>().AsNoTracking().Include(f => f.Fields).Where(f => f.Active).OrderBy(f => f.Id).ToListAsync(ct);
        IReadOnlyList<FormDto> list = forms.Where(f => RegionCodes.Covers(f.RegionCode, region)).Select(ToDto).ToList();
        return TypedResults.Ok(list);
    }

    /// <summary>表单详情</summary>
    /// <remarks>表单的字段（类型、是否必填、单选/多选的选项），用于渲染填写页。停用的表单为 404。</remarks>
    internal static async Task<Ok<FormDto>> Get(long id, MiniCodeDbContext db, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await ActiveFormAsync(id, db, ct)));

    /// <summary>提交表单</summary>
    /// <remarks>按字段校验答案（必填、类型、选项、手机号格式），通过后保存并返回回执；答案以字段 key 为键。停用的表单为 404。</remarks>
    // The answers are checked against the form in the database, so here rather than by the validation filter.
    internal static async Task<Ok<FormReceipt>> Submit(
        long id, Dictionary<string, JsonElement> answers, System.Security.Claims.ClaimsPrincipal user, MiniCodeDbContext db, FormAnswerVault vault, TimeProvider time, CancellationToken ct)
    {
        var form = await ActiveFormAsync(id, db, ct);
        var (validator, clean) = Validate(form, answers);
        var json = FormAnswerVault.Serialize(clean);
        if (json is null) validator.Add("answers", "答案总长度超出限制");
        validator.ThrowIfInvalid();
        var submission = new FormSubmission { FormId = form.Id, AccountId = user.AccountId(), Answers = vault.Seal(json!), SubmittedAt = time.GetUtcNow() };
        db.Add(submission);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new FormReceipt(submission.Id, submission.SubmittedAt));
    }

    private static async Task<CustomForm> ActiveFormAsync(long id, MiniCodeDbContext db, CancellationToken ct) =>
        await db.Set<CustomForm>().AsNoTracking().Include(f => f.Fields).SingleOrDefaultAsync(f => f.Id == id && f.Active, ct)
        ?? throw new ApiException(FormErrors.NotFound);

    /// <summary>Checks every answer against its field (type, choices, required) and rejects keys the form does not have.</summary>
    public static (InputValidator Validator, Dictionary<string, object> Clean) Validate(CustomForm form, IReadOnlyDictionary<string, JsonElement> answers)
    {
        var v = new InputValidator();
        var clean = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var key in answers.Keys.Where(k => form.Fields.All(f => f.Key != k))) v.Add(key, "表单中没有该项");
        foreach (var field in form.Fields)
        {
            var present = answers.TryGetValue(field.Key, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
                && !(value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()))
                && !(value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0);
            if (!present)
            {
                if (field.Required) v.Add(field.Key, $"{field.Label}不能为空");
                continue;
            }
            var error = Check(field, value, out var parsed);
            if (error is not null) v.Add(field.Key, error);
            else clean[field.Key] = parsed!;
        }
        return (v, clean);
    }

    private static string? Check(FormField field, JsonElement value, out object? parsed)
    {
        parsed = null;
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : value.ValueKind == JsonValueKind.Number ? value.GetRawText() : null;
        switch (field.Type)
        {
            case FormFieldType.Text:
                if (text is null || text.Length > MaxAnswerLength) return $"{field.Label}应为不超过{MaxAnswerLength}字的文本";
                parsed = text; return null;
            case FormFieldType.Number:
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) return $"{field.Label}应为数字";
                parsed = n; return null;
            case FormFieldType.Date:
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return $"{field.Label}应为日期（yyyy-MM-dd）";
                parsed = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture); return null;
            case FormFieldType.Phone:
                if (text is not { Length: 11 } || text[0] != '1' || !text.All(char.IsAsciiDigit)) return "手机号格式不正确";
                parsed = text; return null;
            case FormFieldType.SingleChoice:
                if (text is null || !field.Choices().Contains(text)) return $"{field.Label}的选项无效";
                parsed = text; return null;
            default:
                if (value.ValueKind != JsonValueKind.Array) return $"{field.Label}应为选项列表";
                var picked = value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : "").ToList();
                if (picked.Any(p => !field.Choices().Contains(p)) || picked.Distinct().Count() != picked.Count) return $"{field.Label}的选项无效";
                parsed = picked; return null;
        }
    }

    private static FormDto ToDto(CustomForm f) => new(f.Id, f.Title, f.Description, f.RegionCode,
        f.Fields.OrderBy(x => x.SortOrder).ThenBy(x => x.Id).Select(x => new FormFieldDto(x.Key, x.Label, x.Type.ToString(), x.Required, x.Choices())).ToList());
}

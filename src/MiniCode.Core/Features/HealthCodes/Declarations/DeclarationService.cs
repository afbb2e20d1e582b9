using MiniCode.Infrastructure.Errors;
using MiniCode.Data;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Notices;

namespace MiniCode.Features.HealthCodes.Declarations;

public sealed record DeclarationRequest(IReadOnlyList<string>? Symptoms, decimal? Temperature, string? RegionCode, string? Address, string? Remarks)
    : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) => services.GetRequiredService<DeclarationService>().Check(this, v);
}

public sealed record DeclarationView(IReadOnlyList<string> Symptoms, decimal Temperature, string RegionCode, string Address, string? Remarks,
    DateTimeOffset SubmittedAt, DateTimeOffset ChangedAt, DateTimeOffset? NextChangeAllowedAt);

/// <summary>
/// 健康申报 for any person id: the citizen's own (self) or a relative's (the households feature passes the relative's
/// person id and a "holder:N" actor after checking the relation). Recomputes the colour in the same transaction.
/// </summary>
public sealed class DeclarationService(MiniCodeDbContext db, HealthStatusService statuses, NoticeDispatcher notices, IOptions<DeclarationOptions> options, TimeProvider time, BusinessCalendar calendar)
{
    public async Task<DeclarationView?> GetAsync(long personId, CancellationToken ct)
    {
        var d = await db.Set<HealthDeclaration>().AsNoTracking().FirstOrDefaultAsync(x => x.PersonId == personId, ct);
        return d is null ? null : ToView(d);
    }

    public async Task<DeclarationView> SubmitAsync(long personId, DeclarationRequest request, string actor, CancellationToken ct)
    {
        Validate(request);
        var now = time.GetUtcNow();
        var d = await db.Set<HealthDeclaration>().FirstOrDefaultAsync(x => x.PersonId == personId, ct);
        if (d is null)
        {
            d = new HealthDeclaration { PersonId = personId, SubmittedAt = now, RegionSince = now };
            db.Add(d);
        }
        else
        {
            if (NextChangeAllowedAt(d) is { } allowed && now < allowed)
                throw new ApiException(HealthCodeErrors.DeclarationTooSoon, $"下次可修改时间：{calendar.Format(allowed)}");
            d.ModificationCount++;
            if (d.RegionCode != request.RegionCode) d.RegionSince = now;
        }
        d.Symptoms = string.Join(',', request.Symptoms!.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct());
        d.Temperature = request.Temperature!.Value;
        d.RegionCode = request.RegionCode!;
        d.Address = request.Address!.Trim();
        d.Remarks = string.IsNullOrWhiteSpace(request.Remarks) ? null : request.Remarks.Trim();
        d.ChangedAt = now;
        d.ChangedBy = actor;

        // Joins the caller's transaction when there is one (adding a relative with the first declaration); the caller
        // then flushes the notices after its commit.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        await statuses.RecomputeAsync(personId, "declaration", actor, ct);
        await db.SaveChangesAsync(ct);
        if (tx is null) return ToView(d);
        await tx.CommitAsync(ct);
        await notices.FlushAsync(ct);
        return ToView(d);
    }

    private DateTimeOffset? NextChangeAllowedAt(HealthDeclaration d) =>
        d.ModificationCount < options.Value.FreeModifications ? null : d.ChangedAt.AddHours(options.Value.ModificationIntervalHours);

    /// <summary>Throws a validation error for bad input; public so callers can check before writing anything.</summary>
    public void Validate(DeclarationRequest r)
    {
        var v = new InputValidator();
        Check(r, v);
        v.ThrowIfInvalid();
    }

    /// <summary>Adds an error per bad field of <paramref name="r"/> (the request's own validation uses it too).</summary>
    public void Check(DeclarationRequest r, InputValidator v)
    {
        var o = options.Value;
        if (r.Symptoms is null) v.Add("symptoms", "请填写近14天症状（无症状请提交空列表）");
        else
        {
            v.Check(r.Symptoms.Count <= o.MaxSymptoms, "symptoms", $"症状最多{o.MaxSymptoms}项");
            v.Check(r.Symptoms.All(s => !string.IsNullOrWhiteSpace(s) && s.Length <= 20 && !s.Contains(',')), "symptoms", "症状名称无效");
        }
        if (r.Temperature is not { } t) v.Add("temperature", "请填写体温");
        else v.Check(t >= o.MinTemperature && t <= o.MaxTemperature, "temperature", $"体温应在{o.MinTemperature}至{o.MaxTemperature}之间");
        v.Check(r.RegionCode is { Length: 6 } rc && rc.All(char.IsAsciiDigit), "regionCode", "地区代码应为6位数字（GB/T 2260）");
        v.Required(r.Address, "address", "现居住地址", 200);
        v.Optional(r.Remarks, "remarks", "备注", 500);
    }

    private DeclarationView ToView(HealthDeclaration d) =>
        new(d.SymptomList(), d.Temperature, d.RegionCode, d.Address, d.Remarks, d.SubmittedAt, d.ChangedAt, NextChangeAllowedAt(d));
}

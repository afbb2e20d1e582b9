using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Organisations;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.HealthCodes.Applications;

/// <summary>What staff set for an application; categories are 码分类 codes of <see cref="ICodeCategoryCatalog"/>.</summary>
public sealed record ApplicationInput(string? Name, string? Owner, string? RegionCode, bool Enabled, bool GenerateEnabled, IReadOnlyList<string> GenerateCategories,
    bool VerifyEnabled, IReadOnlyList<string> VerifyCategories, bool SeesMaskedName, bool SeesPortrait, int? PerMinute)
{
    /// <summary>The application's current settings, as an edit form starts from them.</summary>
    public static ApplicationInput Of(CodeApplication a) => new(a.Name, a.Owner, a.RegionCode, a.Enabled, a.GenerateEnabled, [.. CodeApplication.Split(a.GenerateCategories)],
        a.VerifyEnabled, [.. CodeApplication.Split(a.VerifyCategories)], a.SeesMaskedName, a.SeesPortrait, a.PerMinute);
}

/// <summary>
/// The one way applications change: register (the key is returned once), edit permissions, rotate the key. Every change
/// is audited and published to every node's <see cref="ApplicationDirectory"/> after it committed.
/// </summary>
public sealed class ApplicationService(MiniCodeDbContext db, AuditLog audit, ApplicationDirectory directory, ICodeCategoryCatalog categories,
    IOptions<CodeApplicationOptions> options, TimeProvider time)
{
    public async Task<InputValidator> ValidateAsync(ApplicationInput input, long? id, CancellationToken ct)
    {
        var known = (await categories.ListAsync(ct)).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var name = input.Name?.Trim();
        var v = new InputValidator()
            .Required(name, "name", "应用名称", 60)
            .Required(input.Owner?.Trim(), "owner", "所属单位及联系人", 200)
            .Check(RegionCodes.IsValid(input.RegionCode), "regionCode", "行政区划代码须为6位数字")
            .Check(input.GenerateCategories.All(known.Contains), "generateCategories", "生成权限含未知的码分类")
            .Check(input.VerifyCategories.All(known.Contains), "verifyCategories", "扫码权限含未知的码分类")
            .Check(input.PerMinute is null or >= 1 and <= 1_000_000, "perMinute", "每分钟调用上限应为 1–1000000");
        if (name is { Length: > 0 })
            v.Check(!await db.Set<CodeApplication>().AnyAsync(a => a.Name == name && a.Id != (id ?? 0), ct), "name", "已有同名应用");
        return v;
    }

    /// <summary>Registers a validated application; the key is in the answer only.</summary>
    public async Task<(CodeApplication Application, string Key)> CreateAsync(string actor, ApplicationInput input, CancellationToken ct)
    {
        var key = ApplicationDirectory.NewKey();
        var now = time.GetUtcNow();
        var app = new CodeApplication { CreatedAt = now };
        Apply(app, input);
        SetKey(app, key, now);
        db.Add(app);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, "code_app.create", "code_application", Id(app), after: app.Snapshot());
        await db.SaveChangesAsync(ct);
        await PublishAsync(ct);
        return (app, key);
    }

    public async Task UpdateAsync(string actor, CodeApplication app, ApplicationInput input, CancellationToken ct)
    {
        var before = app.Snapshot();
        Apply(app, input);
        audit.Record(actor, "code_app.update", "code_application", Id(app), before, app.Snapshot());
        await db.SaveChangesAsync(ct);
        await PublishAsync(ct);
    }

    /// <summary>A new key replaces the old one at once on every node; the new key is in the answer only.</summary>
    public async Task<string> RotateKeyAsync(string actor, CodeApplication app, CancellationToken ct)
    {
        var before = app.Snapshot();
        var key = ApplicationDirectory.NewKey();
        SetKey(app, key, time.GetUtcNow());
        audit.Record(actor, "code_app.rotate_key", "code_application", Id(app), before, app.Snapshot());
        await db.SaveChangesAsync(ct);
        await PublishAsync(ct);
        return key;
    }

    /// <summary>Creates or updates the bootstrap application of Development, Testing and Benchmark (no audit actor: start-up).</summary>
    public async Task EnsureBootstrapAsync(BootstrapApplication b, CancellationToken ct)
    {
        var all = (await categories.ListAsync(ct)).Select(c => c.Code).ToList();
        var verify = b.VerifyCategories.Length > 0 ? [.. CodeApplication.Split(b.VerifyCategories)] : all;
        var input = new ApplicationInput(b.Name, "开发与测试内置应用", "000000", true, true, [.. CodeApplication.Split(b.GenerateCategories)], true, verify, true, true, b.PerMinute);
        var app = await db.Set<CodeApplication>().FirstOrDefaultAsync(a => a.Name == b.Name, ct);
        var now = time.GetUtcNow();
        if (app is null) db.Add(app = new CodeApplication { CreatedAt = now });
        Apply(app, input);
        if (app.KeyHash != ApplicationDirectory.Hash(b.Key)) SetKey(app, b.Key, now);
        await db.SaveChangesAsync(ct);
        await PublishAsync(ct);
    }

    private void Apply(CodeApplication app, ApplicationInput input)
    {
        app.Name = input.Name!.Trim();
        app.Owner = input.Owner!.Trim();
        app.RegionCode = input.RegionCode!;
        app.Enabled = input.Enabled;
        app.GenerateEnabled = input.GenerateEnabled;
        app.GenerateCategories = string.Join(',', input.GenerateCategories.Distinct());
        app.VerifyEnabled = input.VerifyEnabled;
        app.VerifyCategories = string.Join(',', input.VerifyCategories.Distinct());
        app.SeesMaskedName = input.SeesMaskedName;
        app.SeesPortrait = input.SeesPortrait;
        app.PerMinute = input.PerMinute ?? options.Value.DefaultPerMinute;
    }

    private static void SetKey(CodeApplication app, string key, DateTimeOffset now)
    {
        app.KeyHash = ApplicationDirectory.Hash(key);
        app.KeyHint = key[^4..];
        app.KeyIssuedAt = now;
    }

    // Every entry goes: a changed key hash or a switched-off application must not be served from any node's cache.
    private Task PublishAsync(CancellationToken ct) => directory.PublishChangedAsync(ct);

    private static string Id(CodeApplication app) => app.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

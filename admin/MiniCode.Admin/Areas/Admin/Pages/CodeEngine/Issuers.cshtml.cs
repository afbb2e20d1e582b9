using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.CodeEngine;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Cluster;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.CodeEngine;

/// <summary>第三方码集成管理: external issuers, their category, payload prefix and verification keys; enable/disable.</summary>
[RequirePermission(Permissions.CodeEngine)]
[PlatformWide("third-party issuers are verified by every node for every region")]
public sealed class IssuersModel(MiniCodeDbContext db, TimeProvider time, IClusterSignals signals, IssuerKeysRefresher refresher, IOptions<CodeEngineOptions> options)
    : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<CodeIssuer> Issuers { get; private set; } = [];
    public IReadOnlyList<CodeCategory> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(string? name, string? category, string? prefix, IssuerKeySource keySource, string? jwks, string? jwksUrl, CancellationToken ct)
    {
        prefix = prefix?.Trim().ToUpperInvariant();
        jwks = string.IsNullOrWhiteSpace(jwks) ? null : jwks.Trim();
        jwksUrl = string.IsNullOrWhiteSpace(jwksUrl) ? null : jwksUrl.Trim();
        var validator = new InputValidator().Required(name, "name", "发码方名称", 60)
            .Check(await db.Set<CodeCategory>().AnyAsync(c => c.Code == category, ct), "category", "请选择码分类")
            .Check(CodeIssuer.IsValidPrefix(prefix), "prefix", "前缀应为大写字母开头、以冒号结尾的 3–13 位字母或数字（不得为 MC1:）")
            .Check(Enum.IsDefined(keySource), "keySource", "密钥来源无效");
        if (keySource == IssuerKeySource.Inline)
            validator.Check(jwks is not null && jwks.Length <= options.Value.MaxJwksBytes && IssuerKeys.Parse(jwks, out _) is not null, "jwks", "请粘贴包含 ES256（P-256）公钥的 JWKS 文档");
        else
            validator.Check(Uri.TryCreate(jwksUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && jwksUrl!.Length <= 500, "jwksUrl", "请填写 JWKS 地址（http/https）");
        if (validator.IsValid && await db.Set<CodeIssuer>().AnyAsync(i => i.Prefix == prefix, ct)) validator.Add("prefix", "该前缀已被其他发码方使用");
        if (!Accept(validator)) { await LoadAsync(ct); return Page(); }
        var now = time.GetUtcNow();
        var issuer = new CodeIssuer
        {
            Name = name!.Trim(), Category = category!, Prefix = prefix!, KeySource = keySource, Enabled = true, CreatedAt = now, UpdatedAt = now,
            JwksDocument = keySource == IssuerKeySource.Inline ? jwks : null, JwksUrl = keySource == IssuerKeySource.Url ? jwksUrl : null,
        };
        db.Add(issuer);
        await Audit.RecordCreatedAsync("code_issuer.create", "code_issuer", issuer, i => i.Id, issuer.Snapshot(), ct);
        if (keySource == IssuerKeySource.Url) await refresher.RefreshAsync(issuer.Id, ct);
        await signals.PublishAsync(ThirdPartyCodeVerifier.IssuersTopic, issuer.Prefix, ct);
        Flash($"已登记第三方码发码方“{issuer.Name}”");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostToggleAsync(long id, CancellationToken ct)
    {
        var issuer = await db.Set<CodeIssuer>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (issuer is null) return NotFound();
        var before = issuer.Snapshot();
        issuer.Enabled = !issuer.Enabled;
        issuer.UpdatedAt = time.GetUtcNow();
        await Audit.RecordAsync(issuer.Enabled ? "code_issuer.enable" : "code_issuer.disable", "code_issuer", id, before, issuer.Snapshot(), ct);
        await signals.PublishAsync(ThirdPartyCodeVerifier.IssuersTopic, issuer.Prefix, ct);
        Flash(issuer.Enabled ? $"已启用“{issuer.Name}”" : $"已停用“{issuer.Name}”，其码验证为已失效");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRefreshAsync(long id, CancellationToken ct)
    {
        if (!await db.Set<CodeIssuer>().AnyAsync(i => i.Id == id && i.KeySource == IssuerKeySource.Url, ct)) return NotFound();
        var refreshed = await refresher.RefreshAsync(id, ct);
        await Audit.RecordAsync("code_issuer.refresh_keys", "code_issuer", id, null, new { refreshed }, ct);
        Flash(refreshed > 0 ? "密钥已更新" : "获取密钥失败，继续使用上次获取的密钥");
        return RedirectToPage();
    }

    public string CategoryName(string code) => Categories.FirstOrDefault(c => c.Code == code)?.Name ?? code;

    public string KeysState(CodeIssuer issuer) => issuer.KeySource == IssuerKeySource.Inline ? "内嵌 JWKS"
        : issuer.KeysFetchedAt is not { } at ? "尚未获取" + (issuer.LastFetchError is { } e ? "（" + e + "）" : "")
        : (time.GetUtcNow() - at > options.Value.IssuerKeysStaleLimit ? "已过期，" : "") + "获取于 " + Calendar.Format(at, "yyyy-MM-dd HH:mm")
          + (issuer.LastFetchError is { } last ? "；最近失败：" + last : "");

    private async Task LoadAsync(CancellationToken ct)
    {
        Categories = await db.Set<CodeCategory>().AsNoTracking().OrderByDescending(c => c.BuiltIn).ThenBy(c => c.CreatedAt).ToListAsync(ct);
        var query = db.Set<CodeIssuer>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(i => i.Name.Contains(q) || i.Prefix.Contains(q.ToUpper()) || i.Category.Contains(q));
        }
        Issuers = await query.OrderBy(i => i.Id).Take(500).ToListAsync(ct);
    }
}

using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.DataSupport;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.DataSupport;

/// <summary>数据接口注册: the interfaces third parties open to the platform, their last probe and availability; probe now.</summary>
[RequirePermission(Permissions.DataSupport)]
[PlatformWide("data interfaces are opened to the whole platform, not to a region")]
public sealed class IndexModel(MiniCodeDbContext db, TimeProvider time, DataInterfaceProber prober) : AdminPageModel
{
    /// <summary>What the register and edit forms post.</summary>
    public sealed class InterfaceForm
    {
        public string? Name { get; set; }
        public string? Owner { get; set; }
        public string? Url { get; set; }
        public string? Method { get; set; } = "GET";
        public DataInterfaceAuth AuthKind { get; set; } = DataInterfaceAuth.None;
        public string? Fields { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public InterfaceForm Form { get; set; } = new();
    public IReadOnlyList<DataInterface> Interfaces { get; private set; } = [];
    public IReadOnlyDictionary<long, (int Available, int Total)> Availability { get; private set; } = new Dictionary<long, (int, int)>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!await ValidAsync(null, ct)) { await LoadAsync(ct); return Page(); }
        var now = time.GetUtcNow();
        var entry = new DataInterface { CreatedAt = now, UpdatedAt = now };
        Apply(entry);
        db.Add(entry);
        await Audit.RecordCreatedAsync("data_interface.create", "data_interface", entry, i => i.Id, entry.Snapshot(), ct);
        Flash($"已注册数据接口“{entry.Name}”");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUpdateAsync(long id, CancellationToken ct)
    {
        var entry = await db.Set<DataInterface>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (entry is null) return NotFound();
        if (!await ValidAsync(id, ct)) { await LoadAsync(ct); return Page(); }
        var before = entry.Snapshot();
        Apply(entry);
        entry.UpdatedAt = time.GetUtcNow();
        await Audit.RecordAsync("data_interface.update", "data_interface", id, before, entry.Snapshot(), ct);
        Flash($"已保存数据接口“{entry.Name}”");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostToggleAsync(long id, CancellationToken ct)
    {
        var entry = await db.Set<DataInterface>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (entry is null) return NotFound();
        var before = entry.Snapshot();
        entry.Status = entry.Status == DataInterfaceStatus.Active ? DataInterfaceStatus.Disabled : DataInterfaceStatus.Active;
        entry.UpdatedAt = time.GetUtcNow();
        await Audit.RecordAsync(entry.Status == DataInterfaceStatus.Active ? "data_interface.enable" : "data_interface.disable", "data_interface", id, before, entry.Snapshot(), ct);
        Flash(entry.Status == DataInterfaceStatus.Active ? $"已启用“{entry.Name}”" : $"已停用“{entry.Name}”，不再探测和拉取");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostProbeAsync(long id, CancellationToken ct)
    {
        if (!await db.Set<DataInterface>().AnyAsync(i => i.Id == id, ct)) return NotFound();
        await prober.ProbeAsync(id, ct);
        var result = await db.Set<DataInterface>().AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Name, i.LastProbeAvailable, i.LastProbeResult }).SingleAsync(ct);
        await Audit.RecordAsync("data_interface.probe", "data_interface", id, null, new { result.LastProbeAvailable, result.LastProbeResult }, ct);
        Flash($"“{result.Name}”{(result.LastProbeAvailable == true ? "可用" : "不可用")}：{result.LastProbeResult}");
        return RedirectToPage();
    }

    public string AvailabilityText(long id) => Availability.TryGetValue(id, out var a) && a.Total > 0
        ? $"{100.0 * a.Available / a.Total:0.#}%（{a.Available}/{a.Total}）" : "暂无探测";

    public string Local(DateTimeOffset? at) => at is { } t ? Calendar.Format(t, "yyyy-MM-dd HH:mm:ss") : "—";

    private void Apply(DataInterface entry)
    {
        entry.Name = Form.Name!.Trim();
        entry.Owner = Form.Owner!.Trim();
        entry.Url = Form.Url!.Trim();
        entry.Method = Form.Method!.Trim().ToUpperInvariant();
        entry.AuthKind = Form.AuthKind;
        entry.Fields = string.Join(",", (Form.Fields ?? "").Split([',', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private async Task<bool> ValidAsync(long? id, CancellationToken ct)
    {
        var validator = new InputValidator().Required(Form.Name, "Form.Name", "接口名称", 80).Required(Form.Owner, "Form.Owner", "提供方", 120)
            .Check(Uri.TryCreate(Form.Url?.Trim(), UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && Form.Url!.Trim().Length <= 500, "Form.Url", "请填写接口地址（http/https）")
            .Check(DataInterface.Methods.Contains(Form.Method?.Trim().ToUpperInvariant() ?? ""), "Form.Method", "请求方式应为 GET 或 POST")
            .Check(Enum.IsDefined(Form.AuthKind), "Form.AuthKind", "认证方式无效")
            .Optional(Form.Fields, "Form.Fields", "字段", 1000);
        var name = Form.Name?.Trim();
        if (validator.IsValid && await db.Set<DataInterface>().AnyAsync(i => i.Name == name && i.Id != id, ct)) validator.Add("Form.Name", "已有同名的数据接口");
        return Accept(validator);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var query = db.Set<DataInterface>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(i => i.Name.Contains(q) || i.Owner.Contains(q) || i.Url.Contains(q) || i.Fields.Contains(q));
        }
        Interfaces = await query.OrderBy(i => i.Id).Take(500).ToListAsync(ct);
        Availability = await prober.AvailabilityAsync(ct);
    }
}

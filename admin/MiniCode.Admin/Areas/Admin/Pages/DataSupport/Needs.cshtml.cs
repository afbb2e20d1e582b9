using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Data;
using MiniCode.Features.DataSupport;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Admin.Areas.Admin.Pages.DataSupport;

/// <summary>
/// 数据需求目录管理: data needs hooked to a registered interface, with the scheduling priority the
/// <c>pull-data-needs</c> job honours (listed in pull order, with each need's place in the last run); pull now.
/// </summary>
[RequirePermission(Permissions.DataSupport)]
[PlatformWide("the data-need catalogue schedules platform-wide pulls")]
public sealed class NeedsModel(MiniCodeDbContext db, TimeProvider time, DataNeedPuller puller) : AdminPageModel
{
    public sealed class NeedForm
    {
        public string? Name { get; set; }
        public string? Purpose { get; set; }
        public long InterfaceId { get; set; }
        public int Priority { get; set; } = 5;
        public string? ImportKind { get; set; }
    }

    /// <summary>The importer's kinds a need may feed (wire name, label); "" = pull and record only.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> ImportKinds =
        [("", "不导入（仅拉取）"), ("risk-list", "风险人员名单"), ("nucleic-acid", "核酸检测结果"), ("regions", "风险地区")];

    [BindProperty] public NeedForm Form { get; set; } = new();
    public IReadOnlyList<DataNeed> Needs { get; private set; } = [];
    public IReadOnlyList<DataInterface> Interfaces { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!await ValidAsync(null, ct)) { await LoadAsync(ct); return Page(); }
        var now = time.GetUtcNow();
        var need = new DataNeed { CreatedAt = now, UpdatedAt = now };
        Apply(need);
        db.Add(need);
        await Audit.RecordCreatedAsync("data_need.create", "data_need", need, n => n.Id, need.Snapshot(), ct);
        Flash($"已登记数据需求“{need.Name}”");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUpdateAsync(long id, CancellationToken ct)
    {
        var need = await db.Set<DataNeed>().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (need is null) return NotFound();
        if (!await ValidAsync(id, ct)) { await LoadAsync(ct); return Page(); }
        var before = need.Snapshot();
        Apply(need);
        need.UpdatedAt = time.GetUtcNow();
        await Audit.RecordAsync("data_need.update", "data_need", id, before, need.Snapshot(), ct);
        Flash($"已保存数据需求“{need.Name}”");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostToggleAsync(long id, CancellationToken ct)
    {
        var need = await db.Set<DataNeed>().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (need is null) return NotFound();
        var before = need.Snapshot();
        need.Enabled = !need.Enabled;
        need.UpdatedAt = time.GetUtcNow();
        await Audit.RecordAsync(need.Enabled ? "data_need.enable" : "data_need.disable", "data_need", id, before, need.Snapshot(), ct);
        Flash(need.Enabled ? $"已启用“{need.Name}”" : $"已停用“{need.Name}”，不再调度");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPullAsync(long id, CancellationToken ct)
    {
        if (!await db.Set<DataNeed>().AnyAsync(n => n.Id == id, ct)) return NotFound();
        var pulled = await puller.PullAsync(id, ct);
        var need = await db.Set<DataNeed>().AsNoTracking().SingleAsync(n => n.Id == id, ct);
        await Audit.RecordAsync("data_need.pull", "data_need", id, null, new { pulled, need.LastPullOk, need.LastPullResult }, ct);
        Flash(pulled == 0 ? $"“{need.Name}”未启用或接口已停用，未拉取" : $"“{need.Name}”{(need.LastPullOk == true ? "拉取成功" : "拉取失败")}：{need.LastPullResult}");
        return RedirectToPage();
    }

    public string InterfaceName(long id) => Interfaces.FirstOrDefault(i => i.Id == id)?.Name ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Local(DateTimeOffset? at) => at is { } t ? Calendar.Format(t, "yyyy-MM-dd HH:mm:ss") : "—";

    public static string ImportLabel(string? kind) => ImportKinds.FirstOrDefault(k => k.Value == (kind ?? "")).Label ?? kind ?? "";

    private void Apply(DataNeed need)
    {
        need.Name = Form.Name!.Trim();
        need.Purpose = Form.Purpose?.Trim() ?? "";
        need.InterfaceId = Form.InterfaceId;
        need.Priority = Form.Priority;
        need.ImportKind = string.IsNullOrWhiteSpace(Form.ImportKind) ? null : Form.ImportKind.Trim();
    }

    private async Task<bool> ValidAsync(long? id, CancellationToken ct)
    {
        var validator = new InputValidator().Required(Form.Name, "Form.Name", "需求名称", 80).Optional(Form.Purpose, "Form.Purpose", "用途", 500)
            .Check(await db.Set<DataInterface>().AnyAsync(i => i.Id == Form.InterfaceId, ct), "Form.InterfaceId", "请选择挂接的数据接口")
            .Check(Form.Priority is >= DataNeed.HighestPriority and <= DataNeed.LowestPriority, "Form.Priority",
                $"调度优先级应为 {DataNeed.HighestPriority}–{DataNeed.LowestPriority}（{DataNeed.HighestPriority} 最先）")
            .Check(ImportKinds.Any(k => k.Value == (Form.ImportKind?.Trim() ?? "")), "Form.ImportKind", "导入类型无效");
        var name = Form.Name?.Trim();
        if (validator.IsValid && await db.Set<DataNeed>().AnyAsync(n => n.Name == name && n.Id != id, ct)) validator.Add("Form.Name", "已有同名的数据需求");
        return Accept(validator);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Interfaces = await db.Set<DataInterface>().AsNoTracking().OrderBy(i => i.Name).ToListAsync(ct);
        Needs = await db.Set<DataNeed>().AsNoTracking().OrderByDescending(n => n.Enabled).ThenBy(n => n.Priority).ThenBy(n => n.Id).Take(1000).ToListAsync(ct);
    }
}

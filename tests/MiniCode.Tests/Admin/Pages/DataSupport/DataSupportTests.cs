using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.DataSupport;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.Staff;
using MiniCode.Platform.Simulator;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.DataSupport;

/// <summary>
/// 数据支撑管理: interfaces registered in the admin are probed over HTTP by <c>probe-data-interfaces</c> (here the
/// simulator's data party, reached through the named client); data needs are pulled by <c>pull-data-needs</c> in
/// scheduling-priority order, watched on the wire, and a need with an import kind imports the pulled CSV.
/// </summary>
public sealed class DataSupportTests : IDisposable
{
    private const string Party = "http://localhost/simulator/data-party/api/";
    private readonly HealthCodesFactory _factory = new();

    public DataSupportTests() => _factory.With("MiniCode:DataSupport:ProbeTimeoutSeconds", "1");

    public void Dispose() => _factory.Dispose();

    private DataPartyState Wire => _factory.Services.GetRequiredService<DataPartyState>();

    private async Task<long> RegisterAsync(AdminClient admin, string name, string path, string auth = "None", string method = "GET")
    {
        var response = await admin.PostFormAsync("/admin/datasupport", new()
        {
            ["Form.Name"] = name, ["Form.Owner"] = "省大数据局 王工", ["Form.Url"] = Party + path, ["Form.Method"] = method, ["Form.AuthKind"] = auth,
            ["Form.Fields"] = "证件号码，姓名,风险类别",
        }, "/admin/datasupport?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await _factory.QueryAsync(db => db.Set<DataInterface>().Where(i => i.Name == name).Select(i => i.Id).SingleAsync());
    }

    private async Task<long> AddNeedAsync(AdminClient admin, string name, long interfaceId, int priority, string importKind = "")
    {
        var response = await admin.PostFormAsync("/admin/datasupport/needs", new()
        {
            ["Form.Name"] = name, ["Form.Purpose"] = "疫情防控", ["Form.InterfaceId"] = interfaceId.ToString(), ["Form.Priority"] = priority.ToString(),
            ["Form.ImportKind"] = importKind,
        }, "/admin/datasupport/needs?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await _factory.QueryAsync(db => db.Set<DataNeed>().Where(n => n.Name == name).Select(n => n.Id).SingleAsync());
    }

    private Task<int> RunAsync<TJob>() where TJob : Features.Jobs.IMiniCodeJob =>
        _factory.WithServiceAsync<TJob, int>(async j => (await j.ExecuteAsync(default)).ItemsProcessed);

    [Fact]
    public async Task Registering_an_interface_is_validated_audited_and_listed_with_its_fields()
    {
        var admin = await AdminClient.LoggedInAsync(_factory);
        var id = await RegisterAsync(admin, "风险人员名单接口", "risk", "Bearer");
        var entry = await _factory.QueryAsync(db => db.Set<DataInterface>().SingleAsync(i => i.Id == id));
        Assert.Equal(("证件号码,姓名,风险类别", DataInterfaceAuth.Bearer, "GET"), (entry.Fields, entry.AuthKind, entry.Method));
        Assert.True(await _factory.QueryAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "data_interface.create" && a.TargetId == id.ToString())));

        var bad = await admin.PostFormAsync("/admin/datasupport", new()
        {
            ["Form.Name"] = "风险人员名单接口", ["Form.Owner"] = "x", ["Form.Url"] = "ftp://nowhere", ["Form.Method"] = "DELETE", ["Form.AuthKind"] = "None",
        }, "/admin/datasupport?handler=Add");
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("请填写接口地址（http/https）", html);
        Assert.Contains("请求方式应为 GET 或 POST", html);
        Assert.Equal(1, await _factory.QueryAsync(db => db.Set<DataInterface>().CountAsync()));

        var duplicate = await admin.PostFormAsync("/admin/datasupport", new()
        {
            ["Form.Name"] = "风险人员名单接口", ["Form.Owner"] = "x", ["Form.Url"] = Party + "other", ["Form.Method"] = "GET", ["Form.AuthKind"] = "None",
        }, "/admin/datasupport?handler=Add");
        Assert.Contains("已有同名的数据接口", await duplicate.Content.ReadAsStringAsync());
        Assert.Contains("风险人员名单接口", await admin.GetPageAsync("/admin/datasupport?q=风险"));
    }

    [Fact]
    public async Task The_probe_job_records_availability_over_real_HTTP_and_a_slow_interface_times_out()
    {
        var admin = await AdminClient.LoggedInAsync(_factory);
        var up = await RegisterAsync(admin, "正常接口", "up");
        var locked = await RegisterAsync(admin, "需认证接口", "locked", "ApiKey", "POST");
        var broken = await RegisterAsync(admin, "故障接口", "broken");
        var slow = await RegisterAsync(admin, "缓慢接口", "slow");
        var off = await RegisterAsync(admin, "停用接口", "off");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/datasupport", new() { ["id"] = off.ToString() }, "/admin/datasupport?handler=Toggle")).StatusCode);
        Wire.Answers["locked"] = new("locked", 401);
        Wire.Answers["broken"] = new("broken", 502);
        Wire.Answers["slow"] = new("slow", DelayMs: 5000);

        var started = DateTime.UtcNow;
        Assert.Equal(4, await RunAsync<ProbeDataInterfacesJob>());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(4), "the slow interface is cut off at the probe timeout");
        Assert.Contains("POST locked", Wire.Requests);
        Assert.DoesNotContain(Wire.Requests, r => r.EndsWith(" off", StringComparison.Ordinal));

        var state = await _factory.QueryAsync(db => db.Set<DataInterface>().ToDictionaryAsync(i => i.Id));
        Assert.True(state[up].LastProbeAvailable);
        Assert.True(state[locked].LastProbeAvailable); // answered 401: reachable, and the platform holds no credentials
        Assert.False(state[broken].LastProbeAvailable);
        Assert.StartsWith("HTTP 502", state[broken].LastProbeResult);
        Assert.False(state[slow].LastProbeAvailable);
        Assert.Contains("探测超时", state[slow].LastProbeResult);
        Assert.Null(state[off].LastProbedAt);

        Wire.Answers["broken"] = new("broken", 200);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/datasupport", new() { ["id"] = broken.ToString() }, "/admin/datasupport?handler=Probe")).StatusCode);
        Assert.Equal(2, await _factory.QueryAsync(db => db.Set<DataInterfaceProbe>().CountAsync(p => p.InterfaceId == broken)));
        var page = await admin.GetPageAsync("/admin/datasupport");
        Assert.Matches(new Regex($"data-id=\"{broken}\".*?class=\"availability\">50%（1/2）<", RegexOptions.Singleline), page);
        Assert.True(await _factory.QueryAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "data_interface.probe" && a.TargetId == broken.ToString())));
    }

    [Fact]
    public async Task Data_needs_are_pulled_in_priority_order_and_a_changed_priority_changes_the_order()
    {
        var admin = await AdminClient.LoggedInAsync(_factory);
        var a = await RegisterAsync(admin, "接口甲", "a");
        var b = await RegisterAsync(admin, "接口乙", "b");
        var c = await RegisterAsync(admin, "接口丙", "c");
        var offInterface = await RegisterAsync(admin, "接口丁", "d");
        var low = await AddNeedAsync(admin, "低优先级需求", a, 7);
        var first = await AddNeedAsync(admin, "最先需求", b, 1);
        var middle = await AddNeedAsync(admin, "中间需求", c, 3);
        var disabled = await AddNeedAsync(admin, "停用需求", a, 1);
        var behindDisabled = await AddNeedAsync(admin, "接口停用的需求", offInterface, 1);
        await admin.PostFormAsync("/admin/datasupport/needs", new() { ["id"] = disabled.ToString() }, "/admin/datasupport/needs?handler=Toggle");
        await admin.PostFormAsync("/admin/datasupport", new() { ["id"] = offInterface.ToString() }, "/admin/datasupport?handler=Toggle");

        Assert.Equal(3, await RunAsync<PullDataNeedsJob>());
        Assert.Equal(["GET b", "GET c", "GET a"], Wire.Requests);
        var positions = await _factory.QueryAsync(db => db.Set<DataNeed>().ToDictionaryAsync(n => n.Id, n => n.LastPullPosition));
        Assert.Equal((1, 2, 3), (positions[first], positions[middle], positions[low]));
        Assert.Null(positions[disabled]);
        Assert.Null(positions[behindDisabled]);
        Assert.Matches(new Regex("低优先级需求.*?已拉取 2 字节", RegexOptions.Singleline), await admin.GetPageAsync("/admin/datasupport/needs"));

        var update = await admin.PostFormAsync("/admin/datasupport/needs", new()
        {
            ["id"] = low.ToString(), ["Form.Name"] = "低优先级需求", ["Form.Purpose"] = "改为紧急", ["Form.InterfaceId"] = a.ToString(), ["Form.Priority"] = "1", ["Form.ImportKind"] = "",
        }, "/admin/datasupport/needs?handler=Update");
        Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);
        Assert.True(await _factory.QueryAsync(db => db.Set<AuditEntry>().AnyAsync(x => x.Action == "data_need.update" && x.TargetId == low.ToString())));
        Wire.Clear();
        Assert.Equal(3, await RunAsync<PullDataNeedsJob>());
        Assert.Equal(["GET a", "GET b", "GET c"], Wire.Requests); // priority 1 twice: the older entry (低优先级需求) first

        var badPriority = await admin.PostFormAsync("/admin/datasupport/needs", new()
        {
            ["Form.Name"] = "越界", ["Form.InterfaceId"] = a.ToString(), ["Form.Priority"] = "0", ["Form.ImportKind"] = "",
        }, "/admin/datasupport/needs?handler=Add");
        Assert.Contains("调度优先级应为 1–9", await badPriority.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_need_with_an_import_kind_imports_the_pulled_CSV_and_a_failed_pull_is_recorded()
    {
        var citizen = await _factory.CitizenAsync();
        await citizen.DeclareAsync();
        var admin = await AdminClient.LoggedInAsync(_factory);
        var risk = await RegisterAsync(admin, "风险名单", "risk-list");
        var down = await RegisterAsync(admin, "暂不可用", "down");
        Wire.Answers["risk-list"] = new("risk-list", Body: $"document_type,document_number,kind,starts_on,ends_on\nResidentId,{citizen.IdNumber},quarantine,2026-11-20,\n",
            ContentType: "text/csv");
        Wire.Answers["down"] = new("down", 503);
        var need = await AddNeedAsync(admin, "隔离人员名单", risk, 2, "risk-list");
        var failing = await AddNeedAsync(admin, "暂不可用的需求", down, 3);

        Assert.Equal(2, await RunAsync<PullDataNeedsJob>());
        var import = await _factory.QueryAsync(db => db.Set<HealthDataImport>().SingleAsync(i => i.SubmittedBy == "data-need:" + need));
        Assert.Equal((1, 0), (import.AcceptedRows, import.RejectedRows));
        Assert.Equal("orange", (await citizen.CodeAsync()).GetProperty("color").GetString());
        var needs = await _factory.QueryAsync(db => db.Set<DataNeed>().ToDictionaryAsync(n => n.Id));
        Assert.True(needs[need].LastPullOk);
        Assert.Contains($"导入批次 {import.Id}", needs[need].LastPullResult);
        Assert.False(needs[failing].LastPullOk);
        Assert.Equal("HTTP 503", needs[failing].LastPullResult);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/datasupport/needs", new() { ["id"] = failing.ToString() },
            "/admin/datasupport/needs?handler=Pull")).StatusCode);
        Assert.True(await _factory.QueryAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "data_need.pull" && a.TargetId == failing.ToString())));
    }

    [Fact]
    public async Task Staff_without_the_data_support_permission_are_refused()
    {
        var (user, password) = await AdminClient.StaffWithAsync(_factory, Permissions.DataViews);
        var other = await AdminClient.LoggedInAsync(_factory, user, password);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync("/admin/datasupport")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync("/admin/datasupport/needs")).StatusCode);
    }
}

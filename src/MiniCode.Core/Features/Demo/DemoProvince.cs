using System.Globalization;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Checkpoints;
using MiniCode.Features.Organisations;
using MiniCode.Features.People;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Demo;

/// <summary>One district of the demo province: its organisation and its checkpoints.</summary>
internal sealed record DemoDistrict(string RegionCode, string Name, long OrganisationId, IReadOnlyList<long> SiteIds);

/// <summary>What the demo's steps share: the tree, the scanners and who acts for the staff.</summary>
internal sealed class DemoWorld
{
    public const string ProvinceRegion = "350000";
    public long ProvinceOrganisationId { get; set; }
    public List<DemoDistrict> Districts { get; } = [];
    /// <summary>Site id → the account of the senior scanner working there.</summary>
    public Dictionary<long, long> ScannerOfSite { get; } = [];
    public List<string> StaffLogins { get; } = [];
    public List<string> ScannerPhones { get; } = [];
    /// <summary>The province operator (requests overrides) and the reviewer (a second person, approves them).</summary>
    public string OperatorActor { get; set; } = "";
    public string ReviewerActor { get; set; } = "";
}

/// <summary>
/// The jurisdiction tree of the fake province 演示省 (made-up names on Fujian's GB/T 2260 codes, since resident ID
/// numbers must carry a real province): the province,
/// two cities, four districts, their organisations and checkpoints, staff of each role, and a senior scanner per site.
/// </summary>
internal sealed class DemoProvince(IServiceProvider services, DemoOptions options)
{
    private static readonly (string Code, string Name, (string Code, string Name)[] Districts)[] Cities =
    [
        ("350100", "东湖市", [("350102", "青山区"), ("350103", "白沙区")]),
        ("350200", "西港市", [("350203", "海滨区"), ("350206", "南山区")]),
    ];

    private static readonly string[] SiteKinds = ["火车站出口", "市民服务中心", "第一人民医院", "中心菜市场"];

    private readonly MiniCodeDbContext db = services.GetRequiredService<MiniCodeDbContext>();
    private readonly DateTimeOffset now = services.GetRequiredService<TimeProvider>().GetUtcNow();

    public async Task<DemoWorld> BuildAsync(CancellationToken ct)
    {
        var world = new DemoWorld();
        var province = Organisation(null, "演示省卫生健康委员会", DemoWorld.ProvinceRegion, DemoProvinceFill.InProgressMarker);
        var cities = new List<Organisation>();
        var districts = new List<(Organisation Org, string Name, List<Site> Sites)>();
        foreach (var (cityCode, cityName, cityDistricts) in Cities)
        {
            var city = Organisation(province, cityName + "卫生健康委员会", cityCode, null);
            cities.Add(city);
            foreach (var (code, name) in cityDistricts)
            {
                var org = Organisation(city, $"{cityName}{name}疫情防控指挥部", code, null);
                var sites = SiteKinds.Select((kind, i) => new Site
                {
                    Organisation = org, Name = $"{name}{kind}", RegionCode = code, Address = $"{cityName}{name}演示路{i + 1}号", Status = SiteStatus.Active,
                    CreatedAt = now,
                }).ToList();
                db.AddRange(sites);
                districts.Add((org, cityName + name, sites));
            }
        }
        await db.SaveChangesAsync(ct);
        world.ProvinceOrganisationId = province.Id;
        world.Districts.AddRange(districts.Select(d => new DemoDistrict(d.Org.RegionCode, d.Name, d.Org.Id, d.Sites.Select(s => s.Id).ToList())));

        await AddStaffAsync(world, province, cities[0], districts[0].Org, ct);
        await AddScannersAsync(world, districts.SelectMany(d => d.Sites).ToList(), ct);
        return world;
    }

    private Organisation Organisation(Organisation? parent, string name, string region, string? remarks)
    {
        var o = new Organisation { Parent = parent, Name = name, RegionCode = region, Address = "演示省演示市", Remarks = remarks, CreatedAt = now };
        db.Add(o);
        return o;
    }

    private async Task AddStaffAsync(DemoWorld world, Organisation province, Organisation city, Organisation district, CancellationToken ct)
    {
        var hasher = services.GetRequiredService<PasswordHasher>();
        var all = Permissions.All.Select(p => p.Code).ToList();
        var operatorRole = Role("演示·省级运营", "除角色与人员外的全部权限", all.Where(p => p is not (Permissions.Roles or Permissions.Staff or Permissions.OverrideApprove)));
        var reviewerRole = Role("演示·审核员", "申诉审核与人工赋码审批", [Permissions.AppealsReview, Permissions.OverrideApprove, Permissions.Records, Permissions.Statistics]);
        var districtRole = Role("演示·区县管理员", "本辖区的机构、场所、核验记录与统计",
            [Permissions.Organisations, Permissions.Posters, Permissions.Records, Permissions.Statistics, Permissions.Feedback, Permissions.Forms]);
        var serviceRole = Role("演示·客服", "常见问题、纠错反馈与资讯", [Permissions.Faq, Permissions.Feedback, Permissions.Announcements]);
        var members = new[]
        {
            Member("demo-province", "省级运营（演示）", operatorRole, province),
            Member("demo-reviewer", "审核员（演示）", reviewerRole, province),
            Member("demo-city", "市级管理员（演示）", districtRole, city),
            Member("demo-district", "区级管理员（演示）", districtRole, district),
            Member("demo-service", "客服（演示）", serviceRole, province),
        };
        foreach (var m in members)
        {
            m.PasswordHash = hasher.Hash(options.Password);
            services.GetRequiredService<AuditLog>().Record("system:demo", "staff.create", "staff", m.Username, after: m.Snapshot());
        }
        await db.SaveChangesAsync(ct);
        world.StaffLogins.AddRange(members.Select(m => m.Username));
        world.OperatorActor = StaffLogin.ActorOf(members[0]);
        world.ReviewerActor = StaffLogin.ActorOf(members[1]);
    }

    private StaffRole Role(string name, string description, IEnumerable<string> permissions)
    {
        var role = new StaffRole { Name = name, Description = description, Permissions = string.Join(' ', permissions), CreatedAt = now };
        db.Add(role);
        return role;
    }

    private StaffMember Member(string username, string name, StaffRole role, Organisation organisation)
    {
        var m = new StaffMember
        {
            Username = username, Name = name, Type = StaffType.OrganisationStaff, Status = StaffStatus.Active, Role = role, Organisation = organisation,
            SecurityStamp = StaffLogin.NewSecurityStamp(), CreatedAt = now, Remarks = "演示账号",
        };
        db.Add(m);
        return m;
    }

    private async Task AddScannersAsync(DemoWorld world, List<Site> sites, CancellationToken ct)
    {
        var scanners = services.GetRequiredService<ScannerDirectory>();
        for (var i = 0; i < sites.Count; i++)
        {
            var phone = "1390000" + (i + 1).ToString("D4", CultureInfo.InvariantCulture);
            var id = ResidentIdNumber.Make(sites[i].RegionCode, new DateOnly(1985, 3, 1).AddDays(i * 37), 900 + i);
            var view = await scanners.CreateSeniorAsync(new NewScannerRequest(sites[i].Id, id, "核验员" + DemoNames.Of(i), phone, options.Password, ScannerRole.Senior,
                "演示账号"), "system:demo", ct);
            world.ScannerOfSite[sites[i].Id] = view.AccountId;
            world.ScannerPhones.Add(phone);
        }
    }
}

/// <summary>Plausible, clearly generated Chinese names.</summary>
internal static class DemoNames
{
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    private const string Given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂英华玉兰萍红";

    public static string Of(int i) =>
        $"{Surnames[i % Surnames.Length]}{Given[i / Surnames.Length % Given.Length]}{Given[(i * 7 + 3) % Given.Length]}";
}

using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.Organisations;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Security;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin;

/// <summary>
/// A host with a small jurisdiction tree, seeded once per test class: the province 吉林省 (220000) with the city 长春市
/// (220100) and its district 南关区 (220102), the other city 吉林市 (220200), and the other province 北京市 (110000) with
/// 东城区 (110101). Each organisation has one site and one staff member; one more staff member has no organisation.
/// </summary>
public sealed class JurisdictionWorld : MiniCodeFactory
{
    public const string City = "220100";

    public sealed record Place(long OrgId, string OrgName, long SiteId, string SiteName, long StaffId, string StaffUser, string StaffName);

    public Place Province { get; private set; } = null!;
    public Place CityPlace { get; private set; } = null!;
    public Place District { get; private set; } = null!;
    public Place OtherCity { get; private set; } = null!;
    public Place OtherProvince { get; private set; } = null!;
    public Place OtherDistrict { get; private set; } = null!;
    public long UnassignedStaffId { get; private set; }
    public const string UnassignedUser = "hq_unassigned";
    /// <summary>The ID number of the 东城区 staff member (searched through the blind index).</summary>
    public string OtherDistrictIdNumber { get; } = TestUsers.NextIdNumber(new DateOnly(1981, 2, 3), "110101");
    public long RoleId { get; private set; }

    private Task? _seeded;

    /// <summary>Seeds the tree the first time (the tests of a class run one after another).</summary>
    public Task SeedAsync() => _seeded ??= SeedCoreAsync();

    private async Task SeedCoreAsync()
    {
        _ = Services;
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var now = Clock.GetUtcNow();
        var role = new StaffRole { Name = "辖区测试角色", Permissions = Permissions.Staff, CreatedAt = now };
        db.Add(role);

        (Organisation Org, Site Site, StaffMember Staff) Add(Organisation? parent, string region, string org, string site, string user, string name)
        {
            var o = new Organisation { Parent = parent, Name = org, RegionCode = region, CreatedAt = now };
            var s = new Site { Organisation = o, Name = site, RegionCode = region, Status = SiteStatus.Active, CreatedAt = now };
            var m = new StaffMember
            {
                Organisation = o, Username = user, Name = name, Role = role, Type = StaffType.OrganisationStaff, Status = StaffStatus.Active,
                PasswordHash = "unused", SecurityStamp = StaffLogin.NewSecurityStamp(), CreatedAt = now,
            };
            db.AddRange(o, s, m);
            return (o, s, m);
        }

        var province = Add(null, "220000", "吉林省卫健委", "吉林省政务大厅", "jl_province", "省级员");
        var city = Add(province.Org, "220100", "长春市卫健委", "长春站广场", "cc_city", "市级员");
        var district = Add(city.Org, "220102", "南关区指挥部", "南关区菜市场", "cc_nanguan", "南关员");
        var otherCity = Add(province.Org, "220200", "吉林市卫健委", "吉林市江城广场", "jl_city", "吉市员");
        var otherProvince = Add(null, "110000", "北京市卫健委", "北京西站", "bj_city", "京城员");
        var otherDistrict = Add(otherProvince.Org, "110101", "东城区指挥部", "东城区王府井", "bj_dongcheng", "东城员");
        (otherDistrict.Staff.IdNumberCipher, otherDistrict.Staff.IdNumberIndex, otherDistrict.Staff.IdNumberMasked) =
            (protector.Encrypt(OtherDistrictIdNumber), protector.BlindIndex(OtherDistrictIdNumber), "110***********0000");
        var unassigned = new StaffMember
        {
            Username = UnassignedUser, Name = "总部员", Role = role, Type = StaffType.OrganisationStaff, Status = StaffStatus.Active,
            PasswordHash = "unused", SecurityStamp = StaffLogin.NewSecurityStamp(), CreatedAt = now,
        };
        db.Add(unassigned);
        await db.SaveChangesAsync();

        static Place P((Organisation Org, Site Site, StaffMember Staff) x) =>
            new(x.Org.Id, x.Org.Name, x.Site.Id, x.Site.Name, x.Staff.Id, x.Staff.Username, x.Staff.Name);
        (Province, CityPlace, District, OtherCity, OtherProvince, OtherDistrict) = (P(province), P(city), P(district), P(otherCity), P(otherProvince), P(otherDistrict));
        UnassignedStaffId = unassigned.Id;
        RoleId = role.Id;
    }

    /// <summary>A logged-in staff member of a new organisation of the city 长春市 (220100).</summary>
    public async Task<AdminClient> CityStaffAsync(params string[] permissions)
    {
        await SeedAsync();
        var (user, password) = await AdminClient.StaffInRegionAsync(this, City, permissions);
        return await AdminClient.LoggedInAsync(this, user, password);
    }

    /// <summary>The development super user (no organisation: every region).</summary>
    public async Task<AdminClient> SuperUserAsync()
    {
        await SeedAsync();
        return await AdminClient.LoggedInAsync(this);
    }

    public async Task<T> QueryAsync<T>(Func<MiniCodeDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>());
    }

    /// <summary>Audit rows about one target.</summary>
    public Task<int> AuditCountAsync(string targetType, long targetId) =>
        QueryAsync(db => db.Set<AuditEntry>().CountAsync(e => e.TargetType == targetType && e.TargetId == targetId.ToString()));

    /// <summary>Audit rows of one action whose "after" mentions <paramref name="text"/> (for creates, whose id is unknown).</summary>
    public Task<int> AuditCountAsync(string action, string text) =>
        QueryAsync(db => db.Set<AuditEntry>().CountAsync(e => e.Action == action && e.After != null && e.After.Contains(text)));
}

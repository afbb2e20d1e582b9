using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.Announcements;
using MiniCode.Features.Audit;
using MiniCode.Features.Feedback;
using MiniCode.Features.Forms;
using MiniCode.Features.HealthCodes.Appeals;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Security;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin;

/// <summary>
/// A host for the regional admin areas (appeals, overrides, feedback, announcements, service links, forms). Each test
/// adds its own rows with a unique marker in a region, so tests of a class share the host without seeing each other's
/// changes. The staff member under test belongs to the city 长春市 (220100); 南关区 (220102) lies below it, 吉林市
/// (220200), the province 吉林省 (220000) and 东城区 (110101) lie outside it.
/// </summary>
public sealed class RegionalWorld : MiniCodeFactory
{
    public const string City = "220100";
    public const string District = "220102";
    public const string OtherCity = "220200";
    public const string Province = "220000";
    public const string OtherProvince = "110101";
    public const string OutsideMessage = "地区必须在本辖区（220100）内";

    /// <summary>Regions of people and feedback that city staff do not see (null = no region).</summary>
    public static readonly string?[] OutsideOrNone = [OtherCity, OtherProvince, null];

    /// <summary>A unique text for one row, so a page can be searched for it.</summary>
    public static string Mark(string label) => label + "-" + Guid.NewGuid().ToString("N")[..8];

    public async Task<AdminClient> StaffAsync(string? region, params string[] permissions)
    {
        var (user, password) = await AdminClient.StaffInRegionAsync(this, region, permissions);
        return await AdminClient.LoggedInAsync(this, user, password);
    }

    public Task<AdminClient> CityStaffAsync(params string[] permissions) => StaffAsync(City, permissions);

    /// <summary>The development super user (no organisation: every region).</summary>
    public Task<AdminClient> SuperUserAsync()
    {
        _ = Services;
        return AdminClient.LoggedInAsync(this);
    }

    public async Task<T> AddAsync<T>(T entity) where T : class
    {
        _ = Services;
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        db.Add(entity);
        await db.SaveChangesAsync();
        return entity;
    }

    public async Task<long> PersonAsync(string? region) => (await PersonWithIdNumberAsync(region)).Id;

    /// <summary>A person registered in <paramref name="region"/> (none when null), found by their resident ID number's blind index.</summary>
    public async Task<(long Id, string IdNumber)> PersonWithIdNumberAsync(string? region)
    {
        _ = Services;
        var number = TestUsers.NextIdNumber(new DateOnly(1985, 6, 7), region ?? "330102");
        var index = Services.GetRequiredService<PersonalDataProtector>().BlindIndex($"{DocumentType.ResidentId}:{number}");
        var person = await AddAsync(new Person
        {
            Name = "测试人员", DocumentType = DocumentType.ResidentId, DocumentCipher = "unused", DocumentIndex = index,
            DocumentMasked = number[..3] + "***********" + number[^4..], RegionCode = region, CreatedAt = Clock.GetUtcNow(),
        });
        return (person.Id, number);
    }

    /// <summary>An open appeal of a new person registered in <paramref name="region"/>.</summary>
    public async Task<long> AppealAsync(string? region, string text) => (await AddAsync(new Appeal
    {
        PersonId = await PersonAsync(region), AccountId = 1, ColorAtFiling = HealthColor.Red, Text = text, Status = AppealStatus.Open, FiledAt = Clock.GetUtcNow(),
    })).Id;

    /// <summary>An override of a new person registered in <paramref name="region"/>, requested by another staff member.</summary>
    public async Task<long> OverrideAsync(string? region, OverrideStatus status, string note)
    {
        var now = Clock.GetUtcNow();
        var decided = status != OverrideStatus.Pending;
        return (await AddAsync(new ColorOverride
        {
            PersonId = await PersonAsync(region), Color = HealthColor.Green, ReasonCode = "override.data_error", Note = note, Status = status,
            RequestedBy = "staff:999999", RequestedAt = now, DecidedBy = decided ? "staff:999998" : null, DecidedAt = decided ? now : null,
        })).Id;
    }

    public async Task<long> FeedbackAsync(string? region, string content) => (await AddAsync(new FeedbackEntry
    {
        AccountId = 1, Category = FeedbackCategory.CodeColour, Content = content, RegionCode = region, Status = FeedbackStatus.Pending, CreatedAt = Clock.GetUtcNow(),
    })).Id;

    public async Task<long> AnnouncementAsync(string region, string title) => (await AddAsync(new Announcement
    {
        Title = title, Body = "正文", RegionCode = region, PublishFrom = Clock.GetUtcNow(), CreatedAt = Clock.GetUtcNow(),
    })).Id;

    public async Task<long> LinkAsync(string region, string title) => (await AddAsync(new ServiceLink
    {
        RegionCode = region, Kind = ServiceLinkKind.TestingSites, Title = title, Target = "https://example.cn/" + title, SortOrder = 1, Enabled = true,
    })).Id;

    public async Task<long> FormAsync(string region, string title) => (await AddAsync(new CustomForm
    {
        RegionCode = region, Title = title, Active = true, CreatedAt = Clock.GetUtcNow(),
        Fields = [new FormField { Key = "temperature", Label = "体温", Type = FormFieldType.Number, Required = true, SortOrder = 1 }],
    })).Id;

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

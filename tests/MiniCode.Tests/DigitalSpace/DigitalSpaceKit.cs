using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniCode.Data;
using MiniCode.Features.DigitalSpace;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.DigitalSpace;

/// <summary>Arranges tag kinds (as the admin stores them), tag imports (through <see cref="TagImports"/>) and consents (over HTTP).</summary>
public static class DigitalSpaceKit
{
    public static async Task<TagKind> KindAsync(this MiniCodeFactory factory, string name, LegalBasisKind basis, string? reference = null, int retentionDays = 30,
        string categories = "", string applications = "", RiskKind? rule = null, TagSubjectKind subject = TagSubjectKind.Person)
    {
        _ = factory.Services;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var kind = new TagKind
        {
            Name = name, SubjectKind = subject, Source = "测试导入", Purpose = "测试目的", BasisKind = basis, BasisReference = reference, RetentionDays = retentionDays,
            LinkedCategories = categories, DisclosedToApplications = applications, RuleRiskKind = rule, CreatedAt = factory.Clock.GetUtcNow(), UpdatedAt = factory.Clock.GetUtcNow(),
        };
        db.Add(kind);
        await db.SaveChangesAsync();
        return kind;
    }

    /// <summary>Imports a tag CSV as staff of <paramref name="jurisdiction"/> would.</summary>
    public static async Task<TagImport> ImportTagsAsync(this MiniCodeFactory factory, string csv, string? jurisdiction = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await scope.ServiceProvider.GetRequiredService<TagImports>().ImportAsync("staff:test", jurisdiction, stream, CancellationToken.None);
    }

    public static string Row(string kind, string idNumber, string reference = "") => $"{kind},ResidentId,{idNumber},{reference}\n";

    public const string Header = "tag_kind,document_type,document_number,basis_reference\n";

    public static async Task GiveDigitalSpaceConsentAsync(this TestUser user) =>
        Assert.Equal(HttpStatusCode.Created, (await user.Client.PostAsJsonAsync("/api/me/consents", new { purpose = "digital_space" })).StatusCode);

    public static async Task<JsonElement[]> TagsAsync(this TestUser user) =>
        (await HttpAssert.Ok(await user.Client.GetAsync("/api/me/tags"))).EnumerateArray().ToArray();

    public static Task<List<string>> RejectionsAsync(this MiniCodeFactory factory, long importId) =>
        factory.QueryAsync(db => db.Set<TagImportRejection>().Where(r => r.ImportId == importId).OrderBy(r => r.Line).Select(r => r.Reason).ToListAsync());
}

public static class TagKindChanges
{
    /// <summary>Changes a kind as the admin does (saved through the change tracker, so every node's cached kinds drop).</summary>
    public static async Task UpdateKindAsync(this MiniCodeFactory factory, long id, Action<TagKind> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        change(await db.Set<TagKind>().SingleAsync(k => k.Id == id));
        await db.SaveChangesAsync();
    }
}

using MiniCode.Data;

namespace MiniCode.Features.Licences;

/// <summary>
/// At start-up (after migrations) adds the licence types of the manual (§2.1.5.1: 居民身份电子凭证 and 社会保障卡) when
/// missing, by catalogue code. Staff edits and disabling stay: an existing type is never touched.
/// </summary>
internal sealed class LicenceTypeBootstrap(IServiceProvider services, ILogger<LicenceTypeBootstrap> logger) : IHostedService
{
    public static readonly IReadOnlyList<LicenceType> Seeded =
    [
        new() { CatalogueCode = "resident_id_credential", Name = "居民身份电子凭证", IssuerName = "公安部", IsIdentityCredential = true, SortOrder = 1,
            Description = "公安部签发的居民身份证电子凭证，可在办事、出行中出示" },
        new() { CatalogueCode = "social_security_card", Name = "社会保障卡", IssuerName = "人力资源和社会保障部", SortOrder = 2,
            Description = "电子社保卡，可用于社保查询、就医结算等" },
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        List<string> existing;
        try { existing = await db.Set<LicenceType>().Select(t => t.CatalogueCode).ToListAsync(cancellationToken); }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogWarning("Licence tables are not there yet (migrations not applied); the licence types were not seeded");
            return;
        }
        foreach (var seed in Seeded.Where(s => !existing.Contains(s.CatalogueCode)))
            db.Add(new LicenceType
            {
                CatalogueCode = seed.CatalogueCode, Name = seed.Name, IssuerName = seed.IssuerName, Description = seed.Description,
                IsIdentityCredential = seed.IsIdentityCredential, SortOrder = seed.SortOrder, Enabled = true, CreatedAt = now, UpdatedAt = now,
            });
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateException) { logger.LogInformation("Another node seeded the licence types first"); }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

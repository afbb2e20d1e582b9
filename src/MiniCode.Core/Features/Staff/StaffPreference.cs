using MiniCode.Data;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.Staff;

/// <summary>
/// A small per-staff setting of the admin pages (e.g. the columns chosen on 排查信息管理), one row per staff member and key.
/// Settings are how a page looks to its user, not business data, so they are not audited.
/// </summary>
public sealed class StaffPreference
{
    public long StaffId { get; set; }
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class StaffPreferenceConfiguration : IEntityTypeConfiguration<StaffPreference>
{
    public void Configure(EntityTypeBuilder<StaffPreference> b)
    {
        b.ToTable("staff_preferences");
        b.HasKey(x => new { x.StaffId, x.Key });
        b.Property(x => x.Key).HasMaxLength(50);
        b.Property(x => x.Value).HasMaxLength(1000).IsRequired();
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Reads, saves and forgets a staff member's page settings.</summary>
public sealed class StaffPreferences(MiniCodeDbContext db, TimeProvider time)
{
    public Task<string?> GetAsync(long staffId, string key, CancellationToken ct) =>
        db.Set<StaffPreference>().AsNoTracking().Where(p => p.StaffId == staffId && p.Key == key).Select(p => p.Value).SingleOrDefaultAsync(ct);

    public async Task SetAsync(long staffId, string key, string value, CancellationToken ct)
    {
        var row = await db.Set<StaffPreference>().SingleOrDefaultAsync(p => p.StaffId == staffId && p.Key == key, ct);
        if (row is null) db.Add(row = new StaffPreference { StaffId = staffId, Key = key });
        else if (row.Value == value) return;
        row.Value = value;
        row.UpdatedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two requests of the same staff member inserted the key at once: the other one's choice stands,
            // which is as good as this one's (the user changed the setting twice in a moment).
            db.Entry(row).State = EntityState.Detached;
        }
    }

    public async Task ForgetAsync(long staffId, string key, CancellationToken ct) =>
        await db.Set<StaffPreference>().Where(p => p.StaffId == staffId && p.Key == key).ExecuteDeleteAsync(ct);
}

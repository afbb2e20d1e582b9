using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Features.Rendering;

namespace MiniCode.Features.Appointments;

/// <summary>预约事项: what a citizen books (户籍办理, 社保卡补办 …); one list for the platform, offered by halls.</summary>
public sealed class AppointmentMatter
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public bool Active { get; set; } = true;
    public int SortOrder { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>预约大厅: a service hall in a region; its time slots and the matters it handles.</summary>
public sealed class AppointmentHall
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public string RegionCode { get; set; } = "";
    /// <summary>Opening hours as the hall publishes them (周一至周五 9:00-17:00).</summary>
    public string OpeningHours { get; set; } = "";
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public List<AppointmentHallMatter> Matters { get; set; } = [];
}

/// <summary>A matter a hall handles.</summary>
public sealed class AppointmentHallMatter
{
    public long HallId { get; set; }
    public long MatterId { get; set; }
}

/// <summary>
/// A time slot of a hall with its capacity. <see cref="Booked"/> counts the live bookings and only ever changes by an
/// atomic conditional update (<c>booked &lt; capacity</c>), so parallel bookings on any number of nodes never exceed it.
/// </summary>
public sealed class AppointmentSlot
{
    public long Id { get; set; }
    public long HallId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public int Capacity { get; set; }
    public int Booked { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum AppointmentStatus
{
    Booked,
    Cancelled,
    Arrived,
    NoShow,
}

/// <summary>
/// A booking of one slot for a matter by an account, for its own person or for someone else (name + ID number, as
/// 常用联系人 fill it). The attendee's document is stored encrypted with a blind index (one booking per attendee per slot).
/// </summary>
public sealed class Appointment : INumberedRecord
{
    public long Id { get; set; }
    public long SlotId { get; set; }
    public long HallId { get; set; }
    public long MatterId { get; set; }
    /// <summary>The real-named person who booked (and sees it in 预约信息).</summary>
    public long BookerPersonId { get; set; }
    public string AttendeeName { get; set; } = "";
    public string AttendeeDocumentCipher { get; set; } = "";
    public string AttendeeDocumentIndex { get; set; } = "";
    public string AttendeeDocumentMasked { get; set; } = "";
    public string? AttendeePhoneCipher { get; set; }
    public string? AttendeePhoneMasked { get; set; }
    public AppointmentStatus Status { get; set; }
    public DateTimeOffset BookedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset? ArrivedAt { get; set; }
    /// <summary>The counter staff member who marked the arrival ("staff:7").</summary>
    public string? ArrivedBy { get; set; }
    public DateTimeOffset? RemindedAt { get; set; }
    public DateTimeOffset? NoShowAt { get; set; }
    /// <summary>码编号 (see <see cref="INumberedRecord"/>).</summary>
    public string? CodeNumber { get; set; }
}

internal sealed class AppointmentMatterConfiguration : IEntityTypeConfiguration<AppointmentMatter>
{
    public void Configure(EntityTypeBuilder<AppointmentMatter> b)
    {
        b.ToTable("appointment_matters");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(50).IsRequired();
        b.Property(x => x.Description).HasMaxLength(500);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class AppointmentHallConfiguration : IEntityTypeConfiguration<AppointmentHall>
{
    public void Configure(EntityTypeBuilder<AppointmentHall> b)
    {
        b.ToTable("appointment_halls");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(50).IsRequired();
        b.Property(x => x.Address).HasMaxLength(200).IsRequired();
        b.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(x => x.OpeningHours).HasMaxLength(100).IsRequired();
        b.HasIndex(x => x.RegionCode);
        b.HasMany(x => x.Matters).WithOne().HasForeignKey(m => m.HallId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppointmentHallMatterConfiguration : IEntityTypeConfiguration<AppointmentHallMatter>
{
    public void Configure(EntityTypeBuilder<AppointmentHallMatter> b)
    {
        b.ToTable("appointment_hall_matters");
        b.HasKey(x => new { x.HallId, x.MatterId });
        b.HasOne<AppointmentMatter>().WithMany().HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.MatterId);
    }
}

internal sealed class AppointmentSlotConfiguration : IEntityTypeConfiguration<AppointmentSlot>
{
    public void Configure(EntityTypeBuilder<AppointmentSlot> b)
    {
        b.ToTable("appointment_slots", t => t.HasCheckConstraint("ck_appointment_slots_booked", "booked >= 0 AND booked <= capacity"));
        b.HasKey(x => x.Id);
        b.HasOne<AppointmentHall>().WithMany().HasForeignKey(x => x.HallId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.HallId, x.StartsAt }).IsUnique();
        b.HasIndex(x => x.StartsAt);
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> b)
    {
        b.ToTable("appointments");
        b.HasKey(x => x.Id);
        b.HasOne<AppointmentSlot>().WithMany().HasForeignKey(x => x.SlotId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.AttendeeName).HasMaxLength(50).IsRequired();
        b.Property(x => x.AttendeeDocumentCipher).HasMaxLength(300).IsRequired();
        b.Property(x => x.AttendeeDocumentIndex).HasMaxLength(64).IsRequired();
        b.Property(x => x.AttendeeDocumentMasked).HasMaxLength(30).IsRequired();
        b.Property(x => x.AttendeePhoneCipher).HasMaxLength(200);
        b.Property(x => x.AttendeePhoneMasked).HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ArrivedBy).HasMaxLength(100);
        // One live booking per attendee and slot; a cancelled one does not block booking again.
        b.HasIndex(x => new { x.SlotId, x.AttendeeDocumentIndex }).IsUnique().HasFilter("status <> 'Cancelled'");
        b.HasIndex(x => new { x.BookerPersonId, x.BookedAt });
        b.HasIndex(x => new { x.Status, x.SlotId });
        b.HasCodeNumber();
    }
}

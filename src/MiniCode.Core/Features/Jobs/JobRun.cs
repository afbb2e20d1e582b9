using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiniCode.Features.Jobs;

public enum JobOutcome { Running, Succeeded, Failed }

/// <summary>One execution of a job on one node: written when it starts, completed when it ends (the admin's history).</summary>
public sealed class JobRun
{
    public long Id { get; set; }
    public string JobName { get; set; } = "";
    /// <summary>The scheduler instance id of the node that ran it.</summary>
    public string Node { get; set; } = "";
    /// <summary>Quartz's fire instance id: one per firing, shared by nothing else.</summary>
    public string FireInstanceId { get; set; } = "";
    /// <summary>When the schedule wanted it to run (a catch-up after downtime runs later than this).</summary>
    public DateTimeOffset? ScheduledFor { get; set; }
    /// <summary>0 on a regular firing, n on the n-th retry after failures.</summary>
    public int Attempt { get; set; }
    /// <summary>"schedule" or "manual" (run now from the admin).</summary>
    public string Cause { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public JobOutcome Outcome { get; set; }
    public int ItemsProcessed { get; set; }
    public string? ErrorMessage { get; set; }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.ToTable("job_runs");
        b.HasKey(x => x.Id);
        b.Property(x => x.JobName).HasMaxLength(100).IsRequired();
        b.Property(x => x.Node).HasMaxLength(200).IsRequired();
        b.Property(x => x.FireInstanceId).HasMaxLength(200).IsRequired();
        b.Property(x => x.Cause).HasMaxLength(20).IsRequired();
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ErrorMessage).HasMaxLength(2000);
        b.HasIndex(x => new { x.JobName, x.StartedAt });
        b.HasIndex(x => x.StartedAt);
    }
}

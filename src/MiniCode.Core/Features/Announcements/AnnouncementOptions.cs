using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Announcements;

/// <summary>Section <c>Announcements</c>: the mini program's home content.</summary>
public sealed class AnnouncementOptions : ISectionOptions
{
    public static string Section => "Announcements";

    /// <summary>Most current announcements shown on the home page.</summary>
    [Range(1, 100)] public int HomeLimit { get; set; } = 10;
}

using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Announcements;

/// <summary>Section <c>Announcements</c>.</summary>
public sealed class AnnouncementOptions : ISectionOptions
{
    public static string Section => "Announcements";
    [Range(1, 100)] public int HomeLimit { get; set; } = 10;
}

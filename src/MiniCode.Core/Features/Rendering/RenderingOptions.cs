using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Rendering;

/// <summary>Section <c>MiniCode:Rendering</c>.</summary>
public sealed class RenderingOptions : ISectionOptions
{
    public static string Section => "MiniCode:Rendering";

    /// <summary>librsvg's converter (Debian librsvg2-bin); with fonts-noto-cjk it embeds subset CJK fonts in PDFs.</summary>
    [Required]
    public string RsvgConvertPath { get; set; } = "rsvg-convert";

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;
}

using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Forms;

/// <summary>Section <c>Forms</c>: custom forms (表单管理) and the answers citizens submit to them.</summary>
public sealed class FormsOptions : ISectionOptions
{
    public static string Section => "Forms";

    /// <summary>Answers older than this many days (from submission) are deleted by <c>purge-form-answers</c>.</summary>
    [Range(1, 3650)] public int AnswerRetentionDays { get; set; } = 180;
}

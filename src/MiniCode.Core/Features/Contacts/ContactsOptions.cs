using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Contacts;

/// <summary>Section <c>MiniCode:Contacts</c> (常用联系人).</summary>
public sealed class ContactsOptions : ISectionOptions
{
    public static string Section => "MiniCode:Contacts";

    /// <summary>Contacts one person may keep.</summary>
    [Range(1, 200)]
    public int MaxPerPerson { get; set; } = 20;
}

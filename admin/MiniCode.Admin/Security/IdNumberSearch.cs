using System.Security.Cryptography;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Security;

/// <summary>
/// A search by ID number without the number in any URL (browser history, proxy and access logs, Referer): the form
/// posts it, the page keeps its blind index and masked form server-side as a staff preference under a random token,
/// and redirects to a GET that carries only the token (<c>q</c>). Paging, column choices and exports keep the token;
/// another token, or none, is no ID search. One remembered search per staff member and page.
/// </summary>
public sealed class IdNumberSearch(StaffPreferences preferences)
{
    public sealed record Remembered(string Index, string Masked);

    /// <summary>Keeps the search; returns its token for the redirect.</summary>
    public async Task<string> RememberAsync(long staffId, string page, string blindIndex, string masked, CancellationToken ct)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        await preferences.SetAsync(staffId, Key(page), string.Join('|', token, blindIndex, masked), ct);
        return token;
    }

    /// <summary>The search behind <paramref name="token"/>, or null (no token, or not this staff member's latest search).</summary>
    public async Task<Remembered?> RecallAsync(long staffId, string page, string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token)) return null;
        var parts = (await preferences.GetAsync(staffId, Key(page), ct))?.Split('|');
        return parts is [var saved, var index, var masked] && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(saved), System.Text.Encoding.ASCII.GetBytes(token)) ? new(index, masked) : null;
    }

    private static string Key(string page) => page + ".id-search";
}

using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Households.OfflineCards;

public enum CardFormat
{
    /// <summary>A6 card as PNG.</summary>
    Png,
    /// <summary>A6 card as a one-page PDF.</summary>
    CardPdf,
    /// <summary>A4 sheet with four cards as a one-page PDF.</summary>
    SheetPdf,
}

/// <summary>
/// Rendered card files under <c>{MiniCode:DataPath}/offline-cards</c>, named by card id and format only (no personal
/// data). A card never changes after issue, so a file is valid until the card expires or is revoked, when it is deleted.
/// A card shows a name and a photo, so the files are encrypted with the personal-data key; one cached before that is
/// still served.
/// </summary>
public sealed class CardFileCache(IConfiguration configuration, IOptions<OfflineCardOptions> options, PersonalDataProtector protector)
{
    private static readonly CardFormat[] Formats = Enum.GetValues<CardFormat>();

    private string Root => HouseholdFolders.Resolve(configuration, options.Value.CachePath, "offline-cards");

    public async Task<byte[]> GetOrCreateAsync(long cardId, CardFormat format, Func<Task<byte[]>> render, CancellationToken ct)
    {
        var path = PathOf(cardId, format);
        if (File.Exists(path))
        {
            var stored = await File.ReadAllBytesAsync(path, ct);
            return PersonalDataProtector.IsEncryptedBytes(stored) ? protector.DecryptBytes(stored) : stored;
        }
        var bytes = await render();
        Directory.CreateDirectory(Root);
        await PrivateFiles.WriteAsync(path, protector.EncryptBytes(bytes), ct);
        return bytes;
    }

    public bool IsCached(long cardId, CardFormat format) => File.Exists(PathOf(cardId, format));

    public void Delete(long cardId)
    {
        foreach (var format in Formats)
        {
            var path = PathOf(cardId, format);
            if (File.Exists(path)) File.Delete(path);
        }
    }

    private string PathOf(long cardId, CardFormat format) => Path.Combine(Root, format switch
    {
        CardFormat.Png => $"{cardId}-card.png",
        CardFormat.CardPdf => $"{cardId}-card.pdf",
        _ => $"{cardId}-sheet.pdf",
    });
}

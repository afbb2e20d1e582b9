using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiniCode.Data;
using MiniCode.Features.CodeEngine;
using MiniCode.Features.HealthCodes.Signing;

namespace MiniCode.Features.Rendering;

/// <summary>A record whose code (企业码, 证照码, 授权码, 预约码) carries a 码编号 stored on the record, searchable in the admin.</summary>
public interface INumberedRecord
{
    long Id { get; }
    /// <summary>码编号 from the category's rule, written once at the record's first shown code; null until then.</summary>
    string? CodeNumber { get; }
}

/// <summary>A shown code as its images need it: the signed payload, its 码编号 and the active 码样式.</summary>
public interface IMarkedCode
{
    string Payload { get; }
    string? CodeNumber { get; }
    CodeLook Style { get; }
}

/// <summary>
/// 码编号 and 码样式 of the codes other than the personal one: the number comes from the code engine (which makes it
/// once per category and subject, on every node the same) and is copied onto the record by a conditional update, so a
/// warm show reads it with the record and racing first shows write the same value; the style is the category's active
/// style for every colour (these codes carry no health colour), from memory.
/// </summary>
public sealed class ServiceCodeMarks(ICodeNumbers numbers, ICodeStyles styles, IQrCodeRenderer qr)
{
    /// <summary>Black on white: the look without an active style.</summary>
    public static readonly CodeLook Plain = new("#000000", "#FFFFFF", null);

    /// <summary>The record's number: <paramref name="stored"/>, else issued now and stored (null without a rule for the category).</summary>
    public async ValueTask<string?> NumberAsync<TRecord>(MiniCodeDbContext db, string category, long id, string? stored, string? regionCode, CancellationToken ct)
        where TRecord : class, INumberedRecord
    {
        if (stored is not null) return stored;
        var number = await numbers.NumberOfAsync(category, id, regionCode, ct);
        if (number is null) return null;
        await db.Set<TRecord>().Where(r => EF.Property<long>(r, nameof(INumberedRecord.Id)) == id && EF.Property<string?>(r, nameof(INumberedRecord.CodeNumber)) == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => EF.Property<string?>(r, nameof(INumberedRecord.CodeNumber)), number), ct);
        return number;
    }

    public async ValueTask<CodeLook> StyleAsync(string category, CancellationToken ct) => await styles.FindAsync(category, null, ct) ?? Plain;

    public byte[] Png(IMarkedCode code, int pixelsPerModule) => qr.Png(code.Payload, ImageStyle(code, pixelsPerModule));

    public string Svg(IMarkedCode code, int pixelsPerModule) => qr.Svg(code.Payload, ImageStyle(code, pixelsPerModule));

    private static QrStyle ImageStyle(IMarkedCode code, int pixelsPerModule) =>
        new(pixelsPerModule, code.Style.Foreground, code.Style.Background, Caption: code.CodeNumber);
}

public static class NumberedRecordConfiguration
{
    /// <summary>The <c>code_number</c> column: at most one record per number.</summary>
    public static void HasCodeNumber<TRecord>(this EntityTypeBuilder<TRecord> b) where TRecord : class, INumberedRecord
    {
        b.Property<string?>(nameof(INumberedRecord.CodeNumber)).HasMaxLength(CodeEngineRules.MaxNumberLength);
        b.HasIndex(nameof(INumberedRecord.CodeNumber)).IsUnique();
    }
}

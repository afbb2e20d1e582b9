using System.Buffers.Binary;
using MiniCode.Features.HealthCodes.Engine;

namespace MiniCode.Features.HealthCodes.Signing;

/// <summary>What a code is: the wire value is the payload's type byte (miniprogram-contracts/qr-payload.md).</summary>
public enum CodeType : byte
{
    HealthCode = 1,
    OfflineCard = 2,
    Poster = 3,
    /// <summary>出示证照: an e-licence bound by its holder; subjectId = the binding's id.</summary>
    Licence = 4,
    /// <summary>企业码: an enterprise as shown by one of its bound staff; subjectId = the binding's id.</summary>
    Enterprise = 5,
    /// <summary>授权码: an authorised errand shown by the grantee; subjectId = the authorisation's id.</summary>
    Authorisation = 6,
    /// <summary>预约码: a booked appointment; subjectId = the appointment's id.</summary>
    Appointment = 7,
}

public static class CodeTypeNames
{
    /// <summary>The name of a code type on the wire and in statistics: "health_code", "offline_card", "poster", "licence", ….</summary>
    public static string WireName(this CodeType type) => type switch
    {
        CodeType.HealthCode => "health_code",
        CodeType.OfflineCard => "offline_card",
        CodeType.Poster => "poster",
        CodeType.Licence => "licence",
        CodeType.Enterprise => "enterprise",
        CodeType.Authorisation => "authorisation",
        CodeType.Appointment => "appointment",
        _ => CodeUsage.UnknownType,
    };

    /// <summary>A code about a person's health (live code or offline card), as opposed to a venue or a 一码通 record.</summary>
    public static bool IsPersonHealthCode(this CodeType type) => type is CodeType.HealthCode or CodeType.OfflineCard;
}

/// <summary>The signed facts of a code. <see cref="Color"/> is null for codes without a colour (posters).</summary>
public sealed record CodeClaims(CodeType Type, uint KeyId, ulong SubjectId, HealthColor? Color, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// The QR payload, version 1: 23 signed bytes + a 64-byte ES256 signature (r‖s), as text "MC1:" + base64url without
/// padding (120 characters, QR version 7 at error correction M in byte mode). The spec with vectors is in
/// miniprogram-contracts/qr-payload.md; keep both in step.
/// </summary>
public static class CodePayload
{
    public const string Prefix = "MC1:";
    public const byte Version = 1;
    public const int SignedLength = 23;
    public const int SignatureLength = 64;
    public const int TotalLength = SignedLength + SignatureLength;
    public const byte NoColor = 0xFF;

    /// <summary>Length of the text: the prefix and 116 base64url characters.</summary>
    public const int TextLength = 120;

    public static byte[] EncodeSigned(CodeClaims c)
    {
        var b = new byte[SignedLength];
        WriteSigned(c, b);
        return b;
    }

    /// <summary>Writes the 23 signed bytes of <paramref name="c"/> into <paramref name="b"/> (the hot path's stack buffer).</summary>
    public static void WriteSigned(CodeClaims c, Span<byte> b)
    {
        b[0] = Version;
        b[1] = (byte)c.Type;
        BinaryPrimitives.WriteUInt32BigEndian(b[2..], c.KeyId);
        BinaryPrimitives.WriteUInt64BigEndian(b[6..], c.SubjectId);
        b[14] = c.Color is { } color ? (byte)color : NoColor;
        BinaryPrimitives.WriteUInt32BigEndian(b[15..], checked((uint)c.IssuedAt.ToUnixTimeSeconds()));
        BinaryPrimitives.WriteUInt32BigEndian(b[19..], checked((uint)c.ExpiresAt.ToUnixTimeSeconds()));
    }

    public static string ToText(ReadOnlySpan<byte> signed, ReadOnlySpan<byte> signature)
    {
        Span<byte> all = stackalloc byte[TotalLength];
        signed.CopyTo(all);
        signature.CopyTo(all[SignedLength..]);
        return ToText(all);
    }

    /// <summary>The text of the 87 bytes signed part ‖ signature; the string is the only allocation.</summary>
    public static string ToText(ReadOnlySpan<byte> payload)
    {
        Span<char> text = stackalloc char[TextLength];
        Prefix.CopyTo(text);
        System.Buffers.Text.Base64Url.EncodeToChars(payload, text[Prefix.Length..]);
        return new string(text);
    }

    /// <summary>Parses the text into claims, the signed bytes and the signature; false when it is not a well-formed v1 payload.</summary>
    public static bool TryParse(string? text, out CodeClaims claims, out byte[] signed, out byte[] signature)
    {
        Span<byte> all = stackalloc byte[TotalLength];
        signed = signature = [];
        if (!TryRead(text, all, out claims)) return false;
        signed = all[..SignedLength].ToArray();
        signature = all[SignedLength..].ToArray();
        return true;
    }

    /// <summary>
    /// Parses the text into claims and its 87 bytes (signed part ‖ signature, into <paramref name="payload"/>); false
    /// when it is not a well-formed v1 payload. Only the claims are allocated.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<char> text, Span<byte> payload, out CodeClaims claims)
    {
        claims = null!;
        if (text.Length != TextLength || !text.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var encoded = text[Prefix.Length..];
        // The alphabet only: the decoder would also skip white space and accept padding.
        if (encoded.ContainsAnyExcept(Base64UrlAlphabet)) return false;
        if (System.Buffers.Text.Base64Url.DecodeFromChars(encoded, payload, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != TotalLength) return false;
        if (payload[0] != Version || !Enum.IsDefined((CodeType)payload[1])) return false;
        var colorByte = payload[14];
        if (colorByte != NoColor && colorByte > (byte)HealthColor.Red) return false;
        var issued = BinaryPrimitives.ReadUInt32BigEndian(payload[15..]);
        var expires = BinaryPrimitives.ReadUInt32BigEndian(payload[19..]);
        if (expires <= issued) return false;
        claims = new CodeClaims((CodeType)payload[1], BinaryPrimitives.ReadUInt32BigEndian(payload[2..]), BinaryPrimitives.ReadUInt64BigEndian(payload[6..]),
            colorByte == NoColor ? null : (HealthColor)colorByte, DateTimeOffset.FromUnixTimeSeconds(issued), DateTimeOffset.FromUnixTimeSeconds(expires));
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string KeyIdText(uint keyId) => keyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>RFC 4648 §5 base64url without padding.</summary>
public static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> data) => System.Buffers.Text.Base64Url.EncodeToString(data);

    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] data)
    {
        data = [];
        foreach (var ch in text)
            if (!(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_')) return false;
        if (text.Length % 4 == 1) return false;
        var s = text.ToString().Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
        try { data = Convert.FromBase64String(s); return true; }
        catch (FormatException) { return false; }
    }
}

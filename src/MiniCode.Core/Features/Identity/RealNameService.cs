using System.Text.RegularExpressions;
using MiniCode.Data;
using MiniCode.Features.Audit;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Features.Identity;

/// <summary>Binds an account to the person of an identity document after the document and the face check out.</summary>
public sealed partial class RealNameService(
    MiniCodeDbContext db, PersonalDataProtector protector, Face.FaceVerificationService faces, TimeProvider time, BusinessCalendar calendar, IOptions<IdentityOptions> options)
{
    /// <summary>GB/T 2260 province-level prefixes (first two digits) that resident ID numbers are issued under.</summary>
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83",
    ];

    public sealed record Document(DocumentType Type, string Number, DateOnly BirthDate, string? Gender, string? RegionCode);

    public Document? ParseResidentId(string? idNumber, InputValidator v)
    {
        var id = idNumber?.Trim().ToUpperInvariant();
        if (!ResidentIdNumber.IsValid(id, Today(), out var birth)) { v.Add("idNumber", "身份证号码无效"); return null; }
        if (!Provinces.Contains(id![..2]) || id.Substring(2, 4) == "0000") { v.Add("idNumber", "身份证号码地区码无效"); return null; }
        return new Document(DocumentType.ResidentId, id, birth, ResidentIdNumber.Gender(id), id[..6]);
    }

    public Document? ParseOtherDocument(DocumentRealNameRequest r, InputValidator v)
    {
        var parsed = ParseOtherDocumentNumber(r.DocumentType, r.Number, v);
        v.Check(r.BirthDate is { } b && b <= Today() && b.Year >= 1900, "birthDate", "出生日期无效");
        v.Check(r.Gender is null or "M" or "F", "gender", "性别须为 M 或 F");
        return v.IsValid && parsed is { } doc ? new Document(doc.Type, doc.Number, r.BirthDate!.Value, r.Gender, null) : null;
    }

    /// <summary>
    /// The kind (<c>passport</c>, <c>hkMacaoPermit</c>, <c>taiwanPermit</c>) and number of a passport or Mainland Travel
    /// Permit, upper-cased; errors under <c>documentType</c> and <paramref name="numberField"/>.
    /// </summary>
    public static (DocumentType Type, string Number)? ParseOtherDocumentNumber(string? documentType, string? number, InputValidator v, string numberField = "number")
    {
        var normalised = number?.Trim().ToUpperInvariant() ?? "";
        DocumentType? type = documentType switch
        {
            "passport" => DocumentType.Passport,
            "hkMacaoPermit" => DocumentType.HkMacaoPermit,
            "taiwanPermit" => DocumentType.TaiwanPermit,
            _ => null,
        };
        if (type is null) { v.Add("documentType", "证件类型须为 passport、hkMacaoPermit 或 taiwanPermit"); return null; }
        var valid = type switch
        {
            DocumentType.Passport => PassportPattern().IsMatch(normalised),
            DocumentType.HkMacaoPermit => HkMacaoPattern().IsMatch(normalised),
            _ => TaiwanPattern().IsMatch(normalised),
        };
        if (!valid) { v.Add(numberField, "证件号码格式不正确"); return null; }
        return (type.Value, normalised);
    }

    /// <summary>The document of a request the validation filter has passed (so this never throws its 400 in practice).</summary>
    public Document ResidentIdOf(string? idNumber) => Valid(v => ParseResidentId(idNumber, v));

    public Document OtherDocumentOf(DocumentRealNameRequest r) => Valid(v => ParseOtherDocument(r, v));

    private static Document Valid(Func<InputValidator, Document?> parse)
    {
        var v = new InputValidator();
        var doc = parse(v);
        v.ThrowIfInvalid();
        return doc!;
    }

    public static void ValidateName(string? name, InputValidator v) =>
        v.Check(name is not null && NamePattern().IsMatch(name.Trim()), "name", "姓名须为2到50个汉字或字母（可含·和空格）");

    /// <summary>
    /// Checks the face, then links <paramref name="account"/> to the document's person: a new one, one without an account
    /// (a relative, met at a checkpoint (辅助登记), or left anonymised by a deletion), or the person another account of the
    /// same human already stands on (same document and name), so every account of one person sees the same code and data.
    /// Nothing about the document is told before the face check (M4). Caller saves.
    /// </summary>
    public async Task LinkPersonAsync(Account account, string name, Document doc, string? faceToken, CancellationToken ct)
    {
        if (account.PersonId is not null) throw new ApiException(IdentityErrors.AlreadyVerified);
        await VerifyFaceAsync(account.Id, Face.FacePurposes.RealName, name, doc, faceToken, ct);
        var index = BlindIndexOf(doc);
        var existing = await db.Set<Person>().FirstOrDefaultAsync(p => p.DocumentIndex == index, ct);
        if (existing is { AnonymisedAt: null } && existing.Name != name)
            throw new ApiException(await db.Set<Account>().AnyAsync(a => a.PersonId == existing.Id && a.Id != account.Id && a.Status != AccountStatus.Deleted, ct)
                ? IdentityErrors.DocumentInUse : IdentityErrors.NameMismatch);
        account.Person = await PersonOfAsync(name, doc, ct);
    }

    /// <summary>The face check of real name and relatives, when configured (see <see cref="Face.FaceVerificationService"/>).</summary>
    public async Task VerifyFaceAsync(long accountId, string purpose, string name, Document doc, string? faceToken, CancellationToken ct)
    {
        if (options.Value.RealName.RequireFaceVerification)
            await faces.VerifyAsync(accountId, purpose, new Face.FaceSubject(name, doc.Type, doc.Number), faceToken, ct);
    }

    public string BlindIndexOf(Document doc) => BlindIndexOf(doc.Type, doc.Number);

    /// <summary>The blind index persons are found by (<see cref="Person.DocumentIndex"/>).</summary>
    public string BlindIndexOf(DocumentType type, string number) => protector.BlindIndex($"{type}:{number}");

    /// <summary>
    /// The person of a document, tracked: the existing one (a different name is refused), an anonymised one given its
    /// identity back (its health facts stay with it), or a new one, not yet added (attach it to an entity that is).
    /// </summary>
    public async Task<Person> PersonOfAsync(string name, Document doc, CancellationToken ct)
    {
        var index = BlindIndexOf(doc);
        var person = await db.Set<Person>().FirstOrDefaultAsync(p => p.DocumentIndex == index, ct);
        if (person is { AnonymisedAt: null } && person.Name != name) throw new ApiException(IdentityErrors.NameMismatch);
        person ??= new Person { DocumentIndex = index, CreatedAt = time.GetUtcNow() };
        if (person.Id == 0 || person.AnonymisedAt is not null)
        {
            person.Name = name;
            person.DocumentType = doc.Type;
            person.DocumentCipher = protector.Encrypt(doc.Number);
            person.DocumentMasked = SensitiveDataMasker.MaskIdNumber(doc.Number);
            person.BirthDate = doc.BirthDate;
            person.Gender = doc.Gender;
            person.RegionCode = doc.RegionCode;
            person.AnonymisedAt = null;
        }
        return person;
    }

    /// <summary>
    /// 码对象主体管理: corrects a person's household region (户籍迁移: a resident ID keeps the region it was issued in while
    /// the household moves). Nothing else: the name and document are what real-naming proved against the authority, and
    /// the colour has its own reviewed path (appeals, overrides approved by a second person), so neither is refused
    /// quietly but named in the errors. Changes the tracked row for the caller's SaveChanges, which also drops the person
    /// from every node's code-holder cache (<see cref="Person"/> publishes <c>people</c>). Null for an unknown or
    /// anonymised person.
    /// </summary>
    public async Task<AuditedChange?> CorrectRegionAsync(long personId, SubjectCorrection correction, CancellationToken ct)
    {
        var v = correction.Check(maxName: 50)
            .Check(correction.Name is null, "name", "姓名来自实名认证，不能更正")
            .Check(correction.Stopped is null, "status", "个人码的状态由赋码规则、申诉和人工赋码决定，不能在此更正")
            .Check(correction.RegionCode is not null, "regionCode", "地区编码不能为空");
        v.ThrowIfInvalid();
        var person = await db.Set<Person>().FirstOrDefaultAsync(p => p.Id == personId && p.AnonymisedAt == null, ct);
        if (person is null) return null;
        var before = new { person.RegionCode };
        person.RegionCode = correction.NewRegion;
        return new AuditedChange(before, new { person.RegionCode, Reason = correction.TrimmedReason }, before.RegionCode != person.RegionCode);
    }

    private DateOnly Today() => calendar.Today();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}A-Za-z][\p{IsCJKUnifiedIdeographs}A-Za-z·• .]{0,48}[\p{IsCJKUnifiedIdeographs}A-Za-z]$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[A-Z0-9]{5,17}$")]
    private static partial Regex PassportPattern();

    /// <summary>Mainland Travel Permit for HK/Macao residents: H or M, 8 digits, optionally 2 digits of issue count.</summary>
    [GeneratedRegex(@"^[HM][0-9]{8}([0-9]{2})?$")]
    private static partial Regex HkMacaoPattern();

    /// <summary>Mainland Travel Permit for Taiwan residents: 8 digits, optionally 2 digits of issue count.</summary>
    [GeneratedRegex(@"^[0-9]{8}([0-9]{2})?$")]
    private static partial Regex TaiwanPattern();
}

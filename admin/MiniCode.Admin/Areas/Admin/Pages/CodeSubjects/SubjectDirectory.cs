using System.Globalization;
using MiniCode.Admin.Regional;
using MiniCode.Data;
using MiniCode.Features.CodeEngine;
using MiniCode.Features.Enterprises;
using MiniCode.Features.Licences;
using MiniCode.Features.Posters;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Admin.Areas.Admin.Pages.CodeSubjects;

/// <summary>One subject as staff see it: names of people masked, documents and phones masked as stored.</summary>
public sealed record SubjectRow(long Id, string Name, string Identifier, string? Region, string Status, string StatusLabel, string? CodeNumber);

public sealed record SubjectFilter(SubjectKindInfo Kind, string? Text, string? Status);

public sealed record SubjectPage(IReadOnlyList<SubjectRow> Rows, int Total);

/// <summary>
/// The subjects of one kind within a jurisdiction: one query for a page of rows (with each row's 码编号 as a subquery)
/// and one for the count, never a query per row. Text matches a code number, or per kind a name (a person's exactly, as
/// 个人码管理 does), a credit code, a poster code (P12) or a licence type.
/// </summary>
internal sealed class SubjectDirectory(JurisdictionScope within, MiniCodeDbContext db, BusinessCalendar calendar)
{
    public Task<SubjectPage> ListAsync(SubjectFilter filter, int page, int size, CancellationToken ct) => filter.Kind.Kind switch
    {
        SubjectKind.Person => PageAsync(People(filter), page, size, ct),
        SubjectKind.Enterprise => PageAsync(Enterprises(filter), page, size, ct),
        SubjectKind.Poster => PageAsync(Posters(filter), page, size, ct),
        _ => PageAsync(Licences(filter), page, size, ct),
    };

    /// <summary>The subject when it lies within the jurisdiction, else null (the page answers 404).</summary>
    public async Task<SubjectRow?> FindAsync(SubjectKindInfo kind, long id, CancellationToken ct)
    {
        var all = new SubjectFilter(kind, null, null);
        var one = kind.Kind switch
        {
            SubjectKind.Person => People(all), SubjectKind.Enterprise => Enterprises(all), SubjectKind.Poster => Posters(all), _ => Licences(all),
        };
        var row = await one.Where(r => r.Id == id).FirstOrDefaultAsync(ct);
        return row is null ? null : Shown(row);
    }

    /// <summary>The subjects of the kind's category whose 码编号 is the searched text.</summary>
    private IQueryable<long> SubjectsNumbered(SubjectFilter f)
    {
        var number = f.Text!.ToUpperInvariant();
        return db.Set<CodeNumber>().Where(n => n.Category == f.Kind.Category && n.Number == number).Select(n => n.SubjectId);
    }

    private IQueryable<RawRow> People(SubjectFilter f)
    {
        var q = within.People.AsNoTracking();
        if (f.Text is { } t) { var ids = SubjectsNumbered(f); q = q.Where(p => p.Name == t || ids.Contains(p.Id)); }
        q = f.Status switch
        {
            SubjectKinds.Active => q.Where(p => p.AnonymisedAt == null),
            SubjectKinds.Ended => q.Where(p => p.AnonymisedAt != null),
            SubjectKinds.Stopped => q.Where(p => false),
            _ => q,
        };
        var numbers = db.Set<CodeNumber>().Where(n => n.Category == f.Kind.Category);
        return q.Select(p => new RawRow
        {
            Id = p.Id,
            Name = p.Name,
            Personal = true,
            Identifier = p.DocumentMasked,
            Region = p.RegionCode,
            State = p.AnonymisedAt != null ? "anonymised" : SubjectKinds.Active,
            Number = numbers.Where(n => n.SubjectId == p.Id).Select(n => n.Number).FirstOrDefault(),
        });
    }

    private IQueryable<RawRow> Enterprises(SubjectFilter f)
    {
        var q = within.Enterprises.AsNoTracking();
        if (f.Text is { } t) { var (ids, upper) = (SubjectsNumbered(f), t.ToUpperInvariant()); q = q.Where(e => e.Name.Contains(t) || e.CreditCode == upper || ids.Contains(e.Id)); }
        q = f.Status switch
        {
            SubjectKinds.Active => q.Where(e => e.Status == EnterpriseStatus.Active),
            SubjectKinds.Stopped => q.Where(e => e.Status == EnterpriseStatus.Suspended),
            SubjectKinds.Ended => q.Where(e => false),
            _ => q,
        };
        var numbers = db.Set<CodeNumber>().Where(n => n.Category == f.Kind.Category);
        return q.Select(e => new RawRow
        {
            Id = e.Id,
            Name = e.Name,
            Personal = false,
            Identifier = e.CreditCode,
            Region = e.RegionCode,
            State = e.Status == EnterpriseStatus.Suspended ? "suspended" : SubjectKinds.Active,
            Number = numbers.Where(n => n.SubjectId == e.Id).Select(n => n.Number).FirstOrDefault(),
        });
    }

    private IQueryable<RawRow> Posters(SubjectFilter f)
    {
        var q = within.Posters.AsNoTracking();
        if (f.Text is { } t)
        {
            var code = long.TryParse(t.TrimStart('P', 'p'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
            var ids = SubjectsNumbered(f);
            q = q.Where(p => p.Id == code || p.VenueName.Contains(t) || ids.Contains(p.Id));
        }
        q = f.Status switch
        {
            SubjectKinds.Active => q.Where(p => p.DeletedAt == null && p.RevokedAt == null),
            SubjectKinds.Stopped => q.Where(p => p.DeletedAt == null && p.RevokedAt != null),
            SubjectKinds.Ended => q.Where(p => p.DeletedAt != null),
            _ => q,
        };
        var numbers = db.Set<CodeNumber>().Where(n => n.Category == f.Kind.Category);
        return q.Select(p => new RawRow
        {
            Id = p.Id,
            Name = p.VenueName,
            Personal = false,
            Identifier = "P" + p.Id.ToString() + " · " + p.Address + " · " + p.ContactPhoneMasked,
            Region = p.RegionCode,
            State = p.DeletedAt != null ? "deleted" : p.RevokedAt != null ? "revoked" : SubjectKinds.Active,
            Number = numbers.Where(n => n.SubjectId == p.Id).Select(n => n.Number).FirstOrDefault(),
        });
    }

    private IQueryable<RawRow> Licences(SubjectFilter f)
    {
        var today = calendar.Today();
        var q = from b in db.Set<LicenceBinding>().AsNoTracking()
                join p in within.People on b.PersonId equals p.Id
                select new { b, p.RegionCode, TypeName = b.LicenceType!.Name };
        if (f.Text is { } t) { var ids = SubjectsNumbered(f); q = q.Where(x => x.TypeName.Contains(t) || ids.Contains(x.b.Id)); }
        q = f.Status switch
        {
            SubjectKinds.Active => q.Where(x => x.b.UnboundAt == null && (x.b.ValidTo == null || x.b.ValidTo >= today)),
            SubjectKinds.Ended => q.Where(x => x.b.UnboundAt != null || x.b.ValidTo < today),
            SubjectKinds.Stopped => q.Where(x => false),
            _ => q,
        };
        var numbers = db.Set<CodeNumber>().Where(n => n.Category == f.Kind.Category);
        return q.Select(x => new RawRow
        {
            Id = x.b.Id,
            Name = x.TypeName + " · " + x.b.HolderMasked,
            Personal = false,
            Identifier = x.b.UnboundAt == null ? x.b.LicenceNumberMasked : "—",
            Region = x.RegionCode,
            State = x.b.UnboundAt != null ? "unbound" : x.b.ValidTo < today ? "expired" : SubjectKinds.Active,
            Number = numbers.Where(n => n.SubjectId == x.b.Id).Select(n => n.Number).FirstOrDefault(),
        });
    }

    private static async Task<SubjectPage> PageAsync(IQueryable<RawRow> rows, int page, int size, CancellationToken ct)
    {
        var total = await rows.CountAsync(ct);
        var found = await rows.OrderByDescending(r => r.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new SubjectPage(found.Select(Shown).ToList(), total);
    }

    /// <summary>The feature's own state word → the list's status (active / stopped / ended) and its label.</summary>
    private static SubjectRow Shown(RawRow r)
    {
        var (status, label) = r.State switch
        {
            SubjectKinds.Active => (SubjectKinds.Active, "正常"),
            "suspended" => (SubjectKinds.Stopped, "已暂停"),
            "revoked" => (SubjectKinds.Stopped, "已停用"),
            "anonymised" => (SubjectKinds.Ended, "已注销"),
            "deleted" => (SubjectKinds.Ended, "已删除"),
            "unbound" => (SubjectKinds.Ended, "已解绑"),
            _ => (SubjectKinds.Ended, "已过期"),
        };
        return new SubjectRow(r.Id, r.Personal ? SensitiveDataMasker.MaskName(r.Name) : r.Name, r.Identifier, r.Region, status, label, r.Number);
    }

    /// <summary>A row as the database answers it; <see cref="Personal"/> names are masked before anything shows them.</summary>
    internal sealed class RawRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public bool Personal { get; init; }
        public string Identifier { get; init; } = "";
        public string? Region { get; init; }
        public string State { get; init; } = "";
        public string? Number { get; init; }
    }
}

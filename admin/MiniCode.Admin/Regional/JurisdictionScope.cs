using MiniCode.Features.HealthCodes.Applications;
using MiniCode.Features.HealthCodes.Logs;
using MiniCode.Data;
using MiniCode.Features.Announcements;
using MiniCode.Features.Appointments;
using MiniCode.Features.Checkpoints;
using MiniCode.Features.DigitalSpace;
using MiniCode.Features.Errands;
using MiniCode.Features.Enterprises;
using MiniCode.Features.Feedback;
using MiniCode.Features.Forms;
using MiniCode.Features.HealthCodes.Appeals;
using MiniCode.Features.HealthCodes.Imports;
using MiniCode.Features.Organisations;
using MiniCode.Features.People;
using MiniCode.Features.Posters;
using MiniCode.Features.Staff;

namespace MiniCode.Admin.Regional;

/// <summary>A scan record at a site within the jurisdiction, with the person scanned (wherever they live) and the site.</summary>
public sealed class ScanVisit
{
    public ScanRecord Record { get; init; } = null!;
    public Person Person { get; init; } = null!;
    public Site Site { get; init; } = null!;
}

/// <summary>
/// The regional tables as the signed-in staff member may see them: rows whose region lies within their jurisdiction
/// (their organisation's region and everything below it), or every row for staff without an organisation. The database
/// does the matching (<see cref="RegionCodes.WithinRegion"/>). Rows without a region lie within no jurisdiction, so only
/// unscoped staff see them. Built once per request by <see cref="RegionalPageModel"/>; pages read regional data only here.
/// </summary>
public sealed class JurisdictionScope
{
    private readonly MiniCodeDbContext _db;

    internal JurisdictionScope(MiniCodeDbContext db, string? jurisdiction) => (_db, Jurisdiction) = (db, jurisdiction);

    /// <summary>The region the staff member may see; null = every region.</summary>
    public string? Jurisdiction { get; }

    /// <summary>
    /// The same tables limited to <paramref name="region"/> when it lies within the jurisdiction (a list's region
    /// filter); a region outside it leaves the jurisdiction as it is, never wider.
    /// </summary>
    public JurisdictionScope Narrowed(string? region) =>
        RegionCodes.IsValid(region) && RegionCodes.MayTarget(Jurisdiction, region) ? new JurisdictionScope(_db, region) : this;

    /// <summary>People registered (household region) within the jurisdiction.</summary>
    public IQueryable<Person> People => _db.Set<Person>().WithinRegion(p => p.RegionCode, Jurisdiction);

    /// <summary>Appeals of people within the jurisdiction.</summary>
    public IQueryable<Appeal> Appeals
    {
        get
        {
            if (Jurisdiction is null) return _db.Set<Appeal>();
            var inside = People;
            return _db.Set<Appeal>().Where(a => inside.Any(p => p.Id == a.PersonId));
        }
    }

    /// <summary>Manual overrides of people within the jurisdiction.</summary>
    public IQueryable<ColorOverride> Overrides
    {
        get
        {
            if (Jurisdiction is null) return _db.Set<ColorOverride>();
            var inside = People;
            return _db.Set<ColorOverride>().Where(o => inside.Any(p => p.Id == o.PersonId));
        }
    }

    /// <summary>Feedback submitted for a region within the jurisdiction.</summary>
    public IQueryable<FeedbackEntry> Feedback => _db.Set<FeedbackEntry>().WithinRegion(f => f.RegionCode, Jurisdiction);

    public IQueryable<Announcement> Announcements => _db.Set<Announcement>().WithinRegion(a => a.RegionCode, Jurisdiction);

    public IQueryable<ServiceLink> ServiceLinks => _db.Set<ServiceLink>().WithinRegion(l => l.RegionCode, Jurisdiction);

    public IQueryable<CustomForm> Forms => _db.Set<CustomForm>().WithinRegion(f => f.RegionCode, Jurisdiction);

    /// <summary>Submissions of the forms within the jurisdiction.</summary>
    public IQueryable<FormSubmission> FormSubmissions
    {
        get
        {
            if (Jurisdiction is null) return _db.Set<FormSubmission>();
            var forms = Forms;
            return _db.Set<FormSubmission>().Where(s => forms.Any(f => f.Id == s.FormId));
        }
    }

    public IQueryable<Organisation> Organisations => _db.Set<Organisation>().WithinRegion(o => o.RegionCode, Jurisdiction);

    public IQueryable<Site> Sites => _db.Set<Site>().WithinRegion(s => s.RegionCode, Jurisdiction);

    /// <summary>
    /// Staff whose organisation lies within the jurisdiction. Staff without an organisation (the super-admin and their
    /// peers) lie within no region, so only unscoped staff see them.
    /// </summary>
    public IQueryable<StaffMember> Staff => _db.Set<StaffMember>().WithinRegion(s => s.Organisation!.RegionCode, Jurisdiction);

    /// <summary>Scan records made at sites within the jurisdiction (the people scanned may live anywhere).</summary>
    public IQueryable<ScanVisit> ScanVisits =>
        from r in _db.Set<ScanRecord>()
        join p in _db.Set<Person>() on r.PersonId equals p.Id
        join s in Sites on r.SiteId equals s.Id
        select new ScanVisit { Record = r, Person = p, Site = s };

    /// <summary>Poster codes of venues within the jurisdiction.</summary>
    public IQueryable<Poster> Posters => _db.Set<Poster>().WithinRegion(p => p.RegionCode, Jurisdiction);

    /// <summary>授权事项 of a region within the jurisdiction.</summary>
    public IQueryable<ErrandMatter> ErrandMatters => _db.Set<ErrandMatter>().WithinRegion(m => m.RegionCode, Jurisdiction);

    /// <summary>Authorisations for matters of a region within the jurisdiction (the matter's region when granted).</summary>
    public IQueryable<ErrandAuthorisation> ErrandAuthorisations => _db.Set<ErrandAuthorisation>().WithinRegion(a => a.RegionCode, Jurisdiction);
    /// <summary>Code applications (码应用 / 扫码应用) managed by the jurisdiction's staff.</summary>
    public IQueryable<CodeApplication> CodeApplications => _db.Set<CodeApplication>().WithinRegion(a => a.RegionCode, Jurisdiction);

    /// <summary>亮码/扫码 records of holders (or venues) within the jurisdiction; unplaced ones are for unscoped staff only.</summary>
    public IQueryable<CodeEventRecord> CodeEvents => _db.Set<CodeEventRecord>().WithinRegion(r => r.RegionCode, Jurisdiction);
    /// <summary>Appointment halls (预约大厅) within the jurisdiction.</summary>
    public IQueryable<AppointmentHall> AppointmentHalls => _db.Set<AppointmentHall>().WithinRegion(h => h.RegionCode, Jurisdiction);

    /// <summary>Time slots of the halls within the jurisdiction.</summary>
    public IQueryable<AppointmentSlot> AppointmentSlots
    {
        get
        {
            if (Jurisdiction is null) return _db.Set<AppointmentSlot>();
            var halls = AppointmentHalls;
            return _db.Set<AppointmentSlot>().Where(s => halls.Any(h => h.Id == s.HallId));
        }
    }

    /// <summary>Appointments at halls within the jurisdiction (the attendees may live anywhere).</summary>
    public IQueryable<Appointment> Appointments
    {
        get
        {
            if (Jurisdiction is null) return _db.Set<Appointment>();
            var halls = AppointmentHalls;
            return _db.Set<Appointment>().Where(a => halls.Any(h => h.Id == a.HallId));
        }
    }

    /// <summary>
    /// Health-data imports of staff whose jurisdiction lies within this one; the authority's (and headquarters') have no
    /// region, so only unscoped staff see them.
    /// </summary>
    public IQueryable<HealthDataImport> Imports => _db.Set<HealthDataImport>().WithinRegion(i => i.RegionCode, Jurisdiction);

    /// <summary>Enterprises registered (credit-code region) within the jurisdiction.</summary>
    public IQueryable<Enterprise> Enterprises => _db.Set<Enterprise>().WithinRegion(e => e.RegionCode, Jurisdiction);

    /// <summary>Staff bindings of the enterprises within the jurisdiction.</summary>
    public IQueryable<EnterpriseBinding> EnterpriseBindings
    {
        get
        {
            if (Jurisdiction is null) return _db.Set<EnterpriseBinding>();
            var enterprises = Enterprises;
            return _db.Set<EnterpriseBinding>().Where(b => enterprises.Any(e => e.Id == b.EnterpriseId));
        }
    }

    /// <summary>数字空间 tags of people (household region) and enterprises within the jurisdiction.</summary>
    public IQueryable<Tag> Tags
    {
        get
        {
            if (Jurisdiction is null) return _db.Set<Tag>();
            var people = People;
            var enterprises = Enterprises;
            return _db.Set<Tag>().Where(t => t.SubjectKind == TagSubjectKind.Person ? people.Any(p => p.Id == t.SubjectId) : enterprises.Any(e => e.Id == t.SubjectId));
        }
    }

    /// <summary>Objections against the tags within the jurisdiction.</summary>
    public IQueryable<TagObjection> TagObjections
    {
        get
        {
            if (Jurisdiction is null) return _db.Set<TagObjection>();
            var tags = Tags;
            return _db.Set<TagObjection>().Where(o => tags.Any(t => t.Id == o.TagId));
        }
    }

    /// <summary>Tag imports of staff whose jurisdiction lies within this one.</summary>
    public IQueryable<TagImport> TagImports => _db.Set<TagImport>().WithinRegion(i => i.RegionCode, Jurisdiction);

    /// <summary>The region prefix statistics are counted under: <paramref name="region"/> (already checked to lie inside) or the jurisdiction; "" = all.</summary>
    public string StatisticsPrefix(string? region) => (region ?? Jurisdiction) is { } scope ? RegionCodes.Prefix(scope) : "";
}

using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.Licences;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Admin.Areas.Admin.Pages.CodeManagement;

/// <summary>
/// 个人码管理 → 电子证照: the licences a person of the jurisdiction has bound (授权关联), in the holder's order, masked as
/// the holder sees them; unbound ones are listed apart with when. A person outside the jurisdiction is "not found".
/// </summary>
[RequirePermission(Permissions.CodeManagement)]
public sealed class LicencesModel : RegionalPageModel
{
    public sealed record Row(long Id, string TypeName, string Number, string? CodeNumber, string Holder, string Issuer, DateOnly ValidFrom, DateOnly? ValidTo,
        bool Expired, DateTimeOffset BoundAt, DateTimeOffset? UnboundAt);

    public long PersonId { get; private set; }
    public string MaskedName { get; private set; } = "";
    public string MaskedDocument { get; private set; } = "";
    public IReadOnlyList<Row> Bound { get; private set; } = [];
    public IReadOnlyList<Row> Unbound { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var person = await Within.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.AnonymisedAt == null, ct);
        if (person is null) return NotFound();
        (PersonId, MaskedName, MaskedDocument) = (person.Id, SensitiveDataMasker.MaskName(person.Name), person.DocumentMasked);
        var rows = (await Db.Set<LicenceBinding>().AsNoTracking().Include(b => b.LicenceType).Where(b => b.PersonId == person.Id)
                .OrderBy(b => b.SortOrder).ThenBy(b => b.Id).ToListAsync(ct))
            .Select(b => new Row(b.Id, b.LicenceType!.Name, b.UnboundAt is null ? b.LicenceNumberMasked : "—", b.CodeNumber, b.HolderMasked, b.Issuer, b.ValidFrom,
                b.ValidTo, LicenceDates.IsExpired(b.ValidTo, Calendar), b.BoundAt, b.UnboundAt)).ToList();
        Bound = rows.Where(r => r.UnboundAt is null).ToList();
        Unbound = rows.Where(r => r.UnboundAt is not null).OrderByDescending(r => r.UnboundAt).ToList();
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using MiniCode.Admin.Security;
using MiniCode.Features.People;
using MiniCode.Features.Staff;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;

namespace MiniCode.Admin.Areas.Admin.Pages.Staff;

[RequirePermission(Permissions.Staff)]
public sealed class CreateModel(TimeProvider time, PasswordHasher hasher, PersonalDataProtector protector, IOptions<AdminOptions> options)
    : RegionalPageModel
{
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Remarks { get; set; }
    [BindProperty(SupportsGet = true)] public StaffType Type { get; set; }
    [BindProperty(SupportsGet = true)] public long? OrganisationId { get; set; }
    [BindProperty] public long? SiteId { get; set; }
    [BindProperty] public long RoleId { get; set; }
    [BindProperty] public StaffStatus Status { get; set; }
    public StaffChoices Choices { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Choices = await LoadChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Choices = await LoadChoicesAsync(ct);
        var username = Username?.Trim();
        var id = IdNumber?.Trim().ToUpperInvariant();
        var today = Calendar.Today();
        var validator = new InputValidator().Required(username, nameof(Username), "账号", 50).Required(Name?.Trim(), nameof(Name), "姓名", 50)
            .Check(username is null || username.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'), nameof(Username), "账号只能包含字母、数字和 _ . -")
            .Check(string.IsNullOrEmpty(id) || ResidentIdNumber.IsValid(id, today, out _), nameof(IdNumber), "身份证号不正确")
            .Check(Password is { Length: > 0 } p && p.Length >= options.Value.MinPasswordLength && p.Length <= 128, nameof(Password), $"密码长度应为{options.Value.MinPasswordLength}到128位")
            .Optional(Remarks, nameof(Remarks), "备注", 500)
            .Check(!await UsernameTakenAsync(username, ct), nameof(Username), "账号已存在");
        if (!Accept(Choices.Validate(validator))) return Page();

        var staff = new StaffMember
        {
            Username = username!, Name = Name!.Trim(), Type = Type, Status = Status, OrganisationId = OrganisationId, SiteId = Type == StaffType.SiteStaff ? SiteId : null,
            RoleId = RoleId, Remarks = Pages.Organisations.CreateModel.Blank(Remarks), PasswordHash = hasher.Hash(Password!),
            SecurityStamp = StaffLogin.NewSecurityStamp(), CreatedAt = time.GetUtcNow(),
        };
        if (!string.IsNullOrEmpty(id))
            (staff.IdNumberCipher, staff.IdNumberIndex, staff.IdNumberMasked) = (protector.Encrypt(id), protector.BlindIndex(id), SensitiveDataMasker.MaskIdNumber(id));
        Db.Add(staff);
        await Audit.RecordCreatedAsync("staff.create", "staff", staff, s => s.Id, staff.Snapshot(), ct);
        Flash($"人员“{staff.Name}”已添加");
        return Redirect("/admin/staff");
    }

    private Task<StaffChoices> LoadChoicesAsync(CancellationToken ct) =>
        StaffChoices.LoadAsync(Within, Db, Current.Permissions, Type, OrganisationId, SiteId, RoleId, Status, ct);

    /// <summary>Usernames are unique across the platform, so this one question is asked of every region.</summary>
    private Task<bool> UsernameTakenAsync(string? username, CancellationToken ct) =>
        AcrossAllRegions<StaffMember>("usernames are unique across the platform").AnyAsync(s => s.Username == username, ct);
}

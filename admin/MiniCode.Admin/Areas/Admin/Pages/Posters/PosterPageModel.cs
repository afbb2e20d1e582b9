using System.Globalization;
using MiniCode.Features.Posters;
using MiniCode.Infrastructure.Logging;

namespace MiniCode.Admin.Areas.Admin.Pages.Posters;

/// <summary>
/// What the poster pages share: loading one poster within the staff member's jurisdiction, and labels. A poster outside
/// the jurisdiction answers 404, as if it did not exist.
/// </summary>
public abstract class PosterPageModel : RegionalPageModel
{

    /// <summary>The poster's admin detail when it exists and lies within the jurisdiction, else null.</summary>
    protected async Task<AdminPosterDetail?> FindAsync(PosterAdminService posters, long id, CancellationToken ct)
    {
        if (!await Within.Posters.AnyAsync(p => p.Id == id, ct)) return null;
        return await posters.DetailAsync(id, ct);
    }

    public string Local(DateTimeOffset at) => Calendar.Format(at, "yyyy-MM-dd HH:mm");

    /// <summary>A local date-time typed in the page (datetime-local) as a UTC instant.</summary>
    protected DateTimeOffset? Utc(DateTime? local) => local is { } l ? Calendar.FromLocal(l) : null;

    public static string Code(long id) => "P" + id.ToString(CultureInfo.InvariantCulture);

    public static string MaskedContact(AdminPosterRow p) => SensitiveDataMasker.MaskName(p.ContactName) + " " + p.ContactPhoneMasked;

    public static string KindLabel(PosterKind kind) => kind == PosterKind.Institution ? "单位码" : "个人码";

    public static string StatusLabel(string status) => status switch { "active" => "使用中", "revoked" => "已停用", "deleted" => "已删除", _ => status };

    public static string StatusClass(string status) => status == "active" ? "ok" : "off";

    public static string VenueTypeLabel(VenueType type) => type switch
    {
        VenueType.Shop => "商超门店", VenueType.Restaurant => "餐饮", VenueType.Office => "办公场所", VenueType.Factory => "工厂",
        VenueType.School => "学校", VenueType.Hospital => "医疗机构", VenueType.Hotel => "宾馆酒店", VenueType.Transport => "交通场站",
        VenueType.Residential => "居民小区", VenueType.Entertainment => "文体娱乐", VenueType.Government => "机关单位",
        VenueType.Religious => "宗教场所", VenueType.Event => "活动现场", _ => "其他",
    };
}

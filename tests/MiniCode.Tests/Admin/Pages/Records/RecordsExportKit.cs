using System.Net;
using System.Text.RegularExpressions;
using Microsoft.VisualBasic.FileIO;
using MiniCode.Features.Staff;
using MiniCode.Tests.Checkpoints;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Admin.Pages.Records;

/// <summary>Reads the records page's column headers and its CSV export (parsed by an independent RFC 4180 reader).</summary>
public static partial class RecordsExportKit
{
    public static readonly string[] AllHeaders = ["记录时间", "姓名", "身份证号", "体温", "健康码", "劝返", "站点", "扫码员", "方式", "备注"];

    public static string[] Headers(string html) => HeaderCell().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();

    /// <summary>GETs the export; returns the announced row count (X-Total-Count) and the parsed records, header first.</summary>
    public static async Task<(int Total, List<string[]> Records)> ExportAsync(this AdminClient admin, string query)
    {
        var response = await admin.Http.GetAsync("/admin/records?handler=Export" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var total = int.Parse(Assert.Single(response.Headers.GetValues("X-Total-Count")), System.Globalization.CultureInfo.InvariantCulture);
        return (total, Parse(await response.Content.ReadAsStringAsync()));
    }

    public static List<string[]> Parse(string csv)
    {
        using var parser = new TextFieldParser(new StringReader(csv.TrimStart('\uFEFF'))) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var records = new List<string[]>();
        while (!parser.EndOfData) records.Add(parser.ReadFields()!);
        return records;
    }

    /// <summary>The columns saved for a staff member (by username), or null when none are saved.</summary>
    public static Task<string?> SavedColumnsAsync(this MiniCodeFactory factory, string username) =>
        factory.QueryAsync(db => (from p in db.Set<StaffPreference>()
                                  join s in db.Set<StaffMember>() on p.StaffId equals s.Id
                                  where s.Username == username && p.Key == "records.columns"
                                  select p.Value).SingleOrDefaultAsync());

    [GeneratedRegex("<th>([^<]*)</th>")]
    private static partial Regex HeaderCell();
}

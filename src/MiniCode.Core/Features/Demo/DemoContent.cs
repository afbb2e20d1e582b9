using MiniCode.Data;
using MiniCode.Features.Announcements;
using MiniCode.Features.Faq;
using MiniCode.Features.Forms;

namespace MiniCode.Features.Demo;

/// <summary>What staff would have written in their first week: FAQs with hotlines, announcements and service links, a form.</summary>
internal sealed class DemoContent(IServiceProvider services, DemoWorld world)
{
    public const string FormTitle = "返乡人员信息登记（演示）";

    private static readonly (string Category, (string Q, string A, bool Hot)[] Questions)[] Faqs =
    [
        ("健康码申领", [
            ("如何申领健康码？", "在小程序首页点击“申领健康码”，完成实名认证和人脸核验后填写健康申报即可。", true),
            ("没有智能手机怎么办？", "可由家人在“亲友健康码”中代为申领，或到社区服务中心由工作人员辅助登记。", true),
            ("港澳台居民和外籍人士能申领吗？", "可以，选择对应证件类型（港澳居民来往内地通行证、台湾居民来往大陆通行证或护照）进行实名。", false),
        ]),
        ("健康码颜色", [
            ("为什么我的健康码是黄码？", "近期申报发热等症状或现场测温异常会显示黄码，登记一次正常体温后恢复。", true),
            ("对健康码颜色有异议怎么办？", "在“我的-申诉”提交申诉，工作人员审核后处理，结果会通过消息通知您。", true),
            ("红码多久可以转绿？", "按照卫生健康部门的隔离和检测要求完成后，由系统自动或人工审核转码。", false),
        ]),
        ("场所码与核验", [
            ("场所码怎么申请？", "在“张贴码”中填写场所名称、地址和联系人，提交后即可下载打印。", false),
            ("核验员如何登录？", "使用管理员分配的手机号和密码登录“码上行动”小程序。", false),
        ]),
    ];

    public async Task BuildAsync(CancellationToken ct)
    {
        var db = services.GetRequiredService<MiniCodeDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var order = 0;
        foreach (var (name, questions) in Faqs)
        {
            var category = new FaqCategory { Name = name, SortOrder = order++ };
            db.Add(category);
            db.AddRange(questions.Select((q, i) => new FaqQuestion { Category = category, Question = q.Q, Answer = q.A, IsHot = q.Hot, SortOrder = i, UpdatedAt = now }));
        }
        db.Add(new ConsultationPhone { RegionCode = DemoWorld.ProvinceRegion, Name = "演示省疫情防控热线", Phone = "12345", SortOrder = 0 });
        foreach (var (d, i) in world.Districts.Select((d, i) => (d, i)))
            db.Add(new ConsultationPhone { RegionCode = d.RegionCode, Name = d.Name + "防控咨询", Phone = "0999-" + (8800001 + i), SortOrder = i + 1 });
        db.Add(new FaqUnansweredQuestion { Text = "外地来的货车司机怎么申领", RegionCode = world.Districts[0].RegionCode, Count = 3, FirstAskedAt = now.AddDays(-2), LastAskedAt = now });

        db.Add(new Announcement
        {
            Title = "关于调整演示省健康码赋码规则的通告（演示）", Body = "自即日起，现场测温正常即可解除因发热申报产生的黄码。本通告为演示数据。",
            RegionCode = DemoWorld.ProvinceRegion, PublishFrom = now.AddDays(-1), CreatedAt = now,
        });
        db.Add(new Announcement
        {
            Title = world.Districts[0].Name + "新增两处便民核酸采样点（演示）", Body = "采样时间 8:00—20:00，请携带身份证件。本通告为演示数据。",
            RegionCode = world.Districts[0].RegionCode, PublishFrom = now.AddHours(-6), PublishUntil = now.AddDays(14), CreatedAt = now,
        });
        db.Add(new ServiceLink { RegionCode = DemoWorld.ProvinceRegion, Kind = ServiceLinkKind.TestingSites, Title = "核酸采样点查询", Target = "https://example.org/demo/testing", SortOrder = 0 });
        db.Add(new ServiceLink { RegionCode = DemoWorld.ProvinceRegion, Kind = ServiceLinkKind.Vaccination, Title = "疫苗接种预约", Target = "https://example.org/demo/vaccine", SortOrder = 1 });

        db.Add(new CustomForm
        {
            RegionCode = DemoWorld.ProvinceRegion, Title = FormTitle, Description = "从外省返回演示省的人员请如实登记。", CreatedAt = now,
            Fields =
            [
                new FormField { Key = "name", Label = "姓名", Type = FormFieldType.Text, Required = true, SortOrder = 0 },
                new FormField { Key = "returned_on", Label = "返回日期", Type = FormFieldType.Date, Required = true, SortOrder = 1 },
                new FormField { Key = "from", Label = "出发地", Type = FormFieldType.SingleChoice, Required = true, Options = "省内\n省外低风险地区\n境外", SortOrder = 2 },
            ],
        });
        await db.SaveChangesAsync(ct);
    }
}

using System.Net.Http.Json;
using MiniCode.Data;
using MiniCode.Features.Forms;
using MiniCode.Features.Jobs;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;
using MiniCode.Tests.Jobs;

namespace MiniCode.Tests.Forms;

/// <summary>Form answers are personal data: encrypted in the table, shown to staff, and deleted after the retention period.</summary>
public sealed class FormAnswerRetentionTests
{
    [Fact]
    public async Task Answers_are_stored_encrypted_shown_to_staff_and_purged_after_the_retention_days()
    {
        using var host = new JobsTestHost();
        host.With("Forms:AnswerRetentionDays", "30");
        host.Start();
        var formId = await host.QueryAsync(async db =>
        {
            var form = new CustomForm
            {
                RegionCode = "220100", Title = "返长登记", CreatedAt = host.Clock.GetUtcNow(),
                Fields = [new FormField { Key = "address", Label = "住址", Type = FormFieldType.Text, Required = true }],
            };
            db.Add(form);
            await db.SaveChangesAsync();
            return form.Id;
        });
        var citizen = await host.CitizenAsync("邓表单");
        await HttpAssert.Ok(await citizen.Client.PostAsJsonAsync($"/api/forms/{formId}/submissions", new { address = "长春市南关区人民大街1号" }));
        var stored = await host.QueryAsync(db => db.Set<FormSubmission>().Select(s => s.Answers).SingleAsync());
        Assert.StartsWith("v1:", stored);
        Assert.DoesNotContain("人民大街", stored);
        Assert.DoesNotContain("\\u", stored);

        // A row written before encryption at rest, 20 days old.
        await host.QueryAsync(async db =>
        {
            db.Add(new FormSubmission { FormId = formId, AccountId = citizen.AccountId, Answers = "{\"address\":\"旧明文地址\"}", SubmittedAt = host.Clock.GetUtcNow().AddDays(-20) });
            return await db.SaveChangesAsync();
        });
        var admin = await Admin.AdminClient.LoggedInAsync(host);
        var page = await admin.GetPageAsync($"/admin/forms/submissions?id={formId}");
        Assert.Contains("长春市南关区人民大街1号", page);
        Assert.Contains("旧明文地址", page);

        var first = await host.RunNowAsync("purge-form-answers");
        Assert.Equal((JobOutcome.Succeeded, 1), (first.Outcome, first.ItemsProcessed)); // the old row encrypted, nothing purged
        Assert.All(await host.QueryAsync(db => db.Set<FormSubmission>().Select(s => s.Answers).ToListAsync()), a => Assert.StartsWith("v1:", a));
        Assert.Contains("旧明文地址", await admin.GetPageAsync($"/admin/forms/submissions?id={formId}"));

        // 11 days later the old row is past 30 days and goes; the new one stays until its own 30 days.
        host.Clock.Advance(TimeSpan.FromDays(11));
        var second = await host.RunNowAsync("purge-form-answers");
        Assert.Equal((JobOutcome.Succeeded, 1), (second.Outcome, second.ItemsProcessed));
        Assert.Equal(1, await host.QueryAsync(db => db.Set<FormSubmission>().CountAsync()));
        host.Clock.Advance(TimeSpan.FromDays(20));
        Assert.Equal(1, (await host.RunNowAsync("purge-form-answers")).ItemsProcessed);
        Assert.Equal(0, await host.QueryAsync(db => db.Set<FormSubmission>().CountAsync()));
    }
}

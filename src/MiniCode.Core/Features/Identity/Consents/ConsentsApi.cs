using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Identity.Consents;

/// <summary>Gives a consent again after a withdrawal (or before first use): <c>real_name</c>, <c>face_verification</c>, <c>portrait</c> or <c>digital_space</c>.</summary>
public sealed record GiveConsentRequest(string? Purpose) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services) =>
        v.Check(Purpose is not null && ConsentPurposes.All.Contains(Purpose), "purpose", "用途须为 real_name、face_verification、portrait 或 digital_space");
}

/// <summary>个人信息授权 under <c>/api/me/consents</c>: the person's consents, giving one, withdrawing one.</summary>
public static class ConsentsApi
{
    public static RouteGroupBuilder MapConsentsApi(this RouteGroupBuilder me)
    {
        me.MapGet("/consents", List);
        me.MapPost("/consents", Give);
        me.MapDelete("/consents/{purpose}", Withdraw).ProducesErrors(IdentityErrors.ConsentNotFound);
        return me;
    }

    /// <summary>我的个人信息授权</summary>
    /// <remarks>本人（含同一人的其他账号）对实名认证、人脸核验、人像照片的同意记录：用途、文本版本（<c>Identity:Consents:*TextVersion</c>）、同意时间、撤回时间、经由的账号。首次使用该功能时记录同意。</remarks>
    internal static async Task<Ok<IReadOnlyList<ConsentView>>> List(CurrentAccount me, ConsentService consents, CancellationToken ct) =>
        TypedResults.Ok(await consents.ListAsync(me.Account.Id, ct));

    /// <summary>同意个人信息处理</summary>
    /// <remarks>对当前文本版本给出同意（撤回后重新同意）；已有有效同意时原样返回。</remarks>
    internal static async Task<Created<ConsentView>> Give(GiveConsentRequest body, CurrentAccount me, ConsentService consents, CancellationToken ct)
    {
        var view = await consents.GiveAsync(me.Account.Id, body.Purpose!, ct);
        return TypedResults.Created("/api/me/consents", view);
    }

    /// <summary>撤回个人信息处理同意</summary>
    /// <remarks>撤回后该功能对本人停止：实名认证、人脸核验（开始核验、亮码前核验）和本人人像（上传、获取、展示）答复 409 <c>identity.consent_withdrawn</c>，直至重新同意；撤回人像同意同时删除本人人像；撤回数字空间同意（<c>digital_space</c>）同时删除以同意为依据的本人标签。没有有效同意时 404。</remarks>
    internal static async Task<NoContent> Withdraw(string purpose, CurrentAccount me, ConsentService consents, CancellationToken ct)
    {
        await consents.WithdrawAsync(me.Account.Id, me.Account.PersonId, purpose, ct);
        return TypedResults.NoContent();
    }
}

using System.Security.Claims;
using MiniCode.Features.Sessions;
using MiniCode.Infrastructure.Endpoints;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Features.Contacts;

/// <summary>常用联系人 under <c>/api/me/contacts</c>: the caller's own person's list only.</summary>
public static class ContactsApi
{
    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("/api/me/contacts").RequireAuthorization(SessionsSetup.CitizenPolicy)
            .RequireRateLimiting(FoundationSetup.RateLimits.PerClient).WithTags("Contacts")
            .ProducesErrors(SessionErrors.Challenge, SessionErrors.RealNameRequired);
        g.MapGet("", List);
        g.MapPost("", Add).ProducesErrors(ContactsErrors.Limit, ContactsErrors.Exists);
        g.MapGet("/{id:long}", Get).ProducesErrors(ContactsErrors.NotFound);
        g.MapPut("/{id:long}", Update).ProducesErrors(ContactsErrors.NotFound, ContactsErrors.Exists);
        g.MapDelete("/{id:long}", Delete).ProducesErrors(ContactsErrors.NotFound);
        return app;
    }

    /// <summary>常用联系人</summary>
    /// <remarks>本人的常用联系人（姓名、关系、手机号和证件号脱敏），用于授权办事和预约。</remarks>
    internal static async Task<Ok<IReadOnlyList<ContactView>>> List(ClaimsPrincipal user, ContactService contacts, CancellationToken ct) =>
        TypedResults.Ok(await contacts.ListAsync(user.PersonIdOrThrow(), ct));

    /// <summary>添加常用联系人</summary>
    /// <remarks>姓名、关系、身份证号（校验码校验，只接受 ASCII 数字）、手机号（可选）；证件号和手机号加密存储。同一证件只能添加一次（409），至多 <c>MiniCode:Contacts:MaxPerPerson</c> 位。</remarks>
    internal static async Task<Created<ContactView>> Add(ContactRequest body, ClaimsPrincipal user, ContactService contacts, CancellationToken ct)
    {
        var view = await contacts.AddAsync(user.PersonIdOrThrow(), body, ct);
        return TypedResults.Created($"/api/me/contacts/{view.Id}", view);
    }

    /// <summary>常用联系人详情</summary>
    /// <remarks>脱敏显示。</remarks>
    internal static async Task<Ok<ContactView>> Get(long id, ClaimsPrincipal user, ContactService contacts, CancellationToken ct) =>
        TypedResults.Ok(await contacts.GetAsync(user.PersonIdOrThrow(), id, ct));

    /// <summary>修改常用联系人</summary>
    /// <remarks>规则同添加。</remarks>
    internal static async Task<Ok<ContactView>> Update(long id, ContactRequest body, ClaimsPrincipal user, ContactService contacts, CancellationToken ct) =>
        TypedResults.Ok(await contacts.UpdateAsync(user.PersonIdOrThrow(), id, body, ct));

    /// <summary>删除常用联系人</summary>
    /// <remarks>删除后不影响已提交的授权和预约。</remarks>
    internal static async Task<NoContent> Delete(long id, ClaimsPrincipal user, ContactService contacts, CancellationToken ct)
    {
        await contacts.DeleteAsync(user.PersonIdOrThrow(), id, ct);
        return TypedResults.NoContent();
    }
}

using MiniCode.Data;
using MiniCode.Features.People;
using MiniCode.Infrastructure.Errors;
using MiniCode.Infrastructure.Logging;
using MiniCode.Infrastructure.Security;
using MiniCode.Platform.Alipay;
using MiniCode.Platform.WeChat;

namespace MiniCode.Features.Identity;

/// <summary>A way into an account, masked: <c>wechat</c>, <c>alipay</c>, <c>phone</c> (SMS) or <c>password</c>.</summary>
public sealed record LoginMethodDto(long AccountId, bool ThisAccount, string Method, string Display);

/// <summary>
/// The login methods of accounts: finding the account of a WeChat or Alipay identity, putting one on an account, listing
/// the methods of every account of a person, and taking one off (never the last).
/// </summary>
public sealed class AccountLogins(MiniCodeDbContext db, PersonalDataProtector protector, TimeProvider time)
{
    public static class Methods
    {
        public const string WeChat = "wechat";
        public const string Alipay = "alipay";
        public const string Phone = "phone";
        public const string Password = "password";
        /// <summary>The methods <c>/api/me/links/{method}</c> links and unlinks.</summary>
        public static readonly string[] Linkable = [WeChat, Alipay, Phone];
    }

    /// <summary>The account of this WeChat user: by openid (the first or a further one), then by unionid.</summary>
    public async Task<Account?> ByWeChatAsync(WeChatSession s, CancellationToken ct)
    {
        var accounts = db.Set<Account>().Include(a => a.Person);
        return await accounts.FirstOrDefaultAsync(a => a.WeChatOpenId == s.OpenId, ct)
            ?? await accounts.FirstOrDefaultAsync(a => db.Set<WeChatOpenIdLink>().Any(l => l.AccountId == a.Id && l.OpenId == s.OpenId), ct)
            ?? (s.UnionId is null ? null : await accounts.FirstOrDefaultAsync(a => a.WeChatUnionId == s.UnionId, ct));
    }

    /// <summary>
    /// Puts this WeChat identity on <paramref name="account"/>: the openid as its first or a further one, the unionid when
    /// it has none and no other account holds it, and the latest session key. Caller saves.
    /// </summary>
    public async Task AttachWeChatAsync(Account account, WeChatSession s, CancellationToken ct)
    {
        if (account.WeChatOpenId is null) account.WeChatOpenId = s.OpenId;
        else if (account.WeChatOpenId != s.OpenId && !await db.Set<WeChatOpenIdLink>().AnyAsync(l => l.OpenId == s.OpenId, ct))
            db.Add(new WeChatOpenIdLink { AccountId = account.Id, OpenId = s.OpenId, LinkedAt = time.GetUtcNow() });
        if (s.UnionId is not null && account.WeChatUnionId is null
            && !await db.Set<Account>().AnyAsync(a => a.WeChatUnionId == s.UnionId && a.Id != account.Id, ct))
            account.WeChatUnionId = s.UnionId;
        account.WeChatSessionKeyCipher = protector.Encrypt(s.SessionKey);
    }

    public Task<Account?> ByAlipayAsync(AlipayOAuthToken t, CancellationToken ct) =>
        db.Set<Account>().Include(a => a.Person).FirstOrDefaultAsync(a =>
            (t.UserId != null && a.AlipayUserId == t.UserId) || (t.OpenId != null && a.AlipayOpenId == t.OpenId), ct);

    public static void AttachAlipay(Account account, AlipayOAuthToken t)
    {
        account.AlipayUserId = t.UserId ?? account.AlipayUserId;
        account.AlipayOpenId = t.OpenId ?? account.AlipayOpenId;
    }

    /// <summary>The methods that log into <paramref name="a"/>, optionally as if <paramref name="without"/> were taken off.</summary>
    public static IReadOnlyList<string> MethodsOf(Account a, string? without = null)
    {
        var list = new List<string>();
        if (a.WeChatOpenId is not null && without != Methods.WeChat) list.Add(Methods.WeChat);
        if ((a.AlipayUserId ?? a.AlipayOpenId) is not null && without != Methods.Alipay) list.Add(Methods.Alipay);
        var phone = a.PhoneIndex is not null && without != Methods.Phone;
        if (phone) list.Add(Methods.Phone);
        // A password logs in with the phone or the username.
        if (a.PasswordHash is not null && (phone || a.Username is not null)) list.Add(Methods.Password);
        return list;
    }

    /// <summary>The login methods of every account standing on the person of <paramref name="me"/> (just its own before real name).</summary>
    public async Task<IReadOnlyList<LoginMethodDto>> OfPersonAsync(Account me, CancellationToken ct)
    {
        var others = me.PersonId is { } personId
            ? await db.Set<Account>().AsNoTracking()
                .Where(a => a.PersonId == personId && a.Id != me.Id && a.Status != AccountStatus.Deleted).OrderBy(a => a.Id).ToListAsync(ct)
            : [];
        var ids = others.Select(a => a.Id).Append(me.Id).ToList();
        var extraOpenIds = await db.Set<WeChatOpenIdLink>().AsNoTracking().Where(l => ids.Contains(l.AccountId)).ToListAsync(ct);
        var result = new List<LoginMethodDto>();
        foreach (var a in others.Prepend(me))
        {
            foreach (var method in MethodsOf(a)) result.Add(new(a.Id, a.Id == me.Id, method, Display(a, method)));
            result.AddRange(extraOpenIds.Where(l => l.AccountId == a.Id)
                .Select(l => new LoginMethodDto(a.Id, a.Id == me.Id, Methods.WeChat, SensitiveDataMasker.MaskIdNumber(l.OpenId))));
        }
        return result;
    }

    private static string Display(Account a, string method) => method switch
    {
        Methods.WeChat => SensitiveDataMasker.MaskIdNumber(a.WeChatOpenId),
        Methods.Alipay => SensitiveDataMasker.MaskIdNumber(a.AlipayUserId ?? a.AlipayOpenId),
        Methods.Phone => a.PhoneMasked ?? "",
        _ => a.Username ?? a.PhoneMasked ?? "",
    };

    /// <summary>Chinese names of the methods, for a message that says which login to use.</summary>
    public static string Names(IEnumerable<string> methods) => string.Join("、", methods.Select(m => m switch
    {
        Methods.WeChat => "微信",
        Methods.Alipay => "支付宝",
        Methods.Phone => "手机号验证码",
        _ => "密码",
    }));

    /// <summary>A phone that logs into another account than the platform identity's: never moved, the answer names that account's logins.</summary>
    public static ApiException PhoneBoundElsewhere(Account holder)
    {
        var methods = MethodsOf(holder);
        return new ApiException(IdentityErrors.PhoneBoundElsewhere, $"该手机号已绑定另一个账号，请使用{Names(methods)}登录该账号",
            new Dictionary<string, object?> { ["logins"] = methods });
    }

    /// <summary>Refuses to link an identity another account already holds, naming that account's logins.</summary>
    public static ApiException LoginInUse(Account holder) =>
        new(IdentityErrors.LoginInUse, $"该登录方式已属于另一个账号，请使用{Names(MethodsOf(holder))}登录该账号",
            new Dictionary<string, object?> { ["logins"] = MethodsOf(holder) });

    /// <summary>A linkable method that is on the account and not its last one (checked before any proof is spent).</summary>
    public static void EnsureUnlinkable(Account account, string method)
    {
        if (!Methods.Linkable.Contains(method) || !MethodsOf(account).Contains(method)) throw new ApiException(IdentityErrors.LoginNotLinked);
        if (MethodsOf(account, without: method).Count == 0) throw new ApiException(IdentityErrors.LastLogin);
    }

    /// <summary>Takes <paramref name="method"/> off <paramref name="account"/> once its proof checked out; never the last one. Caller saves.</summary>
    public async Task UnlinkAsync(Account account, string method, CancellationToken ct)
    {
        EnsureUnlinkable(account, method);
        switch (method)
        {
            case Methods.WeChat:
                account.WeChatOpenId = account.WeChatUnionId = account.WeChatSessionKeyCipher = null;
                var id = account.Id;
                db.RemoveRange(await db.Set<WeChatOpenIdLink>().Where(l => l.AccountId == id).ToListAsync(ct)); // saved with the account
                break;
            case Methods.Alipay:
                account.AlipayUserId = account.AlipayOpenId = null;
                break;
            default:
                account.PhoneCipher = account.PhoneIndex = account.PhoneMasked = null;
                break;
        }
    }
}

/// <summary>A deleted account's further WeChat openids go with its other identifiers.</summary>
internal sealed class WeChatOpenIdCleanup(MiniCodeDbContext db) : IAccountDeletionParticipant
{
    public Task OnAccountDeletingAsync(long accountId, long? personId, CancellationToken ct) =>
        db.Set<WeChatOpenIdLink>().Where(l => l.AccountId == accountId).ExecuteDeleteAsync(ct);
}

using MiniCode.Infrastructure.Cluster;

namespace MiniCode.Features.People;

public enum AccountKind
{
    Citizen,
    Scanner,
}

public enum AccountStatus
{
    /// <summary>正常</summary>
    Active,
    /// <summary>已停用（不能登录）</summary>
    Disabled,
    /// <summary>已注销</summary>
    Deleted,
}

/// <summary>
/// A login identity: WeChat openid(s), Alipay user id, phone, or username + password. A citizen account gets its
/// <see cref="PersonId"/> when it completes real-name verification; several accounts of one human (WeChat and Alipay, say)
/// stand on the same person. The phone is stored encrypted with a unique blind index (a phone belongs to one account);
/// the WeChat unionid is unique too, so every openid of one WeChat user reaches the same account.
/// </summary>
public sealed class Account : IClusterSignalled
{
    public IEnumerable<ClusterSignal> ClusterSignals() => ClusterSignal.For(ClusterTopics.Accounts, Id);

    public long Id { get; set; }
    public AccountKind Kind { get; set; }
    public AccountStatus Status { get; set; } = AccountStatus.Active;
    public long? PersonId { get; set; }
    public Person? Person { get; set; }
    public string? PhoneCipher { get; set; }
    public string? PhoneIndex { get; set; }
    public string? PhoneMasked { get; set; }
    /// <summary>The openid of the first WeChat login; further openids of the same unionid are <see cref="WeChatOpenIdLink"/>s.</summary>
    public string? WeChatOpenId { get; set; }
    public string? WeChatUnionId { get; set; }
    /// <summary>The latest WeChat <c>session_key</c>, encrypted; never sent to a client.</summary>
    public string? WeChatSessionKeyCipher { get; set; }
    public string? AlipayUserId { get; set; }
    public string? AlipayOpenId { get; set; }
    public string? Username { get; set; }
    public string? PasswordHash { get; set; }
    public int FailedPasswordAttempts { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set when the owner deleted the account (PIPL); the row keeps no personal data after that.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
}

/// <summary>
/// A further WeChat openid of an account: another mini program or the official account of the same WeChat Open Platform
/// entity, recognised by the unionid.
/// </summary>
public sealed class WeChatOpenIdLink
{
    public long Id { get; set; }
    public long AccountId { get; set; }
    public string OpenId { get; set; } = "";
    public DateTimeOffset LinkedAt { get; set; }
}

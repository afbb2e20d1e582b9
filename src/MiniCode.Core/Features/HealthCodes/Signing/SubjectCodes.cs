using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MiniCode.Features.HealthCodes.Signing;

/// <summary>
/// Extension point for the 一码通 services (e-licences, enterprise codes, authorisations, appointments): each feature
/// registers one check for its <see cref="CodeType"/> with <c>services.AddSubjectCodeCheck&lt;T&gt;()</c>. The verifier
/// calls it for a correctly signed, unexpired code of that type; a type nobody registered verifies as revoked.
/// </summary>
public interface ISubjectCodeCheck
{
    CodeType Type { get; }

    /// <summary>Whether the record behind <see cref="CodeClaims.SubjectId"/> is still live (not revoked, ended, suspended),
    /// and what a counter may see about it. The subject may be shown even when not live, so the counter learns why.</summary>
    Task<SubjectCodeState> CheckAsync(CodeClaims claims, CancellationToken cancellationToken);
}

public sealed record SubjectCodeState(bool Live, string? RegionCode, CodeSubjectView? Subject);

/// <summary>
/// What a counter or checkpoint may see about a 一码通 code: never a full name, ID number or phone.
/// </summary>
/// <param name="Title">What the code stands for: the licence type (居民身份电子凭证), the enterprise name, the matter.</param>
/// <param name="MaskedHolder">The person who shows it (张*), masked.</param>
/// <param name="State">The record's state in the feature's words (e.g. "active", "revoked", "arrived").</param>
/// <param name="Facts">Further masked facts in display order (licence number, grantor, hall, slot …).</param>
public sealed record CodeSubjectView(string Title, string? MaskedHolder, string? State, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo,
    IReadOnlyList<CodeSubjectFact> Facts);

/// <param name="Name">A stable machine name (licenceNumber, grantor, hall).</param>
/// <param name="Label">The Chinese label a counter shows (证照编号, 授权人, 办事大厅).</param>
/// <param name="Value">The value, already masked where it is personal.</param>
public sealed record CodeSubjectFact(string Name, string Label, string Value);

public static class SubjectCodeRegistration
{
    /// <summary>Registers a feature's subject-code check (order-free; one per code type).</summary>
    public static IServiceCollection AddSubjectCodeCheck<T>(this IServiceCollection services) where T : class, ISubjectCodeCheck
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ISubjectCodeCheck, T>());
        return services;
    }
}

/// <summary>
/// 码对象主体管理: a staff correction of the subject behind a category's codes (a person, an enterprise, a venue), each
/// field null when left as it is. The feature that owns the subject applies what staff may change for its kind and
/// refuses the rest; every correction carries a reason for the audit trail.
/// </summary>
public sealed record SubjectCorrection(string? Name, string? RegionCode, bool? Stopped, string? Reason)
{
    public const int MaxReason = 200;

    public string? NewName => Name?.Trim();
    public string? NewRegion => RegionCode?.Trim();
    public string TrimmedReason => Reason?.Trim() ?? "";

    /// <summary>The rules every kind shares: a reason, a valid region code, a non-empty name of at most <paramref name="maxName"/>.</summary>
    public Infrastructure.Errors.InputValidator Check(int maxName)
    {
        var v = new Infrastructure.Errors.InputValidator().Required(Reason?.Trim(), "reason", "更正原因", MaxReason);
        if (Name is not null) v.Required(NewName, "name", "名称", maxName);
        if (RegionCode is not null) v.Check(Organisations.RegionCodes.IsValid(NewRegion), "regionCode", "地区编码应为6位数字");
        return v;
    }
}

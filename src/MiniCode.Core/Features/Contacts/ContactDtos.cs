using MiniCode.Features.Identity;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Contacts;

/// <summary>
/// A contact to add or replace: <c>name</c> and <c>idNumber</c> (18-digit resident ID number, ASCII digits and check digit
/// as in real-name verification) required, <c>relation</c> (≤ 20) and <c>phone</c> (mainland mobile) optional.
/// </summary>
public sealed record ContactRequest(string? Name, string? Relation, string? Phone, string? IdNumber) : IValidatable
{
    public void Validate(InputValidator v, IServiceProvider services)
    {
        RealNameService.ValidateName(Name, v);
        services.GetRequiredService<RealNameService>().ParseResidentId(IdNumber, v);
        v.Optional(Relation, "relation", "关系", 20);
        if (!string.IsNullOrWhiteSpace(Phone)) v.Check(PhoneNumbers.Normalise(Phone) is not null, "phone", "手机号格式不正确");
    }
}

/// <summary>A contact as its owner sees it: ID number and phone masked.</summary>
public sealed record ContactView(long Id, string Name, string? Relation, string IdNumber, string? Phone, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

using Microsoft.AspNetCore.Mvc;
using MiniCode.Infrastructure.Errors;

namespace MiniCode.Features.Organisations;

/// <summary><c>?region=</c>: the user's six-digit region code, required (<c>[AsParameters]</c>, checked by the validation filter).</summary>
public sealed record RegionQuery : IValidatable
{
    // A property, not a primary-constructor parameter: the request delegate generator cannot bind the latter when it
    // is a nullable reference type.
    [FromQuery(Name = "region")] public string? Region { get; init; }

    public const string Message = "地区编码应为6位数字";

    public void Validate(InputValidator v, IServiceProvider services) => v.Check(RegionCodes.IsValid(Region), "region", Message);
}

/// <summary><c>?region=</c> when a region narrows the answer but may be left out.</summary>
public sealed record OptionalRegionQuery : IValidatable
{
    [FromQuery(Name = "region")] public string? Region { get; init; }

    public void Validate(InputValidator v, IServiceProvider services) =>
        v.Check(Region is null || RegionCodes.IsValid(Region), "region", RegionQuery.Message);
}

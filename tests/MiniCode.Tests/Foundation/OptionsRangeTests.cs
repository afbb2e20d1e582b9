using System.ComponentModel.DataAnnotations;
using System.Reflection;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Tests.Foundation;

/// <summary>
/// Options are validated at start, and test hosts start side by side in one process sharing attribute
/// instances. The stock <c>[Range(typeof(TimeSpan), ...)]</c> converts its bounds without a lock and once
/// made a host fail to start with InvalidCastException; these tests keep that from coming back.
/// </summary>
public sealed class OptionsRangeTests
{
    [Fact]
    public void TimeSpan_range_checks_both_bounds()
    {
        var range = new TimeSpanRangeAttribute("00:01:00", "00:10:00");
        Assert.True(range.IsValid(TimeSpan.FromMinutes(1)));
        Assert.True(range.IsValid(TimeSpan.FromMinutes(10)));
        Assert.False(range.IsValid(TimeSpan.FromSeconds(59)));
        Assert.False(range.IsValid(TimeSpan.FromMinutes(11)));
        Assert.False(range.IsValid("00:05:00"));
        Assert.Contains("Lifetime", range.FormatErrorMessage("Lifetime"));
    }

    [Fact]
    public async Task TimeSpan_range_is_safe_to_validate_from_many_threads_at_once()
    {
        for (var round = 0; round < 200; round++)
        {
            var range = new TimeSpanRangeAttribute("00:00:00", "01:00:00");
            using var barrier = new Barrier(4);
            var threads = Enumerable.Range(0, barrier.ParticipantCount).Select(_ => Task.Factory.StartNew(() =>
            {
                barrier.SignalAndWait();
                return range.IsValid(TimeSpan.FromMinutes(30));
            }, TaskCreationOptions.LongRunning)).ToArray();
            Assert.All(await Task.WhenAll(threads), Assert.True);
        }
    }

    [Fact]
    public void No_option_uses_a_range_whose_bounds_are_converted_lazily()
    {
        var lazilyConverted =
            from assembly in new[] { typeof(TimeSpanRangeAttribute).Assembly, typeof(MiniCode.Admin.AdminSetup).Assembly }
            from type in assembly.GetTypes()
            from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            from range in property.GetCustomAttributes<RangeAttribute>()
            where range.Minimum is string // only the (Type, string, string) form converts on first use
            select $"{type.Name}.{property.Name}";
        Assert.Empty(lazilyConverted);
    }
}

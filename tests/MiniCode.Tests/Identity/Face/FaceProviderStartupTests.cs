using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Identity.Face;

/// <summary>Outside Development and Testing the simulator provider (and so its sim: tokens) is refused at start.</summary>
public sealed class FaceProviderStartupTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void The_simulator_provider_is_refused_outside_development_and_testing_naming_the_setting(string environment)
    {
        using var host = new MiniCodeFactory().With("Environment", environment).With("Identity:Face:Provider", "Simulator");
        var ex = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains("Identity:Face:Provider = Simulator is for Development and Testing only", ex.ToString());
    }

    [Fact]
    public void Production_without_a_face_provider_fails_naming_the_setting()
    {
        using var host = new MiniCodeFactory().With("Environment", "Production");
        var ex = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains("Identity:Face:Provider (the face verification provider", ex.ToString());
    }

    [Fact]
    public void TencentCloud_without_its_credentials_fails_naming_them()
    {
        using var host = new MiniCodeFactory().With("Identity:Face:Provider", "TencentCloud").With("Identity:Face:TencentCloud:SecretKey", "");
        var ex = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains("Identity:Face:TencentCloud:SecretId, SecretKey and RuleId are required", ex.ToString());
    }
}

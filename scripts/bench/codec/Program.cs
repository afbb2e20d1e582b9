using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using MiniCode.Features.HealthCodes;
using MiniCode.Features.HealthCodes.Engine;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Infrastructure.Hosting;
using MiniCode.Infrastructure.Security;

// In process and short (the machine is shared): enough for allocations/op, which are exact, and a rough ns/op.
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkRunner.Run<CodecBenchmarks>(config, args);

/// <summary>The per-request work of show-code and verify that does not touch the database or the network.</summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private CodeSigner _signer = null!;
    private string _payload = "";
    private CodeView _view = null!;
    private HealthCodesApi.VerifyResponse _verified = null!;
    private JsonSerializerOptions _json = null!;
    private readonly DateTimeOffset _now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [GlobalSetup]
    public void Setup()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SigningKeyRing.KeysSetting] = SigningKeyRing.GenerateEntry(),
        }).Build();
        var store = new KeyMaterialStore(settings, new HostingEnvironment { EnvironmentName = "Production" });
        _signer = new CodeSigner(new SigningKeyRing(store, settings));
        var (text, claims) = _signer.Sign(CodeType.HealthCode, 123456, HealthColor.Green, _now, TimeSpan.FromSeconds(60));
        _payload = text;
        // The options the host writes JSON with (FoundationSetup's ConfigureHttpJsonOptions on the web defaults).
        _json = MiniCodeJson();
        _view = new CodeView(text, HealthColor.Green, [], "请正常通行", new CodeBadges("48小时核酸阴性", VaccinationStatus.Full, false),
            claims.IssuedAt, claims.ExpiresAt, new CodeStyle("health_code", "#00A050", "#FFFFFF", false, null), "GR1101052026120100000001X");
        _verified = new HealthCodesApi.VerifyResponse(true, null, HealthColor.Green, "health_code", claims.IssuedAt, claims.ExpiresAt, "张*", null, null, "personal");
    }

    private static JsonSerializerOptions MiniCodeJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        FoundationSetup.ConfigureJson(options);
        return options;
    }

    [Benchmark(Description = "sign (claims, encode, ES256, low-S, text)")]
    public string Sign() => _signer.Sign(CodeType.HealthCode, 123456, HealthColor.Green, _now, TimeSpan.FromSeconds(60)).Text;

    [Benchmark(Description = "check (parse, low-S, ES256 verify)")]
    public SignatureCheck Check() => _signer.Check(_payload, out _);

    [Benchmark(Description = "parse only")]
    public bool Parse() => CodePayload.TryParse(_payload, out _, out _, out _);

    [Benchmark(Description = "show-code JSON")]
    public byte[] ShowCodeJson() => JsonSerializer.SerializeToUtf8Bytes(_view, _json);

    [Benchmark(Description = "verify JSON")]
    public byte[] VerifyJson() => JsonSerializer.SerializeToUtf8Bytes(_verified, _json);
}

using System.Buffers.Binary;
using System.Text.Json;
using System.Text.RegularExpressions;
using MiniCode.Features.Posters;
using MiniCode.Tests.HealthCodes;

namespace MiniCode.Tests.Posters;

/// <summary>
/// miniprogram-contracts/vectors/poster-vectors.json checked as a third party would: bytes read by hand from the spec and
/// plain ECDsa with the JWKS key (<see cref="PayloadVectorTests.IndependentVerify"/>), plus the poster rules on top.
/// </summary>
public sealed partial class PosterVectorTests
{
    private static JsonElement Vectors() => JsonDocument.Parse(File.ReadAllText(
        Path.Combine(PayloadVectorTests.ContractsDir(), "vectors", "poster-vectors.json"))).RootElement;

    /// <summary>Steps 1–3 and 5 of "Poster codes": null when valid, otherwise the reason.</summary>
    private static string? VerifyPoster(string payload, JsonElement jwks, DateTimeOffset now, out byte[] bytes)
    {
        var reason = PayloadVectorTests.IndependentVerify(payload, jwks, DateTimeOffset.FromUnixTimeSeconds(0), out bytes);
        if (reason is not null) return reason;
        if (bytes[1] != 3 || bytes[14] != 0xFF) return "not_a_poster";
        return now.ToUnixTimeSeconds() >= BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(19)) ? "expired" : null;
    }

    [Fact]
    public void Every_poster_vector_gives_its_expected_result()
    {
        var doc = Vectors();
        var jwks = doc.GetProperty("jwks");
        var count = 0;
        foreach (var v in doc.GetProperty("vectors").EnumerateArray())
        {
            count++;
            var name = v.GetProperty("name").GetString();
            var expected = v.GetProperty("expected");
            var reason = VerifyPoster(v.GetProperty("payload").GetString()!, jwks, DateTimeOffset.Parse(v.GetProperty("now").GetString()!), out var bytes);
            if (!expected.GetProperty("valid").GetBoolean())
            {
                Assert.True(expected.GetProperty("reason").GetString() == reason, $"{name}: expected {expected.GetProperty("reason")}, got {reason}");
                continue;
            }
            Assert.True(reason is null, $"{name}: {reason}");
            Assert.Equal(v.GetProperty("signedBytesHex").GetString(), Convert.ToHexStringLower(bytes.AsSpan(0, 23)));
            Assert.Equal(expected.GetProperty("posterId").GetUInt64(), BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(6)));
            Assert.Equal(expected.GetProperty("keyId").GetString(), BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(2)).ToString("x8"));
            Assert.Equal(expected.GetProperty("issuedAt").GetUInt32(), BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(15)));
            Assert.Equal(expected.GetProperty("expiresAt").GetUInt32(), BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(19)));
        }
        Assert.True(count >= 8);
    }

    [Fact]
    public void Scene_vectors_match_the_spec_and_the_server_parser()
    {
        foreach (var s in Vectors().GetProperty("scenes").EnumerateArray())
        {
            var scene = s.GetProperty("scene").GetString()!;
            var valid = s.GetProperty("valid").GetBoolean();
            Assert.True(valid == SceneSyntax().IsMatch(scene), "spec regex: " + scene);
            Assert.True(valid == PosterScene.TryParse(scene, out var id, out var token), "server: " + scene);
            if (!valid) continue;
            Assert.Equal(s.GetProperty("posterId").GetInt64(), id);
            Assert.Equal(s.GetProperty("token").GetString(), token);
            Assert.Equal(scene, PosterScene.Format(id, token));
        }
    }

    [GeneratedRegex("^(?=.{1,32}$)P[1-9][0-9]*\\.[A-Za-z0-9_-]{16}$")]
    private static partial Regex SceneSyntax();
}

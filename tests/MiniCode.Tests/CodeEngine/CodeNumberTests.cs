using Microsoft.Extensions.DependencyInjection;
using MiniCode.Features.CodeEngine;
using MiniCode.Features.HealthCodes.Signing;
using MiniCode.Tests.HealthCodes;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.CodeEngine;

/// <summary>码编号: the check character, the rule's shape, one number per subject, under the QR, and never a duplicate across nodes.</summary>
public sealed class CodeNumberTests
{
    [Theory]
    [InlineData("A12425GABC1234002", 'M')] // the GRid example of ISO/IEC 7064 MOD 37,36
    [InlineData("GR1101050000000", '0')]
    public void Check_character_is_ISO_7064_MOD_37_36(string text, char check)
    {
        Assert.Equal(check, CheckCharacters.Mod37_36(text));
        Assert.True(CheckCharacters.IsValidMod37_36(text + check));
    }

    [Fact]
    public void Check_character_catches_every_single_substitution_and_adjacent_transposition()
    {
        const string number = "GR11010500000042";
        var valid = number + CheckCharacters.Mod37_36(number);
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (var i = 0; i < valid.Length; i++)
            foreach (var c in alphabet.Where(c => c != valid[i]))
                Assert.False(CheckCharacters.IsValidMod37_36(valid[..i] + c + valid[(i + 1)..]), $"substitution at {i} by {c}");
        for (var i = 0; i + 1 < valid.Length; i++)
        {
            if (valid[i] == valid[i + 1]) continue;
            var swapped = valid[..i] + valid[i + 1] + valid[i] + valid[(i + 2)..];
            Assert.False(CheckCharacters.IsValidMod37_36(swapped), $"transposition at {i}");
        }
    }

    [Fact]
    public void Number_is_prefix_region_date_padded_sequence_and_check()
    {
        var rule = new CodeNumberRule { Prefix = "ZT", IncludeRegion = true, DatePart = NumberDatePart.Day, SequenceWidth = 6, Check = CheckAlgorithm.Iso7064Mod37_36 };
        var number = CodeNumberService.Compose(rule, "220102", new DateOnly(2026, 12, 1), 42);
        Assert.Equal("ZT22010220261201000042", number[..^1]);
        Assert.True(CheckCharacters.IsValidMod37_36(number));
        Assert.Equal("ZT00000020261201000042", CodeNumberService.Compose(rule, null, new DateOnly(2026, 12, 1), 42)[..^1]);
        Assert.Equal("QY1234567", CodeNumberService.Compose(new CodeNumberRule { Prefix = "QY", SequenceWidth = 4, Check = CheckAlgorithm.None }, "x", default, 1234567));
    }

    [Fact]
    public async Task Shown_code_carries_one_number_for_ever_under_its_svg()
    {
        using var factory = new HealthCodesFactory();
        var citizen = await factory.CitizenAsync(region: "110105");
        await citizen.DeclareAsync();
        var number = (await citizen.CodeAsync()).GetProperty("codeNumber").GetString()!;
        Assert.Matches("^GR110105[0-9]{8}[0-9A-Z]$", number);
        Assert.True(CheckCharacters.IsValidMod37_36(number));
        Assert.Equal(number, (await citizen.CodeAsync()).GetProperty("codeNumber").GetString());
        var svg = await citizen.Client.GetStringAsync("/api/me/code.svg");
        Assert.Contains(">" + number + "</text>", svg);
        var other = await factory.CitizenAsync("李四", region: "220102");
        await other.DeclareAsync("220102");
        var second = (await other.CodeAsync()).GetProperty("codeNumber").GetString()!;
        Assert.StartsWith("GR220102", second);
        Assert.NotEqual(number[8..^1], second[8..^1]);
        var stored = await factory.QueryAsync(db => db.Set<CodeNumber>().Where(n => n.SubjectId == citizen.PersonId).Select(n => n.Number).ToListAsync());
        Assert.Equal([number], stored);
    }

    [PostgresFact]
    public async Task Parallel_issuance_from_two_nodes_never_duplicates_a_number()
    {
        using var first = new MiniCodeFactory().With("MiniCode:CodeEngine:SequenceBlockSize", "3");
        _ = first.Server;
        using var second = new MiniCodeFactory().With("MiniCode:CodeEngine:SequenceBlockSize", "3");
        second.AsSecondNodeOf(first);
        _ = second.Server;
        var a = first.Services.GetRequiredService<ICodeNumbers>();
        var b = second.Services.GetRequiredService<ICodeNumbers>();
        // Subjects 1..120 from both nodes at once, each subject asked on both: 120 distinct numbers, each subject one.
        var asks = Enumerable.Range(1, 120).SelectMany(id => new[] { (a, id), (b, id) })
            .Select(x => Task.Run(async () => (x.id, number: await x.Item1.NumberOfAsync(CodeCategories.Poster, x.id, "110105", default))));
        var results = await Task.WhenAll(asks);
        var perSubject = results.GroupBy(r => r.id).ToList();
        Assert.All(perSubject, g => Assert.Single(g.Select(r => r.number).Distinct()));
        var numbers = perSubject.Select(g => g.First().number!).ToList();
        Assert.Equal(120, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.True(CheckCharacters.IsValidMod37_36(n)));
        var stored = await first.QueryAsync(db => db.Set<CodeNumber>().CountAsync(n => n.Category == CodeCategories.Poster));
        Assert.Equal(120, stored);
    }
}

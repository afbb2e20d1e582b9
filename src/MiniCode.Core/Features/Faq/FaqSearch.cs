using System.Globalization;
using System.Text;

namespace MiniCode.Features.Faq;

/// <summary>
/// Free-text matching for Chinese questions, which have no spaces between words: the query and each question are cut
/// into character bigrams (plus single characters for one-character queries, and whole Latin/digit words), and a
/// question scores by the share of the query's grams it contains, with question text weighing more than the answer.
/// </summary>
public static class FaqSearch
{
    public sealed record Scored(FaqQuestion Question, double Score);

    public static IReadOnlyList<Scored> Rank(string query, IEnumerable<FaqQuestion> questions, int limit)
    {
        var grams = Grams(query);
        if (grams.Count == 0) return [];
        return questions
            .Select(q => new Scored(q, Score(grams, Grams(q.Question), Grams(q.Answer))))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.Question.IsHot).ThenBy(s => s.Question.SortOrder).ThenBy(s => s.Question.Id)
            .Take(limit)
            .ToList();
    }

    /// <summary>
    /// When <see cref="Rank"/> finds nothing: the questions sharing the most single characters with the query (at least
    /// two), so a citizen who wrote it differently still sees where to look.
    /// </summary>
    public static IReadOnlyList<Scored> Closest(string query, IEnumerable<FaqQuestion> questions, int limit)
    {
        var characters = query.Normalize(NormalizationForm.FormKC).Where(IsCjk).Select(c => c.ToString()).ToHashSet(StringComparer.Ordinal);
        if (characters.Count == 0) return [];
        return questions
            .Select(q => new Scored(q, characters.Count(c => q.Question.Contains(c, StringComparison.Ordinal)) / (double)characters.Count))
            .Where(s => s.Score * characters.Count >= 2)
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.Question.IsHot).ThenBy(s => s.Question.SortOrder).ThenBy(s => s.Question.Id)
            .Take(limit)
            .ToList();
    }

    private static double Score(HashSet<string> query, HashSet<string> question, HashSet<string> answer)
    {
        double score = 0;
        foreach (var g in query)
        {
            if (question.Contains(g)) score += 2;
            else if (answer.Contains(g)) score += 0.5;
        }
        return score / query.Count;
    }

    /// <summary>Bigrams of consecutive CJK characters, whole Latin/digit words, and lone characters of one-character runs.</summary>
    public static HashSet<string> Grams(string text)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        var run = new StringBuilder();
        var word = new StringBuilder();
        void FlushRun()
        {
            if (run.Length == 1) grams.Add(run.ToString());
            for (var i = 0; i + 1 < run.Length; i++) grams.Add(run.ToString(i, 2));
            run.Clear();
        }
        void FlushWord()
        {
            if (word.Length > 0) grams.Add(word.ToString().ToLowerInvariant());
            word.Clear();
        }
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (IsCjk(c)) { FlushWord(); run.Append(c); }
            else if (char.IsLetterOrDigit(c)) { FlushRun(); word.Append(c); }
            else { FlushRun(); FlushWord(); }
        }
        FlushRun();
        FlushWord();
        return grams;
    }

    private static bool IsCjk(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c >= '\u2E80';
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Archon.Core.Architecture;
using Archon.Core.Components;
using Archon.Core.Execution;

namespace Archon.Samples.MajorityVote;

/// <summary>
/// Self-consistency without a model call: extracts each candidate's final answer with <c>answer_pattern</c> (default:
/// the last number in the text), and keeps the candidates that give the most frequent answer, in their order.
/// When the winning answer has fewer than <c>min_votes</c> votes, or no answer can be extracted, the candidates pass
/// through unchanged with a note. Deterministic and free of I/O, so it also runs inside durable orchestrators.
/// </summary>
public sealed partial class MajorityVoteComponent : IArchitectureComponent
{
    public const string Type = "majority_vote";
    public const string AnswerPatternKey = "answer_pattern";
    public const string MinVotesKey = "min_votes";

    public Task<ComponentOutput> RunAsync(ComponentContext context, IModelCallScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Input.Candidates;
        var pattern = Pattern(context.Config);
        var minVotes = MinVotes(context.Config);
        var answers = input.Select(c => Extract(pattern, c.Text)).ToList();
        var winner = answers.Where(a => a is not null).GroupBy(a => a!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => answers.IndexOf(g.Key))
            .FirstOrDefault();
        if (winner is null || winner.Count() < minVotes)
        {
            var why = winner is null ? "no candidate has an extractable answer" : $"the top answer has {winner.Count()} of {minVotes} required votes";
            return Task.FromResult(new ComponentOutput(input, [context.Note("fallback", $"majority_vote: {why}; candidates pass through")]));
        }

        var kept = input.Where((_, i) => answers[i] == winner.Key).ToList();
        var note = context.Note("vote", string.Create(CultureInfo.InvariantCulture, $"majority_vote: answer \"{winner.Key}\" won {winner.Count()} of {input.Count} votes"));
        return Task.FromResult(new ComponentOutput(kept, [note]));
    }

    /// <summary>The registration: keys, rules and candidate effect, given once.</summary>
    public static ComponentRegistration Registration { get; } = new(Type, new MajorityVoteComponent())
    {
        Keys =
        [
            new ComponentKeySpec(AnswerPatternKey, ComponentKeyKind.Text, "regular expression; its last match (group 1 if present) is the answer"),
            new ComponentKeySpec(MinVotesKey, ComponentKeyKind.WholeNumber, "votes the winning answer needs (default 1)"),
        ],
        Validate = Validate,
        NeedsCandidates = true,
        Effect = CandidateEffect.Filters,
        Description = "keeps the candidates that agree on the most frequent final answer",
    };

    private static IEnumerable<string> Validate(ComponentConfig config)
    {
        if (config.Extra.TryGetValue(AnswerPatternKey, out var p) && p.ValueKind == JsonValueKind.String)
        {
            string? problem = null;
            try
            {
                _ = new Regex(p.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                problem = $"\"{AnswerPatternKey}\" is not a valid regular expression: {ex.Message}";
            }

            if (problem is not null)
            {
                yield return problem;
            }
        }

        if (config.Extra.TryGetValue(MinVotesKey, out var m) && m.ValueKind == JsonValueKind.Number && m.GetInt32() < 1)
        {
            yield return $"\"{MinVotesKey}\" must be at least 1, got {m.GetInt32()}";
        }
    }

    private static Regex Pattern(ComponentConfig config) =>
        config.Extra.TryGetValue(AnswerPatternKey, out var p) && p.ValueKind == JsonValueKind.String
            ? new Regex(p.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1))
            : LastNumber();

    private static int MinVotes(ComponentConfig config) =>
        config.Extra.TryGetValue(MinVotesKey, out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt32() : 1;

    private static string? Extract(Regex pattern, string text)
    {
        var matches = pattern.Matches(text);
        if (matches.Count == 0)
        {
            return null;
        }

        var last = matches[^1];
        var value = last.Groups.Count > 1 && last.Groups[1].Success ? last.Groups[1].Value : last.Value;
        return value.Trim().TrimEnd('.').Replace(",", "", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"-?\d[\d,]*(?:\.\d+)?")]
    private static partial Regex LastNumber();
}

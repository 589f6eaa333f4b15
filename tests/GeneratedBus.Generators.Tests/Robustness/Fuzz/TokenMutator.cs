using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Generators.Tests.Robustness.Fuzz;

/// <summary>
/// Applies one to three token-level mutations to a valid file, then sometimes cuts it off mid-token as if still being
/// typed. Everything comes from the given <see cref="Random"/>, so one seed gives one case.
/// </summary>
/// <param name="random">The case's own random source.</param>
public sealed class TokenMutator(Random random)
{
    private static readonly string[] s_attributeNames = ["BusEvent", "EventBus", "BusEventAttribute", "EventBusAttribute", "BE"];

    private readonly List<string> _log = [];

    /// <summary>What was done, in order, for the failure message.</summary>
    public IReadOnlyList<string> Log => _log;

    /// <summary>The mutated text of <paramref name="source"/>.</summary>
    public string Mutate(string source)
    {
        // Each token with its trivia: joined back they give the file exactly, comments and directives included.
        List<string> tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Select(t => t.ToFullString()).ToList();
        int mutations = 1 + random.Next(3);
        for (int i = 0; i < mutations && tokens.Count > 0; i++)
        {
            MutateOnce(tokens);
        }

        string text = string.Concat(tokens);
        if (random.Next(4) == 0 && text.Length > 0)
        {
            int length = random.Next(text.Length);
            _log.Add($"truncate at char {length}");
            text = text[..length];
        }

        return text;
    }

    private void MutateOnce(List<string> tokens)
    {
        int at = random.Next(tokens.Count);
        switch (random.Next(10))
        {
            case 0:
                _log.Add($"delete token {at} '{tokens[at].Trim()}'");
                tokens.RemoveAt(at);
                break;
            case 1:
                _log.Add($"duplicate token {at} '{tokens[at].Trim()}'");
                tokens.Insert(at, tokens[at]);
                break;
            case 2:
                int other = random.Next(2) == 0 ? Math.Min(at + 1, tokens.Count - 1) : random.Next(tokens.Count);
                _log.Add($"swap tokens {at} and {other}");
                (tokens[at], tokens[other]) = (tokens[other], tokens[at]);
                break;
            case 3:
                _log.Add($"truncate after token {at}");
                tokens.RemoveRange(at, tokens.Count - at);
                break;
            case 4:
            case 5:
                string word = Pick(FuzzVocabulary.Words);
                _log.Add($"insert '{word}' before token {at}");
                tokens.Insert(at, " " + word + " ");
                break;
            case 6:
                string replacement = Pick(random.Next(2) == 0 ? FuzzVocabulary.Identifiers : FuzzVocabulary.Words);
                _log.Add($"replace token {at} '{tokens[at].Trim()}' with '{replacement}'");
                tokens[at] = " " + replacement + " ";
                break;
            case 7:
                string directive = Pick(FuzzVocabulary.Directives);
                _log.Add($"directive '{directive}' before token {at}");
                tokens.Insert(at, "\n" + directive + "\n");
                break;
            default:
                ChangeAttributeArguments(tokens);
                break;
        }
    }

    // Gives an attribute an argument list of the wrong shape: after its name, replacing any list it had.
    private void ChangeAttributeArguments(List<string> tokens)
    {
        int[] names = Enumerable.Range(0, tokens.Count).Where(i => s_attributeNames.Contains(tokens[i].Trim())).ToArray();
        if (names.Length == 0)
        {
            _log.Add("no attribute to change");
            return;
        }

        int at = names[random.Next(names.Length)];
        if (at + 1 < tokens.Count && tokens[at + 1].Trim() == "(")
        {
            int close = tokens.FindIndex(at + 1, t => t.Trim() == ")");
            tokens.RemoveRange(at + 1, (close < 0 ? tokens.Count : close + 1) - (at + 1));
        }

        string arguments = Pick(FuzzVocabulary.AttributeArguments);
        _log.Add($"arguments of '{tokens[at].Trim()}' at token {at} become ({arguments})");
        tokens.Insert(at + 1, "(" + arguments + ")");
    }

    private string Pick(IReadOnlyList<string> words) => words[random.Next(words.Count)];
}

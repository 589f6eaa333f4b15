using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using GeneratedBus.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Tests.Infrastructure;

/// <summary>Checks on the generator's tracked pipeline steps: what was cached, and what the cache holds.</summary>
public static class StepAssert
{
    /// <summary>The values of every <see cref="TrackingNames"/> constant.</summary>
    public static IReadOnlyList<string> TrackedStepNames { get; } = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    /// <summary>
    /// The tracked steps <paramref name="run"/> must show: all of them, but the hosting ones only when the compilation
    /// references GeneratedBus.Hosting (without it Roslyn records no step of that branch).
    /// </summary>
    /// The step of handler overrides of unmarked types shows only where the input overrides a handler of an unmarked type,
    /// and the listeners step only where a listener class derives from an unbound base.
    public static IReadOnlyList<string> StepNamesFor(GeneratorRun run)
    {
        bool hosting = run.Input.ReferencedAssemblyNames.Any(a => a.Name == "GeneratedBus.Hosting");
        bool unmarked = run.Input.SyntaxTrees.Any(tree => tree.GetRoot().DescendantNodes()
            .OfType<MethodDeclarationSyntax>()
            .Any(method => HandlerOverrides.IsCandidate(method)
                && run.Input.GetSemanticModel(tree).GetTypeInfo(method.ParameterList.Parameters[0].Type!).Type is INamedTypeSymbol type
                && !type.GetAttributes().Any(a => a.AttributeClass?.Name == "BusEventAttribute")));
        // A class that overrides On… handlers and derives, through source bases, from an unbound (generated) base.
        bool listeners = run.Input.SyntaxTrees.Any(tree => tree.GetRoot().DescendantNodes()
            .Where(ListenerParser.IsCandidate)
            .Any(node => run.Input.GetSemanticModel(tree).GetDeclaredSymbol(node) is INamedTypeSymbol { IsAbstract: false } type
                && BasesOf(type).Any(b => b.TypeKind == TypeKind.Error)));
        return TrackedStepNames
            .Where(n => hosting || n is not (TrackingNames.HostingReferenced or TrackingNames.HostingBuses))
            .Where(n => unmarked || n != TrackingNames.UnmarkedHandledTypes)
            .Where(n => listeners || n != TrackingNames.Listeners)
            .ToArray();
    }

    private static IEnumerable<INamedTypeSymbol> BasesOf(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }

    /// <summary>Asserts that every tracked step and every output of <paramref name="run"/> was Cached or Unchanged.</summary>
    public static void AllCached(GeneratorRun run)
    {
        GeneratorRunResult result = run.Result;
        foreach (string name in StepNamesFor(run))
        {
            Assert.True(result.TrackedSteps.TryGetValue(name, out var steps), $"Step {name} did not run.");
            AssertReasons(name, steps!);
        }

        foreach ((string name, var steps) in result.TrackedOutputSteps)
        {
            AssertReasons(name, steps);
        }
    }

    /// <summary>
    /// Asserts that every tracked step and output of <paramref name="run"/> was Cached: skipped, not executed again
    /// to an equal value (Unchanged). Only Roslyn's semantic parses inside ForAttributeWithMetadataName (of each event,
    /// and of each file with <c>[assembly: GenerateBus]</c>) may re-run; a step fed by the compilation or one that re-renders every event would show as Unchanged.
    /// </summary>
    public static void OnlyParseReran(GeneratorRun run)
    {
        foreach ((string name, var steps) in run.Result.TrackedSteps.Where(s => TrackedStepNames.Contains(s.Key)).Concat(run.Result.TrackedOutputSteps))
        {
            Assert.All(steps.SelectMany(s => s.Outputs), o => Assert.True(o.Reason == IncrementalStepRunReason.Cached, $"Step {name} output was {o.Reason}, expected Cached."));
        }
    }

    /// <summary>The reasons of the outputs of step <paramref name="name"/>.</summary>
    public static IncrementalStepRunReason[] Reasons(GeneratorRun run, string name)
        => run.Result.TrackedSteps.TryGetValue(name, out var steps) || run.Result.TrackedOutputSteps.TryGetValue(name, out steps)
            ? steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray()
            : [];

    /// <summary>Asserts that no tracked step output holds an ISymbol, SyntaxNode, SyntaxTree, SemanticModel, Compilation or Location.</summary>
    public static void HoldNoRoslynObjects(GeneratorRun run)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        // Only the generator's own steps: Roslyn's internal ones legitimately hold syntax trees.
        foreach (string name in StepNamesFor(run))
        {
            foreach (IncrementalGeneratorRunStep step in run.Result.TrackedSteps[name])
            {
                foreach ((object value, _) in step.Outputs)
                {
                    Walk(value, name, visited);
                }
            }
        }
    }

    private static void AssertReasons(string name, IEnumerable<IncrementalGeneratorRunStep> steps)
    {
        foreach (IncrementalGeneratorRunStep step in steps)
        {
            foreach ((_, IncrementalStepRunReason reason) in step.Outputs)
            {
                Assert.True(
                    reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Step {name} output was {reason}, expected Cached or Unchanged.");
            }
        }
    }

    private static void Walk(object? value, string path, HashSet<object> visited)
    {
        if (value is null or string or DiagnosticDescriptor || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or SemanticModel or Compilation or Location,
            $"{path} holds a {value.GetType().Name}: the cache would pin a compilation.");
        Type type = value.GetType();
        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (object? item in items)
            {
                Walk(item, $"{path}[{i++}]", visited);
            }
        }

        for (Type? current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (FieldInfo field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(value), $"{path}.{field.Name}", visited);
            }
        }
    }
}

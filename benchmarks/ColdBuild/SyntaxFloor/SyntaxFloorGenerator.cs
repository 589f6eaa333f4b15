using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Benchmarks.ColdBuild;

/// <summary>
/// What finding the <c>[BusEvent]</c> records costs without the compiler's binding: records with an attribute named
/// BusEvent, read as written (name, base, primary constructor's parameters), then one constant. It never asks a
/// semantic question, so nothing binds in its time; beside <c>BindingFloorGenerator</c> it shows how much of a
/// cold build's report is binding, the part a syntax-first design would not pay.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SyntaxFloorGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<int> shapes = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is RecordDeclarationSyntax record && HasBusEventAttribute(record),
                static (found, _) => ShapeLength((RecordDeclarationSyntax)found.Node))
            .Collect()
            .Select(static (lengths, _) => lengths.Length);

        context.RegisterSourceOutput(shapes, static (output, count) => output.AddSource(
            "SyntaxFloor.g.cs", "namespace SyntaxFloor { internal static class Events { public const int Count = " + count + "; } }"));
    }

    private static bool HasBusEventAttribute(RecordDeclarationSyntax record)
        => record.AttributeLists.SelectMany(static list => list.Attributes)
            .Any(static attribute => attribute.Name.ToString() is "BusEvent" or "BusEventAttribute" or "GeneratedBus.BusEvent" or "GeneratedBus.BusEventAttribute");

    // A number that depends on everything read, as the binding floor's does.
    private static int ShapeLength(RecordDeclarationSyntax record)
    {
        int length = record.Identifier.ValueText.Length + (record.BaseList?.Types.FirstOrDefault()?.Type.ToString().Length ?? 0);
        if (record.ParameterList is { } parameters)
        {
            foreach (ParameterSyntax parameter in parameters.Parameters)
            {
                length += (parameter.Type?.ToString().Length ?? 0) + parameter.Identifier.ValueText.Length;
            }
        }

        return length;
    }
}

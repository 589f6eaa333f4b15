using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing;

/// <summary>
/// Finds <c>async void</c> methods that may be generated sync handlers: a cheap syntax test, then what the symbols say
/// about the containing type's bases. Never throws on half-typed code: anything it cannot read is not a candidate.
/// </summary>
internal static class AsyncVoidParser
{
    private const string GeneratedCodeAttribute = "System.CodeDom.Compiler.GeneratedCodeAttribute";

    /// <summary>An <c>async void</c> method of one parameter in a class: rare, so the semantic step runs for few nodes.</summary>
    public static bool IsCandidate(SyntaxNode node) =>
        node is MethodDeclarationSyntax { ParameterList.Parameters.Count: 1, ReturnType: PredefinedTypeSyntax returnType } method
        && returnType.Keyword.IsKind(SyntaxKind.VoidKeyword)
        && method.Modifiers.Any(SyntaxKind.AsyncKeyword)
        && method.Parent is ClassDeclarationSyntax or RecordDeclarationSyntax;

    /// <summary>The method as data, or <see langword="null"/> when it cannot be a handler.</summary>
    public static AsyncVoidMethod? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var syntax = (MethodDeclarationSyntax)context.Node;
        if (context.SemanticModel.GetDeclaredSymbol(syntax, cancellationToken) is not IMethodSymbol method
            || method.IsStatic
            || method.ContainingType is not { } type
            || method.Parameters.Length != 1)
        {
            return null;
        }

        string[] unresolved = BaseTypes(type).Where(t => t.TypeKind == TypeKind.Error).Select(t => t.Name).Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
        INamedTypeSymbol? resolved = ResolvedListener(method, type);
        if (unresolved.Length == 0 && resolved is null)
        {
            return null;
        }

        return new AsyncVoidMethod(
            method.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat),
            syntax.Identifier.ValueText,
            method.Parameters[0].Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            method.IsOverride,
            new EquatableArray<string>(unresolved),
            resolved?.Name ?? "",
            resolved is null ? "" : BusNameOf(resolved),
            DiagnosticLocation.From(syntax.Identifier.GetLocation()));
    }

    // The base classes, and every interface of the type and of its bases (an unresolved one has none of its own).
    private static IEnumerable<INamedTypeSymbol> BaseTypes(INamedTypeSymbol type)
    {
        foreach (INamedTypeSymbol face in type.AllInterfaces)
        {
            yield return face;
        }

        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }

    // A listener generated in a referenced assembly resolves: the member the method overrides or implements is then
    // declared by a type GeneratedBus generated, other than its async listener.
    private static INamedTypeSymbol? ResolvedListener(IMethodSymbol method, INamedTypeSymbol type)
    {
        IMethodSymbol? overridden = method.OverriddenMethod;
        while (overridden?.OverriddenMethod is { } further)
        {
            overridden = further;
        }

        if (overridden is not null && IsGeneratedSyncListener(overridden.ContainingType))
        {
            return overridden.ContainingType;
        }

        foreach (INamedTypeSymbol face in type.AllInterfaces.Where(IsGeneratedSyncListener))
        {
            foreach (IMethodSymbol member in face.GetMembers().OfType<IMethodSymbol>())
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
                {
                    return face;
                }
            }
        }

        return null;
    }

    // ISchedulerListener, SchedulerListener, SchedulerFirehoseListener -> Scheduler.
    private static string BusNameOf(INamedTypeSymbol listener)
    {
        string name = listener.Name;
        string suffix = name.EndsWith("FirehoseListener", System.StringComparison.Ordinal) ? "FirehoseListener" : "Listener";
        int start = listener.TypeKind == TypeKind.Interface && name.StartsWith("I", System.StringComparison.Ordinal) ? 1 : 0;
        return name.Substring(start, System.Math.Max(0, name.Length - suffix.Length - start));
    }

    private static bool IsGeneratedSyncListener(INamedTypeSymbol type) =>
        type.Name.EndsWith("Listener", System.StringComparison.Ordinal)
        && !type.Name.EndsWith("AsyncListener", System.StringComparison.Ordinal)
        && type.GetAttributes().Any(a =>
            a.AttributeClass?.ToDisplayString() == GeneratedCodeAttribute
            && a.ConstructorArguments.Length > 0
            && a.ConstructorArguments[0].Value is "GeneratedBus");
}

using System.Collections.Generic;
using System.Threading;
using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing.SyntaxDecided;

/// <summary>
/// Parses a plainly marked event (<see cref="PlainEventSyntax"/>) from syntax alone, with no semantic question, where
/// syntax and the references' metadata names show everything the compiler's path would read from the symbols: a
/// record in a namespace, deriving from a plain root beside it (<see cref="SyntaxDecidedRoot"/>), with keyword-typed
/// positional members and a plain doc comment, in a compilation where <c>[BusEvent]</c> can only be the runtime's.
/// Anything else returns <see langword="null"/>, and <see cref="PlainEventParser"/> asks the compiler as before.
/// </summary>
/// <remarks>
/// The first semantic question of a compilation binds all of its references; on a cold 1,000-event build that, and
/// the symbols after it, were over half of this generator's time. What is read here is exactly what the symbols
/// would say, rule by rule; <c>SyntaxDecidedPathTests</c> compares both paths on every input the tests own.
/// </remarks>
internal static class SyntaxDecidedEvent
{
    // The JSON discriminator, and the members every record or object already has: a parameter so named is the
    // compiler's to judge (a clash, or a property the codec reads otherwise).
    private static readonly HashSet<string> s_reservedMemberNames = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "Event", "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
        "ReferenceEquals", "PrintMembers", "Deconstruct",
    };

    private static readonly EquatableArray<string> s_none = new(System.Array.Empty<string>());

    /// <summary>The parse of <paramref name="declaration"/>, or <see langword="null"/> when syntax cannot decide it.</summary>
    /// <param name="declaration">A plainly marked declaration.</param>
    /// <param name="model">Its tree's semantic model: only its compilation and nullable context are read, neither binds.</param>
    /// <param name="cancellationToken">Cancels the parse.</param>
    public static ParsedEvent? TryParse(TypeDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        if (declaration is not RecordDeclarationSyntax record || !IsPlainShape(record)
            || record.Parent is not BaseNamespaceDeclarationSyntax { Parent: CompilationUnitSyntax } namespaceDeclaration
            || PlainNames.Dotted(namespaceDeclaration.Name, plainOnly: true) is not { } ns
            || SyntaxDecidedModifiers.Read(record.Modifiers, allowSealed: true) is not { } modifiers
            || BaseNameOf(record) is not { } baseName
            || HasAliasNamed(namespaceDeclaration, baseName))
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        Compilation compilation = model.Compilation;
        SyntaxDecidedScope scope = SyntaxDecidedScope.Of(compilation);
        string name = record.Identifier.ValueText;
        string dottedName = ns + "." + name;
        if (!scope.MarkIsRuntimes || !(scope.Source.ImportsRuntimeGlobally || TreeDeclarations.Of(record.SyntaxTree).ImportsRuntime)
            || scope.Source.SoleDeclaration(dottedName) != record || scope.Source.DeclaresNamespace(dottedName) || scope.References.DeclaresNamespace(dottedName)
            || SyntaxDecidedRoot.Of(compilation, ns, baseName) is not { } root
            || (root.Spec.IsPublic && !modifiers.IsPublic))
        {
            return null;
        }

        CodecEventSpec? codec = null;
        string typeName = "global::" + dottedName;
        if (!modifiers.IsAbstract)
        {
            if (MembersOf(record, ns, model, scope) is not { } members)
            {
                return null;
            }

            var shape = new CodecShape(typeName, dottedName, false, new EquatableArray<string>(DefaultsFor(members.Length)), new EquatableArray<CodecMember>(members));
            codec = new CodecEventSpec(typeName, name, s_none, true, new EquatableArray<CodecShape>([shape]), s_none);
        }

        if (DocOf(record) is not { } docXml)
        {
            return null;
        }

        // Event, root, object: a plain root derives from object alone.
        const int depth = 2;
        EventSpec spec = EventParser.CreateSpec(name, modifiers.IsSealed, isValueType: false, depth, root.Spec, dottedName, typeName, record.SyntaxTree.FilePath, s_none, default);
        DiagnosticLocation? location = DiagnosticLocation.From(record.Identifier.GetLocation());
        return new ParsedEvent(new EventResult(spec, null, location, root.Location, codec), docXml);
    }

    // A record class with nothing but a name, a positional parameter list and a base list: no body, constraints or
    // directives, and a name that prints as written.
    private static bool IsPlainShape(RecordDeclarationSyntax record)
        => (record.ClassOrStructKeyword.IsKind(SyntaxKind.None) || record.ClassOrStructKeyword.IsKind(SyntaxKind.ClassKeyword))
            && record.Members.Count == 0 && record.ConstraintClauses.Count == 0 && record.TypeParameterList is null
            && !record.ContainsDirectives && PlainNames.IsPlain(record.Identifier);

    // The one base, a plain simple name without arguments to a base constructor.
    private static string? BaseNameOf(RecordDeclarationSyntax record)
        => record.BaseList is { Types: { Count: 1 } types }
            && types[0] is SimpleBaseTypeSyntax { Type: IdentifierNameSyntax { Identifier: var identifier } }
            && PlainNames.IsPlain(identifier)
                ? identifier.ValueText
                : null;

    // An alias in the namespace declaration itself would clash with the base's name there (CS0576).
    private static bool HasAliasNamed(BaseNamespaceDeclarationSyntax namespaceDeclaration, string name)
    {
        foreach (UsingDirectiveSyntax directive in namespaceDeclaration.Usings)
        {
            if (directive.Alias?.Name.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    // The positional properties, as CodecParser reads them from the symbols: each a constructor parameter of a type the
    // codec writes as a primitive.
    private static CodecMember[]? MembersOf(RecordDeclarationSyntax record, string ns, SemanticModel model, SyntaxDecidedScope scope)
    {
        if (record.ParameterList is not { } parameters)
        {
            return [];
        }

        // No directive sits inside the record, so its start's context is every parameter's.
        bool annotated = model.GetNullableContext(record.SpanStart).AnnotationsEnabled();
        bool importsSystem = scope.Source.ImportsSystemGlobally || TreeDeclarations.Of(record.SyntaxTree).ImportsSystem;
        var members = new CodecMember[parameters.Parameters.Count];
        var names = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase) { record.Identifier.ValueText };
        for (int i = 0; i < members.Length; i++)
        {
            ParameterSyntax parameter = parameters.Parameters[i];
            if (parameter.AttributeLists.Count != 0 || parameter.Modifiers.Count != 0 || parameter.Default is not null
                || !PlainNames.IsPlain(parameter.Identifier) || s_reservedMemberNames.Contains(parameter.Identifier.ValueText)
                || !names.Add(parameter.Identifier.ValueText)
                || SyntaxDecidedMemberType.Of(parameter.Type, annotated, ns, importsSystem, scope) is not { } type)
            {
                return null;
            }

            string propertyName = parameter.Identifier.ValueText;
            members[i] = new CodecMember(propertyName, Naming.Escape(propertyName), type.Codec, CodecSetter.Constructor, i, type.Required, null);
        }

        return members;
    }

    private static string[] DefaultsFor(int count)
    {
        var defaults = new string[count];
        for (int i = 0; i < count; i++)
        {
            defaults[i] = CodecParser.NoDefault;
        }

        return defaults;
    }

    // The doc comment as DocXml gives it, where syntax gives the same: the raw trivia when the compiler reads none, and
    // otherwise only a plain comment (PlainDocXml), which the compiler copies out as written.
    private static string? DocOf(RecordDeclarationSyntax record)
    {
        if (record.SyntaxTree.Options.DocumentationMode == DocumentationMode.None)
        {
            return DocTrivia.XmlOf(record) ?? string.Empty;
        }

        var lines = new List<string>();
        foreach (SyntaxTrivia trivia in record.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
            {
                return null;
            }

            if (!trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia))
            {
                // An ordinary comment after a doc block: the compiler drops the block before it, so leave it to the compiler.
                if (lines.Count != 0 && (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)))
                {
                    return null;
                }

                continue;
            }

            foreach (string line in trivia.ToFullString().Split('\n'))
            {
                string trimmed = line.TrimEnd('\r').TrimStart();
                if (trimmed.Length == 0)
                {
                    continue;
                }

                if (!trimmed.StartsWith("///", System.StringComparison.Ordinal))
                {
                    return null;
                }

                lines.Add(trimmed.Substring(3));
            }
        }

        if (lines.Count == 0)
        {
            return string.Empty;
        }

        string xml = "<member>\n" + string.Join("\n", lines) + "\n</member>";
        return DocXml.IsSyntaxOnly(record) && PlainDocXml.Elements(xml) is not null ? xml : null;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using GeneratedBus.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GeneratedBus.Generators.Parsing;

/// <summary>
/// The codecs of plainly marked look-alike records (<see cref="PlainEventSyntax.CodecTemplateKey"/>): the first one
/// met is parsed, and the others get a copy under their own name, sparing the compiler a record's members per event.
/// </summary>
/// <remarks>
/// A copy is only made where renaming is all that differs: a template with a diagnostic, a nested shape, or a member
/// whose type mentions the template itself is parsed afresh for every event. Keyed weakly by the compilation.
/// </remarks>
internal static class CodecTemplates
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<(SyntaxNode Scope, string Key), Template>> s_byCompilation = new();

    /// <summary>The codec of <paramref name="type"/>, a plainly marked event, copied from a look-alike's where it can be.</summary>
    public static (CodecEventSpec Spec, EquatableArray<DiagnosticInfo> Diagnostics) Of(
        INamedTypeSymbol type, TypeDeclarationSyntax declaration, SemanticModel model, DiagnosticLocation? location, string typeName, string display)
    {
        Compilation compilation = model.Compilation;
        NullableContext nullableContext = model.GetNullableContext(declaration.SpanStart);
        string? key = PlainEventSyntax.CodecTemplateKey(declaration, nullableContext);
        if (key is null)
        {
            return Parse();
        }

        ConcurrentDictionary<(SyntaxNode, string), Template> templates = s_byCompilation.GetValue(
            compilation,
            static _ => new ConcurrentDictionary<(SyntaxNode, string), Template>());
        if (templates.TryGetValue((declaration.Parent!, key), out Template? template))
        {
            return template.Copyable ? (template.RenamedFor(type.Name, typeName, display), default) : Parse();
        }

        (CodecEventSpec spec, EquatableArray<DiagnosticInfo> diagnostics) = Parse();
        templates.TryAdd((declaration.Parent!, key), new Template(spec, diagnostics.Count == 0 && IsRenamable(spec, type.Name, typeName, display)));
        return (spec, diagnostics);

        (CodecEventSpec, EquatableArray<DiagnosticInfo>) Parse() => CodecParser.Parse(type, compilation, location, typeName, display, plainlyMarked: true);
    }

    // The event's own name shows only where renaming reaches it: its type name, written name and its one shape.
    private static bool IsRenamable(CodecEventSpec spec, string name, string typeName, string display)
    {
        if (spec.TypeName != typeName || spec.WrittenName != name || spec.Aliases.Count != 0 || spec.Shapes.Count != 1)
        {
            return false;
        }

        CodecShape shape = spec.Shapes[0];
        if (shape.TypeName != typeName || shape.DisplayName != display)
        {
            return false;
        }

        foreach (CodecMember member in shape.Members)
        {
            if (Mentions(member.Type, typeName))
            {
                return false;
            }
        }

        return true;
    }

    // Textually, erring on the side of parsing afresh: a longer name that merely contains it counts too.
    private static bool Mentions(CodecType? type, string typeName)
        => type is not null && (type.TypeName.Contains(typeName.StartsWith("global::", System.StringComparison.Ordinal) ? typeName.Substring("global::".Length) : typeName)
            || Mentions(type.Element, typeName));

    /// <summary>A parsed codec and whether others may copy it.</summary>
    private sealed record Template(CodecEventSpec Spec, bool Copyable)
    {
        public CodecEventSpec RenamedFor(string name, string typeName, string display)
        {
            Debug.Assert(Copyable, "Only a renamable template is copied.");
            CodecShape shape = Spec.Shapes[0] with { TypeName = typeName, DisplayName = display };
            return Spec with { TypeName = typeName, WrittenName = name, Shapes = new EquatableArray<CodecShape>([shape]) };
        }
    }
}

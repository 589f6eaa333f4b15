using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Parsing;

/// <summary>
/// The warnings that merely referring to a type raises: [Obsolete] (CS0612, CS0618, or its DiagnosticId) and
/// [Experimental] (its own ID).
/// Generated code that must refer to such an event suppresses them, since the user chose to keep the event on the bus.
/// </summary>
internal static class UsageWarnings
{
    /// <summary>What referring to a type costs.</summary>
    /// <param name="Ids">The warning IDs to suppress, in ordinal order without repeats.</param>
    /// <param name="IsError">
    /// Whether a reference is an error no pragma can lift: [Obsolete(..., true)], or [Obsolete] or [Experimental] with
    /// an ID that a #pragma cannot name.
    /// </param>
    public readonly record struct Usage(string[] Ids, bool IsError);

    /// <summary>
    /// Inspects <paramref name="type"/>, its containing types, and its module and assembly: [Experimental] on either
    /// of those marks every type of a referenced library.
    /// </summary>
    /// <param name="type">The type.</param>
    /// <param name="plainlyMarked">
    /// Whether its one attribute is known from syntax to be an argument-less [BusEvent] (<see cref="PlainEventSyntax"/>):
    /// then its own attributes are skipped, sparing their binding.
    /// </param>
    public static Usage Of(INamedTypeSymbol type, bool plainlyMarked = false)
    {
        var ids = new SortedSet<string>(System.StringComparer.Ordinal);
        bool isError = false;
        var holders = new List<ISymbol>();
        for (INamedTypeSymbol? current = plainlyMarked ? type.ContainingType : type; current is not null; current = current.ContainingType)
        {
            holders.Add(current);
        }

        holders.Add(type.ContainingModule);
        holders.Add(type.ContainingAssembly);
        foreach (ISymbol holder in holders)
        {
            foreach (AttributeData attribute in holder.GetAttributes())
            {
                if (IsSystemAttribute(attribute, "System", "ObsoleteAttribute"))
                {
                    isError |= attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments[1].Value is true;
                    // DiagnosticId = "ACME002" replaces CS0612/CS0618 as the warning's ID.
                    string? custom = NamedString(attribute, "DiagnosticId");
                    if (custom is null)
                    {
                        ids.Add("CS0612");
                        ids.Add("CS0618");
                    }
                    else
                    {
                        isError |= !Add(ids, custom);
                    }
                }
                else if (IsSystemAttribute(attribute, "System.Diagnostics.CodeAnalysis", "ExperimentalAttribute")
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is string id)
                {
                    isError |= !Add(ids, id);
                }
            }
        }

        var result = new string[ids.Count];
        ids.CopyTo(result);
        return new Usage(result, isError);
    }

    // Adds an ID a #pragma can name; one it cannot leaves every reference a warning no pragma lifts, an error here.
    private static bool Add(SortedSet<string> ids, string id)
    {
        if (!IsPragmaSafe(id))
        {
            return false;
        }

        ids.Add(id);
        return true;
    }

    private static string? NamedString(AttributeData attribute, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is string value)
            {
                return value;
            }
        }

        return null;
    }

    private static bool IsSystemAttribute(AttributeData attribute, string ns, string name)
        => attribute.AttributeClass is { } cls && cls.Name == name && cls.ContainingNamespace?.ToDisplayString() == ns;

    // The ID lands in a #pragma line: letters, digits and '_' only, so nothing can break out of it, and not a digit
    // first, which #pragma reads as a number (001 means CS0001; 1ABC does not even parse).
    private static bool IsPragmaSafe(string id)
    {
        if (id.Length == 0 || id[0] is >= '0' and <= '9')
        {
            return false;
        }

        foreach (char c in id)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }

        return true;
    }
}

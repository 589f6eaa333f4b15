using Microsoft.CodeAnalysis;

namespace GeneratedBus.Generators.Model;

/// <summary>A diagnostic as equatable data, so it can travel through cached pipeline steps.</summary>
/// <param name="Descriptor">What went wrong.</param>
/// <param name="Location">Where; <see langword="null"/> for no location.</param>
/// <param name="MessageArgs">The message's format arguments.</param>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, DiagnosticLocation? Location, EquatableArray<string> MessageArgs)
{
    /// <summary>Creates the info from its format arguments.</summary>
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, DiagnosticLocation? location, params string[] messageArgs)
        => new(descriptor, location, new EquatableArray<string>(messageArgs));

    /// <summary>Builds the Roslyn diagnostic to report, located in <paramref name="tree"/> (see <see cref="DiagnosticLocation.ToLocation"/>).</summary>
    public Diagnostic ToDiagnostic(SyntaxTree? tree)
    {
        object[] args = new object[MessageArgs.Count];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = MessageArgs[i];
        }

        return Diagnostic.Create(Descriptor, Location?.ToLocation(tree) ?? Microsoft.CodeAnalysis.Location.None, args);
    }
}

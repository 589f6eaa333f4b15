using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Generators.Model;

/// <summary>
/// What the reference scan's compilation takes from the real one so that accessibility answers as it does there: the
/// assembly name and its strong-name settings, which <c>InternalsVisibleTo("App, PublicKey=…")</c> is checked against.
/// Equal across source edits (they leave the options alone), so the scan stays cached.
/// </summary>
internal sealed class ScanIdentity : System.IEquatable<ScanIdentity>
{
    private readonly CompilationOptions _options;

    private ScanIdentity(string assemblyName, CompilationOptions options)
    {
        AssemblyName = assemblyName;
        _options = options;
    }

    /// <summary>The compilation's assembly name, empty when it has none.</summary>
    public string AssemblyName { get; }

    /// <summary>The identity of <paramref name="compilation"/>.</summary>
    public static ScanIdentity Of(Compilation compilation) => new(compilation.AssemblyName ?? string.Empty, compilation.Options);

    /// <summary>Options for a library compilation with the same strong name as the real one.</summary>
    public CSharpCompilationOptions ScanOptions() => new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        .WithCryptoKeyFile(_options.CryptoKeyFile)
        .WithCryptoKeyContainer(_options.CryptoKeyContainer)
        .WithCryptoPublicKey(_options.CryptoPublicKey)
        .WithDelaySign(_options.DelaySign)
        .WithPublicSign(_options.PublicSign)
        .WithStrongNameProvider(_options.StrongNameProvider);

    /// <inheritdoc />
    public bool Equals(ScanIdentity? other) =>
        other is not null
        && AssemblyName == other.AssemblyName
        && _options.CryptoKeyFile == other._options.CryptoKeyFile
        && _options.CryptoKeyContainer == other._options.CryptoKeyContainer
        && _options.CryptoPublicKey.SequenceEqual(other._options.CryptoPublicKey)
        && _options.DelaySign == other._options.DelaySign
        && _options.PublicSign == other._options.PublicSign
        && Equals(_options.StrongNameProvider, other._options.StrongNameProvider);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ScanIdentity);

    /// <inheritdoc />
    public override int GetHashCode() => AssemblyName.GetHashCode();
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Generators.Parsing.SyntaxDecided;

/// <summary>
/// The modifiers of a top-level record that syntax alone can read: public or internal (the default), and sealed or
/// abstract. Anything else (partial, file, static, unsafe, new, a repeat or a contradiction) is left to the compiler's path.
/// </summary>
/// <param name="IsPublic">Whether it is public (else internal).</param>
/// <param name="IsSealed">Whether it is sealed.</param>
/// <param name="IsAbstract">Whether it is abstract.</param>
internal sealed record SyntaxDecidedModifiers(bool IsPublic, bool IsSealed, bool IsAbstract)
{
    /// <summary>The modifiers, or <see langword="null"/> when syntax cannot say what the compiler would make of them.</summary>
    public static SyntaxDecidedModifiers? Read(SyntaxTokenList modifiers, bool allowSealed)
    {
        bool isPublic = false, isInternal = false, isSealed = false, isAbstract = false;
        foreach (SyntaxToken modifier in modifiers)
        {
            ref bool seen = ref isPublic;
            switch (modifier.Kind())
            {
                case SyntaxKind.PublicKeyword:
                    break;
                case SyntaxKind.InternalKeyword:
                    seen = ref isInternal;
                    break;
                case SyntaxKind.SealedKeyword when allowSealed:
                    seen = ref isSealed;
                    break;
                case SyntaxKind.AbstractKeyword:
                    seen = ref isAbstract;
                    break;
                default:
                    return null;
            }

            if (seen)
            {
                return null;
            }

            seen = true;
        }

        return (isPublic && isInternal) || (isSealed && isAbstract) ? null : new SyntaxDecidedModifiers(isPublic, isSealed, isAbstract);
    }
}

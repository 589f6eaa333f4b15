using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace GeneratedBus.Testing;

/// <summary>
/// The references of a snapshot's compilation, all offline: the target framework's reference assemblies (from
/// Basic.Reference.Assemblies), GeneratedBus itself, GeneratedBus.Hosting when the test can load it (as a project that
/// uses it gets the hosting file generated), and the assemblies the settings add, each with its own references.
/// </summary>
internal static class SnapshotReferences
{
    private const string HostingAssembly = "GeneratedBus.Hosting";

    /// <summary>The references for a compilation targeting <paramref name="framework"/> with <paramref name="extra"/> assemblies.</summary>
    public static IReadOnlyList<MetadataReference> For(Version framework, IEnumerable<Assembly> extra)
    {
        IReadOnlyList<PortableExecutableReference> frameworkReferences = Framework(framework);
        var frameworkNames = new HashSet<string>(
            frameworkReferences.Select(r => Path.GetFileNameWithoutExtension(r.FilePath ?? r.Display ?? "")),
            StringComparer.OrdinalIgnoreCase);

        var assemblies = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<Assembly>(extra.Append(typeof(BusEventAttribute).Assembly));
        if (TryLoad(HostingAssembly) is { } hosting)
        {
            pending.Push(hosting);
        }

        while (pending.Count > 0)
        {
            Assembly assembly = pending.Pop();
            string name = assembly.GetName().Name ?? "";
            if (frameworkNames.Contains(name) || !assemblies.TryAdd(name, assembly))
            {
                continue;
            }

            foreach (AssemblyName referenced in assembly.GetReferencedAssemblies())
            {
                if (!frameworkNames.Contains(referenced.Name ?? "") && TryLoad(referenced.FullName) is { } loaded)
                {
                    pending.Push(loaded);
                }
            }
        }

        return frameworkReferences
            .Concat(assemblies.Values.Where(a => a.Location.Length > 0).Select(a => MetadataReference.CreateFromFile(a.Location)))
            .ToArray();
    }

    // The newest set not newer than the target framework; 8.0 for anything older.
    private static IReadOnlyList<PortableExecutableReference> Framework(Version framework) => framework.Major switch
    {
        >= 10 => [.. Basic.Reference.Assemblies.Net100.References.All],
        9 => [.. Basic.Reference.Assemblies.Net90.References.All],
        _ => [.. Basic.Reference.Assemblies.Net80.References.All],
    };

    private static Assembly? TryLoad(string name)
    {
        try
        {
            return Assembly.Load(new AssemblyName(name));
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }
}

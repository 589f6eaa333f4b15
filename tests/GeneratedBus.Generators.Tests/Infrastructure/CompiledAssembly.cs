using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis.Emit;

namespace GeneratedBus.Generators.Tests.Infrastructure;

/// <summary>Emits a generator run's output and calls into it, in a collectible load context.</summary>
public static class CompiledAssembly
{
    /// <summary>Emits <paramref name="run"/>'s output compilation and returns what <c>{type}.{method}()</c> returns.</summary>
    public static object? Invoke(GeneratorRun run, string type, string method)
    {
        using var image = new MemoryStream();
        EmitResult emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, Snapshot.DescribeDiagnostics(emitted.Diagnostics));
        image.Position = 0;

        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            Assembly assembly = context.LoadFromStream(image);
            return assembly.GetType(type, throwOnError: true)!.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null);
        }
        finally
        {
            context.Unload();
        }
    }
}

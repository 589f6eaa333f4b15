using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Diagnostics;

/// <summary>
/// Reports <c>async void</c> overrides and implementations of generated sync handlers (GB0015): the bus calls them as
/// sync handlers, so it cannot wait for them, and a throw after their first await ends the process.
/// </summary>
internal static class AsyncVoidCheck
{
    /// <summary>The diagnostics of <paramref name="methods"/> that are generated handlers of <paramref name="buses"/> or of a referenced assembly's bus.</summary>
    public static EquatableArray<DiagnosticInfo> Check(ImmutableArray<AsyncVoidMethod> methods, ImmutableArray<BusSpec> buses)
    {
        var found = new List<DiagnosticInfo>();
        foreach (AsyncVoidMethod method in methods)
        {
            if (Find(method, buses) is { } info)
            {
                found.Add(info);
            }
        }

        return EquatableArray<DiagnosticInfo>.From(found);
    }

    private static DiagnosticInfo? Find(AsyncVoidMethod method, ImmutableArray<BusSpec> buses)
    {
        if (method.ResolvedListener.Length > 0)
        {
            return Report(method, method.ResolvedListener, method.ResolvedBus);
        }

        // The generator's own buses: their listener types do not resolve here, so they are known by simple name and
        // the handler by its name and parameter type.
        foreach (BusSpec bus in buses)
        {
            RootSpec root = bus.Root;
            if (method.IsOverride && method.UnresolvedBases.Contains(root.ListenerName) && IsHandler(method, bus))
            {
                return Report(method, root.ListenerName, root.BusName);
            }

            if (method.IsOverride && method.UnresolvedBases.Contains(root.FirehoseListenerName)
                && method.Name == GeneratedNames.FirehoseHandler && method.ParameterType == root.TypeName)
            {
                return Report(method, root.FirehoseListenerName, root.BusName);
            }

            if (!method.IsOverride && method.UnresolvedBases.Contains(root.ListenerInterfaceName) && IsHandler(method, bus))
            {
                return Report(method, root.ListenerInterfaceName, root.BusName);
            }
        }

        return null;
    }

    private static bool IsHandler(AsyncVoidMethod method, BusSpec bus)
    {
        if (method.Name == GeneratedNames.OtherHandler)
        {
            return method.ParameterType == bus.Root.TypeName;
        }

        foreach (EventSpec spec in bus.Events)
        {
            if (method.Name == spec.HandlerName && method.ParameterType == spec.TypeName)
            {
                return true;
            }
        }

        return false;
    }

    private static DiagnosticInfo Report(AsyncVoidMethod method, string listener, string bus) => DiagnosticInfo.Create(
        DiagnosticDescriptors.AsyncVoidHandler,
        method.Location,
        method.DisplayName,
        method.IsOverride ? "override" : "implementation",
        listener,
        method.Name,
        GeneratedNames.AsyncListener(bus),
        GeneratedNames.AsyncListenerInterface(bus));
}

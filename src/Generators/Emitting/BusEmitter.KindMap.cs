using System.Linq;
using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Emitting;

/// <summary>
/// A larger bus's dispatch: the kind of the event's exact type from a hash of type handles, then a jump table, so the
/// last declared event costs what the first does however many there are.
/// </summary>
internal sealed partial class BusEmitter
{
    // Kind i + 1 for the type at index i, as the enum numbers them.
    private void WriteKindMap()
    {
        if (_bus.Events.Count == 0)
        {
            _writer.WriteLine("private static readonly global::GeneratedBus.EventKindMap s_kinds = new();");
            return;
        }

        _writer.WriteLine("private static readonly global::GeneratedBus.EventKindMap s_kinds = new(");
        using (_writer.Indented())
        {
            for (int i = 0; i < _bus.Events.Count; i++)
            {
                string end = i == _bus.Events.Count - 1 ? ");" : ",";
                _writer.WriteLine($"typeof({_bus.Events[i].TypeName}).TypeHandle{end}");
            }
        }
    }

    private void WriteKindMapKindOf()
    {
        WriteNullCheck();

        // Types that can have subclasses, in type-test order, for the types the map does not hold.
        EventSpec[] open = TypeTestOrder.Where(e => !e.IsSealed).ToArray();
        if (open.Length == 0)
        {
            _writer.WriteLine($"return ({Kind})s_kinds.Find(e);");
            return;
        }

        _writer.WriteLine($$"""
            int kind = s_kinds.Find(e);
            if (kind != 0)
            {
                return ({{Kind}})kind;
            }

            // Not an exact event type: a subclass of a non-sealed event goes to that event's handler.
            """);
        WriteKindSwitch(open);
    }

    // One lookup, then straight to the handler: the kind is this method's own, so the cast cannot fail.
    private void WriteKindMapDispatch(DispatchShape shape)
    {
        _writer.WriteLine("""
            switch (KindOf(e))
            {
            """);
        using (_writer.Indented())
        {
            foreach (EventSpec spec in _bus.Events)
            {
                _writer.WriteLine($"case {Kind}.{spec.KindName}:");
                using (_writer.Indented())
                {
                    WriteCallAndReturn(shape, spec, $"({spec.TypeName})e");
                }
            }

            WriteOtherCase(shape);
        }

        _writer.WriteLine("}");
    }
}

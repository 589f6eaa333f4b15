using System.Linq;
using GeneratedBus.Generators.Model;

namespace GeneratedBus.Generators.Emitting;

/// <summary>
/// A small bus's dispatch: a switch over the event's type, as one would write it by hand, after a null check. For a
/// sealed type each test is one compare of the object's type pointer with a constant, so a few dozen of them cost less
/// than hashing the type; and with null ruled out first the JIT loads that pointer once for all the tests, where a
/// hand-written switch tests for null again at each case.
/// </summary>
internal sealed partial class BusEmitter
{
    // Deeper types first, so that a subclass of a non-sealed event meets its nearest handled base before that base's
    // own bases (and no case is subsumed by an earlier one); OrderBy is stable, so declaration order otherwise.
    private EventSpec[] TypeTestOrder => _bus.Events.OrderByDescending(e => e.Depth).ToArray();

    private void WriteTypeSwitchKindOf()
    {
        WriteNullCheck();
        WriteKindSwitch(TypeTestOrder);
    }

    // "return e switch { ... };" over the given types, in order; anything else is Other. The kind map's fallback for
    // subclasses of non-sealed events is the same switch over those events.
    private void WriteKindSwitch(System.Collections.Generic.IEnumerable<EventSpec> tested)
    {
        _writer.WriteLine("""
            return e switch
            {
            """);
        using (_writer.Indented())
        {
            foreach (EventSpec spec in tested)
            {
                _writer.WriteLine($"{spec.TypeName} => {Kind}.{spec.KindName},");
            }

            _writer.WriteLine($"_ => {Kind}.{GeneratedNames.OtherKind},");
        }

        _writer.WriteLine("};");
    }

    // Each case calls its handler straight from the type test: no kind, no second switch.
    private void WriteTypeSwitchDispatch(DispatchShape shape)
    {
        WriteNullCheck();
        _writer.WriteLine("""
            switch (e)
            {
            """);
        using (_writer.Indented())
        {
            foreach (EventSpec spec in TypeTestOrder)
            {
                _writer.WriteLine($"case {TypedPattern(spec, shape == DispatchShape.All)}:");
                using (_writer.Indented())
                {
                    WriteCallAndReturn(shape, spec, "typed");
                }
            }

            WriteOtherCase(shape);
        }

        _writer.WriteLine("}");
    }
}

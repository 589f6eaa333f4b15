namespace GeneratedBus.Generators.Model;

/// <summary>
/// An <c>async void</c> method with one parameter that may override or implement a generated sync handler: plain data,
/// matched against the buses by <see cref="Diagnostics.AsyncVoidCheck"/>.
/// </summary>
/// <param name="DisplayName">The method as diagnostics name it: <c>Acme.Audit.OnJobStart(JobStart)</c>.</param>
/// <param name="Name">The method's name (for an explicit implementation, the interface member's).</param>
/// <param name="ParameterType">The parameter's <c>global::</c>-qualified type, as <see cref="EventSpec.TypeName"/> spells it.</param>
/// <param name="IsOverride">Whether it is declared <c>override</c>.</param>
/// <param name="UnresolvedBases">
/// The simple names of the containing type's base classes and interfaces that do not resolve. The generator does not
/// see its own output, so in the compilation that generates them the listener types are unresolved, known by name.
/// </param>
/// <param name="ResolvedListener">
/// A generated listener type from a referenced assembly that the method overrides or implements, by simple name
/// (<c>SchedulerListener</c>); empty when none.
/// </param>
/// <param name="ResolvedBus">That listener's bus name (<c>Scheduler</c>); empty when none.</param>
/// <param name="Location">The method's name in source.</param>
internal sealed record AsyncVoidMethod(
    string DisplayName,
    string Name,
    string ParameterType,
    bool IsOverride,
    EquatableArray<string> UnresolvedBases,
    string ResolvedListener,
    string ResolvedBus,
    DiagnosticLocation? Location);

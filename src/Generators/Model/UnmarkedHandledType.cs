namespace GeneratedBus.Generators.Model;

/// <summary>
/// A handler override, <c>OnX(X e)</c>, whose <c>X</c> derives from a root but carries no [BusEvent]: the bus has no
/// handler of that name, so the override fails (CS0115) or <c>X</c> silently reaches <c>OnOtherEvent</c>.
/// </summary>
/// <param name="DisplayName">The type's name shown in the diagnostic.</param>
/// <param name="RootMetadataName">Its root's metadata name: a diagnostic only when that root has a bus.</param>
/// <param name="RootDisplayName">Its root's name shown in the diagnostic.</param>
/// <param name="Handler">The override, as <c>Listener.OnX</c>.</param>
/// <param name="Location">The override's parameter type.</param>
internal sealed record UnmarkedHandledType(
    string DisplayName,
    string RootMetadataName,
    string RootDisplayName,
    string Handler,
    DiagnosticLocation? Location);

namespace GeneratedBus.Generators.Emitting;

/// <summary>The version written into <c>[GeneratedCode]</c>: the generator assembly's version.</summary>
internal static class GeneratorVersion
{
    /// <summary>For example <c>0.1.0.0</c>.</summary>
    public static readonly string Value = typeof(GeneratorVersion).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";
}

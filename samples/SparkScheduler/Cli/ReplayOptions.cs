using System.Collections.Generic;

namespace SparkScheduler.Cli;

/// <summary>What <c>replay</c> was asked to do.</summary>
/// <param name="Logs">The Spark event logs, one attempt each, in the order given.</param>
/// <param name="RestOut">The folder the REST-layout JSON files go to.</param>
/// <param name="MaxLineBytes">The longest line accepted.</param>
/// <param name="Help">Whether only the usage was asked for.</param>
internal sealed record ReplayOptions(IReadOnlyList<string> Logs, string RestOut, int MaxLineBytes, bool Help = false);

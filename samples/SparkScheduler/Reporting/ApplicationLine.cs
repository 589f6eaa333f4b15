using System.Globalization;
using System.Linq;
using SparkScheduler.Listeners.AppStatus;

namespace SparkScheduler.Reporting;

/// <summary>The one line <c>replay</c> and <c>history</c> print for the application they read (its text escaped).</summary>
internal static class ApplicationLine
{
    /// <summary>
    /// <c>  application &lt;id&gt;[, attempt &lt;n&gt;]: "&lt;name&gt;" by &lt;user&gt;, N jobs, N stages, N active executors</c>,
    /// or <see langword="null"/> when no ApplicationStart was read.
    /// </summary>
    public static string? Of(AppStatusStore store)
    {
        if (store.Application is not { } app)
        {
            return null;
        }

        string attempt = app.AttemptId is null ? "" : $", attempt {TerminalText.Safe(app.AttemptId)}";
        return string.Create(CultureInfo.InvariantCulture,
            $"  application {TerminalText.Safe(app.AppId)}{attempt}: \"{TerminalText.Safe(app.Name)}\" by {TerminalText.Safe(app.SparkUser)}, {store.Jobs.Count()} jobs, {store.Stages.Count()} stages, {store.Executors.Count(e => e.IsActive)} active executors");
    }
}

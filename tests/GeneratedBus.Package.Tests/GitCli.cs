namespace GeneratedBus.Package.Tests;

/// <summary>Runs git, failing the test with its output when it fails.</summary>
internal static class GitCli
{
    public static string Run(string workingDirectory, params string[] args) => DotNetCli.Checked("git", workingDirectory, args);
}

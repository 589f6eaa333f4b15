using System.Collections.Generic;
using GeneratedBus.Testing;

namespace GeneratedBus.Testing.Tests;

public sealed class AcceptanceTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData("1", null, true)]
    [InlineData("1", "false", true)]
    [InlineData("true", null, false)]
    [InlineData("0", null, false)]
    [InlineData("1", "true", false)]
    [InlineData("1", "TRUE", false)]
    public void Only_GENERATEDBUS_ACCEPT_1_accepts_and_never_under_CI_true(string? accept, string? ci, bool accepts)
    {
        var environment = new Dictionary<string, string?> { ["GENERATEDBUS_ACCEPT"] = accept, ["CI"] = ci };

        Assert.Equal(accepts, SnapshotAcceptance.Accepts(name => environment.GetValueOrDefault(name)));
    }
}

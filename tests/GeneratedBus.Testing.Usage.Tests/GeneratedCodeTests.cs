using GeneratedBus.Testing;

namespace Shop.Tests;

// README's "Testing your generated code", exactly.
public class GeneratedCodeTests
{
    [Fact]
    public void Shop_bus() => GeneratedCodeSnapshot.Verify("Shop/**/*.cs");
}

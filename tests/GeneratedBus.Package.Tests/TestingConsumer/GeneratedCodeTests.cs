using GeneratedBus.Testing;

public class GeneratedCodeTests
{
    [Fact]
    public void Shop_bus() => GeneratedCodeSnapshot.Verify("OrderEvents.cs");
}

using System;
using System.Collections.Immutable;
using System.Linq;
using GeneratedBus.Generators.Tests.Diagnostics;
using GeneratedBus.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratedBus.Generators.Tests.MultiProject;

/// <summary>
/// An internal root and an internal event, each in a library that gives its internals to a strong-named app
/// (<c>InternalsVisibleTo("App, PublicKey=…")</c>; the root's library to any app named App as well): the app can
/// name both, so its internal bus covers the event; an app without the key sees the root and not the event. The
/// generator reads the references through a compilation of its own, which must carry the app's key for that check to
/// answer as the app's compilation does.
/// </summary>
public sealed class StrongNamedFriendTests
{
    // A well-known public key (Microsoft's, the one many of its assemblies name in InternalsVisibleTo): public signing
    // needs only the public half.
    private const string PublicKeyHex =
        "0024000004800000940000000602000000240000525341310004000001000100b5fc90e7027f67871e773a8fde8938c81dd402ba65b9201d60593e96c492651e889cc13f1415ebb53fac1131ae0bd333c5ee6021672d9718ea31a8aebd0da0072f25d87dba6fc90ffd598ed4da35e44c398c454307e8e33b8426143daec9f596836f97c8f74750e5975c64e2189f45def46b2a2b1247adc3652bf5c308055da9";

    private const string FriendOfApp = $"""[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("App, PublicKey={PublicKeyHex}")]""";

    private static (MetadataReference Core, MetadataReference Payments) Libraries()
    {
        MetadataReference core = ReferencedLibrary.Build("Shop.Core", [FriendOfApp + """

            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.Payments")]
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("App")]
            namespace Shop.Orders;
            internal abstract record OrderEvent;
            """]);
        MetadataReference payments = ReferencedLibrary.Build("Shop.Payments", [FriendOfApp + """

            namespace Shop.Payments;
            [GeneratedBus.BusEvent] internal sealed record PaymentTaken(int OrderId) : Shop.Orders.OrderEvent;
            """], core);
        return (core, payments);
    }

    private static GeneratorRun RunApp(bool signed)
    {
        (MetadataReference core, MetadataReference payments) = Libraries();
        Compilation app = ReferencedLibrary.App(["""
            using GeneratedBus;
            [assembly: GenerateBus(typeof(Shop.Orders.OrderEvent))]
            """], core, payments);
        if (signed)
        {
            byte[] key = Convert.FromHexString(PublicKeyHex);
            app = app.WithOptions(((CSharpCompilationOptions)app.Options).WithCryptoPublicKey(ImmutableArray.Create(key)).WithPublicSign(true));
        }

        return GeneratorRun.For(app);
    }

    [Fact]
    public void An_internal_referenced_event_visible_to_the_strong_named_app_is_on_its_internal_bus_without_GB0003()
    {
        GeneratorRun run = RunApp(signed: true);

        Assert.Empty(run.GeneratorDiagnostics);
        string bus = string.Concat(run.BusSources.Select(s => s.SourceText.ToString()));
        Assert.Contains("void OnPaymentTaken(global::Shop.Payments.PaymentTaken", bus, StringComparison.Ordinal);
        Assert.Contains("internal interface IOrderListener", bus, StringComparison.Ordinal);
        DiagnosticAssert.AssertGeneratedTreesCompile(run);
    }

    [Fact]
    public void The_same_event_is_GB0003_at_the_request_for_an_app_without_the_key_the_libraries_name()
    {
        GeneratorRun run = RunApp(signed: false);

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "GB0003"
            && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'Shop.Payments.PaymentTaken'", StringComparison.Ordinal));
    }
}

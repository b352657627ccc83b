using Archon.Core.Execution;
using Archon.Core.Providers;
using Microsoft.Extensions.AI;

namespace Archon.Core.Tests.Providers;

public sealed class CustomProviderTests
{
    [Fact]
    public async Task RegisterProvider_CustomProvider_ReceivesCallMetadataThroughTheStack()
    {
        var fake = new FakeModel(_ => "from custom") { InputTokens = 1000, OutputTokens = 500 };
        var catalog = new ModelCatalog([new ModelEntry { Id = "sim-model", Provider = "custom", InputPricePerMillion = 2m, OutputPricePerMillion = 4m }], "test");
        await using var factory = new ModelClientFactory(catalog);
        factory.RegisterProvider("custom", _ => fake);
        var invoker = new ChatClientModelInvoker(factory);
        var request = new ModelCallRequest("L2.C0.ranker.s3", "sim-model", [new ChatTurn("user", "rank")], 0.3, 99, 3, "ranker", 2, "gsm8k-17");

        var result = await invoker.InvokeAsync(request, CancellationToken.None);

        Assert.Equal("from custom", result.Text);
        Assert.Equal((1000, 500, 0.004m), (result.InputTokens, result.OutputTokens, result.CostUsd));
        var props = Assert.Single(fake.OptionsSeen)!.AdditionalProperties!;
        Assert.Equal("ranker", props[CallMetadata.Role]);
        Assert.Equal("gsm8k-17", props[CallMetadata.ItemId]);
        Assert.Equal("3", props[CallMetadata.SampleIndex]);
        Assert.Equal("2", props[CallMetadata.Layer]);
        Assert.Equal("L2.C0.ranker.s3", props[CallMetadata.CallId]);
        Assert.Equal(99, fake.OptionsSeen[0]!.MaxOutputTokens);
    }

    [Fact]
    public async Task Preflight_UnregisteredProvider_IsReported()
    {
        var catalog = new ModelCatalog([new ModelEntry { Id = "x", Provider = "sim" }], "c.json");
        await using var factory = new ModelClientFactory(catalog);

        Assert.Equal(["model x: provider \"sim\" is not registered (catalog c.json)"], factory.Preflight(["x"]));
        factory.RegisterProvider("sim", _ => new FakeModel());
        Assert.Empty(factory.Preflight(["x"]));
    }
}

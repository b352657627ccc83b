using Archon.Core.Architecture;

namespace Archon.Core.Tests.Architecture;

public sealed class ArchitectureConfigTests
{
    private static ComponentConfig C(string type, string model = "") => new() { Type = type, Model = model };

    [Fact]
    public void ModelIds_RepeatedAndModelLessComponents_DistinctInFirstUseOrder()
    {
        var architecture = new ArchitectureConfig
        {
            Name = "t",
            Layers =
            [
                new LayerConfig([C("generator", "b"), C("generator", "a"), C("generator", "b")]),
                new LayerConfig([C("unit_test_generator", "c"), C("custom-without-model")]),
                new LayerConfig([C("fuser", "a")]),
            ],
        };

        Assert.Equal(["b", "a", "c"], architecture.ModelIds());
    }
}

using System.Text;
using Archon.Durable.Architectures;
using Archon.Http;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Archon.Http.Tests;

public sealed class RequestParsingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"archon-parse-{Guid.NewGuid():N}");

    [Fact]
    public async Task ByNameAsync_RegisteredBlobNoLongerLoads_Returns422NamingTheArchitecture()
    {
        var store = new FileResultStore(_root);
        var target = BlobLayout.Architecture("broken");
        await store.PutBytesAsync(target.Container, target.Name, Encoding.UTF8.GetBytes("""{"name":"broken","layers":[[{"type":"teleporter"}]]}"""), "application/json", default);

        var (architecture, error) = await RequestParsing.ByNameAsync("broken", "model", new StoreArchitectureCatalog(store), default);

        Assert.Null(architecture);
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, ((IStatusCodeHttpResult)error!).StatusCode);
        var body = ((JsonHttpResult<ApiErrors.ApiErrorBody>)error).Value!;
        Assert.StartsWith("model: architecture 'broken' is registered but invalid", body.Error.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

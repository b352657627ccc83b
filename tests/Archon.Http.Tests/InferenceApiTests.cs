using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Archon.Http.Tests;

public sealed class InferenceApiTests(ApiServerFixture api) : IClassFixture<ApiServerFixture>
{
    private const string Messages = """[{"role":"user","content":"What is 2+2?"}]""";

    private Task<HttpResponseMessage> PostAsync(string path, string json) =>
        api.Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task PostInference_WaitAndInlineArchitecture_ReturnsAnswerUsageAndTrace()
    {
        var body = $$"""
            {"architecture": {"name": "inline-two", "layers": [[{"type": "generator", "model": "a", "samples": 2}], [{"type": "fuser", "model": "b"}]]},
             "messages": {{Messages}}}
            """;

        var response = await PostAsync("api/inference?wait=30", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal("Completed", json.GetProperty("status").GetString());
        Assert.StartsWith("A combined answer", json.GetProperty("answer").GetString());
        Assert.Equal(3, json.GetProperty("usage").GetProperty("calls").GetInt32());
        Assert.Equal($"archon-traces/{json.GetProperty("id").GetString()}.json", json.GetProperty("trace").GetString());
    }

    [Fact]
    public async Task PostInference_NoWait_Returns202WithStatusUrlThatReachesCompletion()
    {
        var response = await PostAsync("api/inference", $$"""{"architecture": "single", "messages": {{Messages}}}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var statusUri = (await JsonAsync(response)).GetProperty("statusQueryGetUri").GetString()!;
        Assert.Equal(statusUri, response.Headers.Location!.ToString());
        // Wait on the orchestration itself (no polling sleep), then read the status URL the client was given.
        var id = (await JsonAsync(response)).GetProperty("id").GetString()!;
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await api.Server.Client.WaitForInstanceCompletionAsync(id, timeout.Token);
        }

        var status = await JsonAsync(await api.Http.GetAsync(statusUri));
        Assert.Equal("Completed", status.GetProperty("status").GetString());
        Assert.Equal("single", status.GetProperty("architecture").GetString());
        Assert.Equal(1, status.GetProperty("progress").GetProperty("layers").GetInt32());
    }

    [Theory]
    [InlineData("{not json", "body: not valid JSON")]
    [InlineData("[1,2]", "body: must be a JSON object")]
    [InlineData("""{"messages": [{"role":"user","content":"hi"}]}""", "architecture: required")]
    [InlineData("""{"architecture": "single"}""", "messages: required")]
    [InlineData("""{"architecture": "single", "messages": [{"role":"robot","content":"hi"}]}""", "messages[0].role: must be one of")]
    [InlineData("""{"architecture": "single", "messages": [{"role":"user","content":42}]}""", "messages[0].content: must be a string")]
    [InlineData("""{"architecture": {"name": "bad", "layers": [[{"type": "teleporter", "model": "a"}]]}, "messages": [{"role":"user","content":"hi"}]}""", "architecture: invalid architecture")]
    public async Task PostInference_BadInput_Returns400NamingFieldAndRule(string body, string expected)
    {
        var response = await PostAsync("api/inference", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await JsonAsync(response)).GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task PostInference_UnknownArchitectureName_Returns404NamingIt()
    {
        var response = await PostAsync("api/inference", $$"""{"architecture": "missing-arch", "messages": {{Messages}}}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("'missing-arch'", (await JsonAsync(response)).GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task PostInference_OversizedBody_Returns413()
    {
        var huge = new string('x', 70 * 1024);
        var response = await PostAsync("api/inference", $$"""{"architecture": "single", "messages": [{"role":"user","content":"{{huge}}"}]}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 65536 bytes", (await JsonAsync(response)).GetProperty("error").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("100000")]
    public async Task PostInference_BadWait_Returns400(string wait)
    {
        var response = await PostAsync($"api/inference?wait={wait}", $$"""{"architecture": "single", "messages": {{Messages}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("wait:", (await JsonAsync(response)).GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task GetInference_UnknownId_Returns404()
    {
        var response = await api.Http.GetAsync("api/inference/does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostInference_WrongContentType_Returns415()
    {
        var response = await api.Http.PostAsync("api/inference", new StringContent("architecture=single", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}

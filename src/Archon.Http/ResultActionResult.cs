using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Archon.Http;

/// <summary>
/// Runs a minimal-API <see cref="IResult"/> as an MVC <see cref="IActionResult"/>: the Functions ASP.NET Core
/// integration documents IActionResult returns, while the shared handlers produce IResult.
/// </summary>
public sealed class ResultActionResult(IResult result) : IActionResult
{
    public IResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context) => Result.ExecuteAsync(context.HttpContext);
}

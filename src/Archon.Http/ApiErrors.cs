using Microsoft.AspNetCore.Http;

namespace Archon.Http;

/// <summary>
/// Error responses in the OpenAI shape (<c>{"error":{"message","type","param","code"}}</c>), which OpenAI SDKs
/// surface as-is and which is equally readable for the Archon endpoints. The message always names the field and rule.
/// </summary>
public static class ApiErrors
{
    public static IResult BadRequest(string field, string rule) => Error(StatusCodes.Status400BadRequest, field, rule, "invalid_request_error");

    public static IResult NotFound(string field, string rule) => Error(StatusCodes.Status404NotFound, field, rule, "not_found");

    public static IResult TooLarge(long maxBytes) =>
        Error(StatusCodes.Status413PayloadTooLarge, "body",
            $"request body must be at most {maxBytes} bytes (limit ArchonApi:MaxRequestBytes)", "request_too_large");

    public static IResult UnsupportedMediaType(string contentType) =>
        Error(StatusCodes.Status415UnsupportedMediaType, "Content-Type", $"must be application/json (got '{contentType}')", "invalid_request_error");

    public static IResult Unauthorized() =>
        Error(StatusCodes.Status401Unauthorized, "authorization", "a valid key is required (x-functions-key header, code query parameter or Bearer token)", "unauthorized");

    public static IResult Conflict(string field, string rule) => Error(StatusCodes.Status409Conflict, field, rule, "conflict");

    public static IResult Timeout(string rule) => Error(StatusCodes.Status504GatewayTimeout, "wait", rule, "timeout");

    public static IResult Failed(string field, string message) => Error(StatusCodes.Status502BadGateway, field, message, "upstream_error");

    public static IResult Error(int status, string field, string rule, string type) =>
        Results.Json(new ApiErrorBody(new ApiError($"{field}: {rule}", type, field, type)), statusCode: status);

    public sealed record ApiErrorBody(ApiError Error);

    public sealed record ApiError(string Message, string Type, string Param, string Code);
}

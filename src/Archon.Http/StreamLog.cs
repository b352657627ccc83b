using Microsoft.Extensions.Logging;

namespace Archon.Http;

/// <summary>Log messages of streamed completions (source-generated: no formatting cost when the level is off).</summary>
internal static partial class StreamLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "streamed completion {Id}: client disconnected ({Error})")]
    public static partial void Disconnected(ILogger logger, string id, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "streamed completion {Id}: client did not reconnect; cancelled its remaining model calls")]
    public static partial void Cancelled(ILogger logger, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "streamed completion {Id}: could not cancel after the client disconnected")]
    public static partial void CancelFailed(ILogger logger, Exception error, string id);
}

using System.Text;

namespace Archon.Core.Evaluation.CodeContests;

/// <summary>
/// The program one test runs in the sandbox: it writes the test input to <c>stdin.txt</c> in its own work directory,
/// points file descriptor 0 at it (so <c>input()</c>, <c>sys.stdin</c>, <c>sys.stdin.buffer</c> and <c>open(0)</c> all
/// read it), then runs the candidate as <c>__main__</c>. <c>exit()</c> / <c>sys.exit(0)</c> after printing is normal in
/// contest code and counts as a clean finish; a non-zero exit status is a runtime error.
/// </summary>
public static class CodeContestsProgram
{
    public static string Build(string candidate, string input)
    {
        var source = Convert.ToBase64String(Encoding.UTF8.GetBytes(candidate));
        var stdin = Convert.ToBase64String(Encoding.UTF8.GetBytes(input));
        return $$"""
import base64 as _cc_b64, os as _cc_os, sys as _cc_sys
with open("stdin.txt", "wb") as _cc_f:
    _cc_f.write(_cc_b64.b64decode("{{stdin}}"))
_cc_fd = _cc_os.open("stdin.txt", _cc_os.O_RDONLY)
_cc_os.dup2(_cc_fd, 0)
_cc_os.close(_cc_fd)
_cc_code = compile(_cc_b64.b64decode("{{source}}").decode("utf-8"), "solution.py", "exec")
try:
    exec(_cc_code, {"__name__": "__main__", "__builtins__": __builtins__})
except SystemExit as _cc_exit:
    if _cc_exit.code not in (None, 0):
        raise
_cc_sys.stdout.flush()

""";
    }
}

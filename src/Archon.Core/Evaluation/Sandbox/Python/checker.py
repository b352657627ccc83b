# Archon sandbox checker: runs OUTSIDE the candidate's interpreter (its own process, or its own session in Azure).
# It holds the dataset's tests and decides the verdict. The candidate's functions are reached only through Remote
# proxies that send data-only requests to the agent and decode data-only replies (codec.py is prepended to this file).
# A Remote never answers ==, <, bool() or hash() on the candidate's behalf, so no object the candidate returns can
# vote on its own correctness.
import ast
import random
import sys


class _Conn:
    transport = None  # request dict -> reply line
    violation = None
    calls = 0
    pending = None  # replay mode: the first call that has no reply yet


class _NeedReply(BaseException):
    """Replay mode: unwinds the tests at the first unanswered call (re-raised however the tests catch it)."""


def _rpc(request):
    _Conn.calls += 1
    line = _Conn.transport(request)
    try:
        reply = parse_line(line)
        ok = reply.get("ok")
        if ok is True and "value" in reply:
            return decode(reply["value"], _remote)
        if ok is False and isinstance(reply.get("error"), dict):
            error = exception_from(reply["error"])
        else:
            raise ProtocolViolation("reply without ok/value or ok/error")
    except ProtocolViolation as e:
        _Conn.violation = _Conn.violation or str(e)
        raise
    raise error


def _encode_arg(value):
    def ref(v):
        if isinstance(v, Remote):
            return {"$": "ref", "id": object.__getattribute__(v, "_id")}
        raise TypeError("cannot pass a %s to the sandboxed candidate (data only)" % type(v).__name__)
    return encode(value, ref)


class Remote:
    """An object that lives in the candidate's interpreter. Identity equality only; no truth value."""
    __slots__ = ("_id", "_type")

    def __init__(self, ref_id, type_name):
        object.__setattr__(self, "_id", ref_id)
        object.__setattr__(self, "_type", type_name)

    def _req(self, op, **fields):
        fields.update(op=op, ref=object.__getattribute__(self, "_id"))
        return _rpc(fields)

    def __call__(self, *args, **kwargs):
        return self._req("call", args=[_encode_arg(a) for a in args], kwargs={k: _encode_arg(v) for k, v in kwargs.items()})

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return self._req("getattr", attr=name)

    def __setattr__(self, name, value):
        self._req("setattr", attr=name, value=_encode_arg(value))

    def __getitem__(self, key):
        return self._req("getitem", key=_encode_arg(key))

    def __len__(self):
        return self._req("len")

    def __iter__(self):
        return self._req("iter")

    def __next__(self):
        return self._req("next")

    def __eq__(self, other):
        return isinstance(other, Remote) and object.__getattribute__(other, "_id") == object.__getattribute__(self, "_id")

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(("remote", object.__getattribute__(self, "_id")))

    def __bool__(self):
        raise TypeError("a %s from the candidate has no truth value in the checker" % object.__getattribute__(self, "_type"))

    def __repr__(self):
        return "<candidate %s #%d>" % (object.__getattribute__(self, "_type"), object.__getattribute__(self, "_id"))


def _remote(ref_id, type_name):
    return Remote(ref_id, type_name)


def free_names(*sources):
    """Names the tests read but never bind, minus builtins and stdlib modules: what must come from the candidate."""
    loads, bound = set(), set()
    for src in sources:
        for node in ast.walk(ast.parse(src or "")):
            if isinstance(node, ast.Name):
                (loads if isinstance(node.ctx, ast.Load) else bound).add(node.id)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                bound.update((a.asname or a.name).split(".")[0] for a in node.names)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                bound.add(node.name)
            elif isinstance(node, ast.arg):
                bound.add(node.arg)
    return sorted(loads - bound - set(dir(builtins)) - set(sys.stdlib_module_names))


def run_check(spec):
    """spec: code, tests, setup, prompt, entry. Returns the verdict dict. Deterministic (seeded) so it can replay."""
    random.seed(0)
    prompt, entry, tests, setup = spec.get("prompt"), spec.get("entry") or "", spec["tests"], spec.get("setup") or ""
    ns = {"__name__": "__archon_check__", "__builtins__": builtins}
    names = [entry] if prompt else sorted(set(free_names(tests, setup)) | ({entry} if entry else set()))
    real_stdout = sys.stdout
    sys.stdout = sys.stderr  # test code that prints must not touch the protocol stream
    try:
        if prompt:
            exec(compile(prompt, "prompt.py", "exec"), ns)  # the dataset's trusted helpers (HumanEval/32's poly, ...)
        try:
            loaded = _rpc({"op": "load", "code": spec["code"], "names": names})
        except ProtocolViolation:
            raise
        except BaseException as e:
            return {"kind": "verdict", "passed": False, "detail": "candidate failed to load: %s" % _describe(e)}
        if not isinstance(loaded, dict):
            raise ProtocolViolation("load reply is not a dict")
        ns.update({n: v for n, v in loaded.items() if n in names})
        if setup:
            exec(compile(setup, "setup.py", "exec"), ns)
        exec(compile(tests, "tests.py", "exec"), ns)
        if prompt:
            if entry not in loaded:
                return {"kind": "verdict", "passed": False, "detail": "candidate does not define %s" % entry}
            ns["check"](ns[entry])
    except BaseException as e:
        if _Conn.violation:
            return {"kind": "verdict", "passed": False, "detail": "protocol violation: %s" % _Conn.violation}
        return {"kind": "verdict", "passed": False, "detail": "failed: %s" % _describe(e)}
    finally:
        sys.stdout = real_stdout
    if _Conn.violation:  # swallowed by a bare except in the tests: still a failure
        return {"kind": "verdict", "passed": False, "detail": "protocol violation: %s" % _Conn.violation}
    return {"kind": "verdict", "passed": True, "detail": "passed (%d calls)" % _Conn.calls}


def _describe(e):
    err = error_of(e)
    return ("%s: %s" % (err["type"], err["message"]))[:500] if err["message"] else err["type"]


def replay_step(spec, transcript):
    """Session-pool mode: re-run the (seeded) checker against the [request, reply] pairs so far and stop at the first
    unanswered call. A replay whose requests differ from the recorded ones is a failure, never a guess."""
    feed = iter(transcript)
    _Conn.violation, _Conn.calls, _Conn.pending = None, 0, None

    def transport(request):
        if _Conn.pending is not None:
            raise _NeedReply()
        for recorded, reply in feed:
            if recorded != request:
                _Conn.violation = "checker replay diverged at call %d" % _Conn.calls
                raise ProtocolViolation(_Conn.violation)
            return reply
        _Conn.pending = request
        raise _NeedReply()

    _Conn.transport = transport
    verdict = run_check(spec)
    if _Conn.pending is not None:
        return json.dumps({"kind": "rpc", "request": _Conn.pending})
    return json.dumps(verdict)


def main():
    proto_in = sys.stdin
    proto_out = sys.stdout

    def transport(request):
        proto_out.write(json.dumps({"kind": "rpc", "request": request}) + "\n")
        proto_out.flush()
        line = proto_in.readline()
        if not line:
            raise ProtocolViolation("broker closed the pipe")
        return line

    _Conn.transport = transport
    spec = json.loads(proto_in.readline())
    proto_out.write(json.dumps(run_check(spec)) + "\n")
    proto_out.flush()


# In a session-pool kernel __name__ is also "__main__": the session code sets __archon_session first.
if __name__ == "__main__" and not globals().get("__archon_session"):
    main()

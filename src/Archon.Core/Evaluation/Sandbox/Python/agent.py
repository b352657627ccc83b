# Archon sandbox agent: runs INSIDE the sandbox, in the same interpreter as the untrusted candidate.
# It loads the candidate's code and answers calls from the checker (which holds the tests and decides the verdict).
# Nothing here is trusted: the candidate can rewrite this object, its codec or its replies. That is fine by design,
# because a reply is only ever "the candidate's answer" to one call, checked as data by the checker outside.
# codec.py is prepended to this file.
import contextlib
import io
import os
import sys


class Agent:
    def __init__(self):
        self.objects = {}
        self.namespace = None

    def _ref(self, value):
        ref_id = len(self.objects) + 1
        self.objects[ref_id] = value
        return {"$": "ref", "id": ref_id, "type": type(value).__name__}

    def _resolve(self, ref_id, _type_name):
        if ref_id not in self.objects:
            raise ProtocolViolation("unknown reference %d" % ref_id)
        return self.objects[ref_id]

    def _value(self, obj):
        return decode(obj, self._resolve)

    def _target(self, req):
        if "ref" in req:
            return self._resolve(req["ref"], None)
        return self.namespace[req["name"]]

    def handle(self, line):
        """One request line -> one reply line. Every failure, the candidate's exits included, becomes an error reply."""
        try:
            req = parse_line(line)
            reply = {"ok": True, "value": self._dispatch(req)}
        except BaseException as e:  # noqa: B036 - SystemExit/KeyboardInterrupt raised by candidate code are answers too
            reply = {"ok": False, "error": error_of(e)}
        try:
            return json.dumps(reply, allow_nan=False)
        except (TypeError, ValueError) as e:
            return json.dumps({"ok": False, "error": error_of(e)})

    def _dispatch(self, req):
        op = req.get("op")
        if op == "load":
            return self._load(req["code"], req.get("names", []))
        if self.namespace is None:
            raise ProtocolViolation("call before load")
        enc = lambda v: encode(v, self._ref)
        if op == "call":
            args = [self._value(a) for a in req.get("args", [])]
            kwargs = {k: self._value(v) for k, v in req.get("kwargs", {}).items()}
            return enc(self._target(req)(*args, **kwargs))
        if op == "getattr":
            return enc(getattr(self._target(req), req["attr"]))
        if op == "setattr":
            setattr(self._target(req), req["attr"], self._value(req["value"]))
            return None
        if op == "getitem":
            return enc(self._target(req)[self._value(req["key"])])
        if op == "len":
            return len(self._target(req))
        if op == "iter":
            return self._ref(iter(self._target(req)))
        if op == "next":
            return enc(next(self._target(req)))
        raise ProtocolViolation("unknown op %r" % (op,))

    def _load(self, code, names):
        self.namespace = {"__name__": "__main__", "__builtins__": builtins}
        exec(compile(code, "candidate.py", "exec"), self.namespace)
        found = [n for n in names if type(n) is str and n in self.namespace]
        return {"$": "dict", "v": [[n, encode(self.namespace[n], self._ref)] for n in found]}


def _set_limits(cpu, mem, fsize, nproc):
    import resource
    import signal

    # SIGXCPU at the soft limit names the cause on stderr (the host shows it as the failure detail); the hard limit one
    # second later is the OS's SIGKILL for code stuck in C where a Python handler cannot run. Neither can be raised.
    def cpu_limit(_signum, _frame):
        os.write(2, b"sandbox: CPU limit of %d s reached\n" % cpu)
        os._exit(152)

    signal.signal(signal.SIGXCPU, cpu_limit)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
    resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if nproc > 0:
        resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))


def _install_audit_hook(work):
    # Second layer only (docs/sandbox.md): friendlier errors for the obvious attempts. The OS walls do not rely on it.
    banned = ("socket.", "subprocess.", "os.exec", "os.spawn", "os.posix_spawn", "os.fork", "os.forkpty", "os.kill",
              "os.killpg", "os.system", "ctypes.", "pty.")

    def hook(event, args):
        if event.startswith(banned):
            raise PermissionError("sandbox: %s denied" % event)
        if event == "open" and isinstance(args[0], str) and args[1] and any(c in args[1] for c in "wax+"):
            if not os.path.realpath(args[0]).startswith(work + os.sep):
                raise PermissionError("sandbox: writing %s denied" % args[0])

    sys.addaudithook(hook)


def main():
    cpu, mem, fsize, nproc, hook = (int(a) for a in sys.argv[1:6])
    _set_limits(cpu, mem, fsize, nproc)
    # The protocol moves to private descriptors; the candidate's stdin is empty and its stdout goes to stderr.
    proto_in = os.fdopen(os.dup(0), "r", encoding="utf-8")
    proto_out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(2, 1)
    sys.stdin = io.TextIOWrapper(io.FileIO(0, "r"), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", write_through=True)
    if hook:
        _install_audit_hook(os.getcwd())
    agent = Agent()
    for line in proto_in:
        proto_out.write(agent.handle(line) + "\n")
        proto_out.flush()


def session_handle(agent, line):
    """Session-pool mode: one REST execution per request; the candidate's prints are kept off the reply line."""
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink):
        reply = agent.handle(line)
    return reply


# In a session-pool kernel __name__ is also "__main__": the session code sets __archon_session first.
if __name__ == "__main__" and not globals().get("__archon_session"):
    main()

namespace Archon.Core.Evaluation.Sandbox;

/// <summary>The Python runner executed inside the sandbox before the untrusted program (limits + audit hook).</summary>
internal static class SandboxRunnerScript
{
    public const string Source = """
# Archon sandbox runner (runs inside the sandbox, before the untrusted program).
# argv: workdir cpu_seconds memory_bytes file_size_bytes max_processes audit_hook(1/0); the OK token arrives in ARCHON_SANDBOX_TOKEN.
# Defence in depth on top of the OS layer (user+net+pid namespaces, unprivileged uid, rlimits, process-group kill):
# an audit hook denies file access outside the work dir (read-only access to the Python installation is allowed),
# sockets, process creation, signals and ctypes. Audit hooks are not a security boundary on their own (see docs/sandbox.md).
import os
import resource
import sys

work = os.path.realpath(sys.argv[1])
cpu, mem, fsize, nproc, use_hook = (int(a) for a in sys.argv[2:7])
token = os.environ.pop("ARCHON_SANDBOX_TOKEN", "")

resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
if nproc > 0:
    resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))

os.chdir(work)
program_path = os.path.join(work, "program.py")
with open(program_path, encoding="utf-8") as f:
    source = f.read()

read_roots = sorted({os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix) if p})
read_files = {"/dev/null", "/dev/urandom", "/etc/localtime"}
blocked_prefixes = ("socket.", "subprocess.", "os.exec", "os.spawn", "os.posix_spawn", "os.fork", "os.forkpty",
                    "os.kill", "os.killpg", "os.system", "os.setuid", "os.setgid", "os.chroot", "ctypes.",
                    "sys.addaudithook", "sys.setprofile", "sys.settrace", "pty.", "resource.setrlimit", "resource.prlimit",
                    "os.putenv", "os.unsetenv", "webbrowser.", "ftplib.", "smtplib.", "urllib.", "http.client.")
blocked_modules = {"ctypes", "_ctypes", "mmap", "_posixsubprocess"}
write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
inside = lambda p: p == work or p.startswith(work + os.sep)


def _resolve(path):
    return os.path.realpath(os.fsdecode(path))


def _hook(event, args):
    if event == "open":
        path, mode, flags = args
        if path is None or isinstance(path, int):
            return
        p = _resolve(path)
        if inside(p):
            return
        writing = (mode is not None and any(c in mode for c in "wax+")) or (flags & write_flags) != 0
        if not writing and (p in read_files or any(p == r or p.startswith(r + os.sep) for r in read_roots)):
            return
        raise PermissionError(f"sandbox: access to {p} denied")
    if event in ("os.listdir", "os.scandir", "os.remove", "os.rename", "os.mkdir", "os.rmdir", "os.chmod",
                 "os.chown", "os.symlink", "os.link", "os.truncate", "os.utime", "shutil.rmtree", "shutil.copyfile"):
        for a in args:
            if isinstance(a, (str, bytes, os.PathLike)) and not inside(_resolve(a)):
                if event in ("os.listdir", "os.scandir") and any(_resolve(a).startswith(r) for r in read_roots):
                    return
                raise PermissionError(f"sandbox: {event} on {os.fsdecode(a)} denied")
        return
    if event == "import" and args[0] in blocked_modules:
        raise ImportError(f"sandbox: import of {args[0]} denied")
    if event.startswith(blocked_prefixes):
        raise PermissionError(f"sandbox: {event} denied")


code = compile(source, program_path, "exec")
if use_hook:
    sys.addaudithook(_hook)
del f, source
namespace = {"__name__": "__main__", "__file__": program_path, "__builtins__": __builtins__}
exec(code, namespace)
sys.stdout.write("\n" + token + "\n")
sys.stdout.flush()
"""
;
}

# Archon sandbox launcher for stdin/stdout programs: limits first, then the program as __main__ (argv: limits, path).
# Runs inside the sandbox; the program can do anything this interpreter allows, inside the OS walls.
import builtins
import os
import resource
import signal
import sys

cpu, mem, fsize, nproc = (int(a) for a in sys.argv[1:5])
path = sys.argv[5]


# SIGXCPU at the soft limit names the cause; the hard limit a second later is the OS's SIGKILL for code stuck in C.
def _cpu_limit(_signum, _frame):
    os.write(2, b"sandbox: CPU limit of %d s reached\n" % cpu)
    os._exit(152)


signal.signal(signal.SIGXCPU, _cpu_limit)
resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
if nproc > 0:
    resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
with open(path, encoding="utf-8") as f:
    source = f.read()
sys.argv = [path]
exec(compile(source, path, "exec"), {"__name__": "__main__", "__file__": path, "__builtins__": builtins})

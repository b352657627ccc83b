# Archon sandbox launcher for stdin/stdout programs: limits first, then the program as __main__ (argv: limits, path).
# Runs inside the sandbox; the program can do anything this interpreter allows, inside the OS walls.
import builtins
import resource
import sys

cpu, mem, fsize, nproc = (int(a) for a in sys.argv[1:5])
path = sys.argv[5]
resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
if nproc > 0:
    resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
with open(path, encoding="utf-8") as f:
    source = f.read()
sys.argv = [path]
exec(compile(source, path, "exec"), {"__name__": "__main__", "__file__": path, "__builtins__": builtins})

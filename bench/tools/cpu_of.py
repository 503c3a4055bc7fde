"""cpu_of.py OUT CMD...: runs CMD, writes the CPU seconds (user + system) it and its children used to OUT, exits
with its status. bench/run.sh wraps Gatling in it, to show how much of the shared cores the load generator took."""
import resource
import subprocess
import sys

status = subprocess.call(sys.argv[2:])
used = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write(f"{used.ru_utime + used.ru_stime:.2f}\n")
sys.exit(status)

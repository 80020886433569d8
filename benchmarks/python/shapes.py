"""CPython's column of the jcoro benchmarks: the same shapes as the JMH benchmarks, timed here.

B1  next() of a generator yielding an incrementing int (preallocated values, as the Java columns)
B2  the same with the yield DEPTH frames deep: a chain of `yield from` generators
B3  the course's benchmark.py: one line through grep('python') -> null, as coroutines and as objects
B4  create a generator that yields once and run it to its end
S1  two generators taking turns through a deque (one task switch per op)
M1  bytes per suspended generator at depth 1 and 10 (tracemalloc)

Every figure is timeit's best of several repeats, in nanoseconds per statement, so it includes
timeit's own loop; 'loop' is that loop alone (the statement `pass`), for reference.
Prints one JSON object. Usage: python3 shapes.py [--quick]
"""

import json
import platform
import sys
import timeit
import tracemalloc
from collections import deque

COUNT = 1024
MASK = COUNT - 1
BOXES = list(range(COUNT))          # preallocated ints, as YieldedValues.BOXES


def counter():
    i = 0
    while True:
        yield BOXES[i & MASK]
        i += 1


def chain(depth):
    """A generator whose yield is `depth` generator frames deep (depth 1: it yields itself)."""
    if depth == 1:
        return counter()
    return delegate(depth - 1)


def delegate(k):
    yield from chain(k)


# benchmark.py's shapes: a coroutine pair and an object pair
def coroutine(func):
    def start(*args, **kwargs):
        cr = func(*args, **kwargs)
        next(cr)
        return cr
    return start


@coroutine
def grep(pattern, target):
    while True:
        line = (yield)
        if pattern in line:
            target.send(line)


@coroutine
def null():
    while True:
        item = (yield)


class GrepHandler:
    def __init__(self, pattern, target):
        self.pattern = pattern
        self.target = target

    def send(self, line):
        if self.pattern in line:
            self.target.send(line)


class NullSink:
    def __init__(self):
        self.received = 0

    def send(self, item):
        self.received += 1


def once():
    yield BOXES[1]


def yielder(n):
    for _ in range(n):
        yield


def switches(n):
    """Two tasks taking turns through a ready queue: returns the switches made."""
    ready = deque([yielder(n // 2 - 1), yielder(n // 2 - 1)])
    made = 0
    while ready:
        task = ready.popleft()
        made += 1
        try:
            next(task)
        except StopIteration:
            continue
        ready.append(task)
    return made


def best_ns(stmt, number, repeat, env):
    times = timeit.repeat(stmt, globals=env, number=number, repeat=repeat)
    return min(times) / number * 1e9


def suspended_bytes(depth, n):
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = []
    for _ in range(n):
        g = chain(depth)
        next(g)
        kept.append(g)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    # the list's own slots (8 bytes each) are bookkeeping, not the generators' weight
    return (after - before - sys.getsizeof(kept)) / n


def main():
    quick = "--quick" in sys.argv
    number = 100_000 if quick else 1_000_000
    repeat = 3 if quick else 7
    results = {}

    env = {"g": counter(), "nxt": None}
    results["loop"] = best_ns("pass", number, repeat, env)
    results["B1"] = best_ns("next(g)", number, repeat, env)
    for depth in (1, 3, 10, 30, 100):
        g = chain(depth)
        results["B2/%d" % depth] = best_ns("next(g)", number, repeat, {"g": g})
    line = "python is nice"
    results["B3"] = best_ns("p.send(line)", number, repeat, {"p": grep("python", null()), "line": line})
    results["B3/objects"] = best_ns("p.send(line)", number, repeat,
                                    {"p": GrepHandler("python", NullSink()), "line": line})
    results["B4"] = best_ns("for x in once(): pass", number, repeat, {"once": once})
    n = 10_000
    results["S1"] = best_ns("switches(n)", max(1, number // n), repeat, {"switches": switches, "n": n}) / n
    m = 10_000 if quick else 100_000
    results["M1/1"] = suspended_bytes(1, m)
    results["M1/10"] = suspended_bytes(10, m)

    out = {
        "python": platform.python_implementation() + " " + platform.python_version(),
        "number": number,
        "repeat": repeat,
        "nsPerOp": {k: v for k, v in results.items() if not k.startswith("M1")},
        "bytes": {k: v for k, v in results.items() if k.startswith("M1")},
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()

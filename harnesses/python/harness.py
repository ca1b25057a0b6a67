# pixel's Python harness: loads the learner's solution and calls its function once per case.
#
# Protocol (see src/io/judge/run-harness.ts): the judge writes one JSON payload to fd 4 and
# closes it; the harness reads it and closes its end BEFORE any learner code runs, so the nonce
# it carries is known only to the harness. Results go out on fd 3 as lines "<nonce> <json>",
# each preceded by a newline so stray bytes written to fd 3 cannot glue onto a frame. Whatever
# the learner prints goes to stdout/stderr, which the judge shows back but never parses.
import json
import math
import os
import sys
import time
import traceback
import types


def _main():
    with os.fdopen(4, "rb") as control:
        payload = json.loads(control.read().decode("utf-8"))
    nonce = payload["nonce"]
    channel = 3

    def send(frame):
        data = ("\n" + nonce + " " + json.dumps(frame, allow_nan=False) + "\n").encode("utf-8")
        while data:
            data = data[os.write(channel, data):]

    filename = payload["filename"]

    def where(error):
        # Only the learner's frames: the harness is not their business.
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == filename]
        if not frames:
            return ""
        last = frames[-1]
        return " (%s, line %d, in %s)" % (filename, last.lineno, last.name)

    def describe(error):
        text = "".join(traceback.format_exception_only(type(error), error)).strip()
        lines = text.splitlines()
        return (lines[-1] if lines else type(error).__name__) + where(error)

    if os.environ.get("PIXEL_SUBREAPER") == "1":
        # Adopt orphaned descendants, so the judge finds a double-forked grandchild in our
        # tree (only needed when no PID namespace contains the run; Linux only, best effort).
        try:
            import ctypes
            ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
        except Exception:
            pass

    source = payload["source"]
    try:
        code = compile(source, filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as error:
        if isinstance(error, SyntaxError):
            message = "%s: %s (%s, line %s)" % (
                type(error).__name__, error.msg, filename, error.lineno)
        else:
            message = str(error)
        send({"type": "compile_error", "message": message})
        return

    module = types.ModuleType("solution")
    module.__file__ = os.path.join(payload["directory"], filename)
    sys.modules["solution"] = module
    sys.path.insert(0, payload["directory"])
    try:
        exec(code, module.__dict__)
    except MemoryError:
        send({"type": "load_error", "kind": "memory", "message": "MemoryError while loading"})
        return
    except BaseException as error:  # SystemExit and KeyboardInterrupt are the learner's too
        send({"type": "load_error", "kind": "runtime", "message": describe(error)})
        return
    function = module.__dict__.get(payload["entry"])
    if not callable(function):
        send({"type": "missing", "message": "%s does not define a function %s(...)" % (
            filename, payload["entry"])})
        return
    send({"type": "ready"})

    for index, args in enumerate(payload["cases"]):
        send({"type": "start", "case": index})
        cpu_start = time.process_time()
        wall_start = time.perf_counter()
        try:
            value = function(*args)
        except MemoryError:
            send({"type": "error", "case": index, "kind": "memory",
                  "message": "MemoryError: ran out of memory", "wallMs": _ms(wall_start)})
            return
        except RecursionError as error:
            send({"type": "error", "case": index, "kind": "runtime",
                  "message": describe(error), "wallMs": _ms(wall_start)})
            return
        except BaseException as error:
            send({"type": "error", "case": index, "kind": "runtime",
                  "message": describe(error), "wallMs": _ms(wall_start)})
            return
        wall_ms = _ms(wall_start)
        cpu_ms = (time.process_time() - cpu_start) * 1000.0
        try:
            described = _describe_value(value, 0)
        except BaseException as error:
            send({"type": "error", "case": index, "kind": "runtime",
                  "message": "the returned value could not be read: " + describe(error),
                  "wallMs": wall_ms})
            return
        _flush()
        send({"type": "result", "case": index, "value": described,
              "cpuMs": cpu_ms, "wallMs": wall_ms})
    send({"type": "done"})
    _flush()
    # Wait for the judge to kill us: until then, whatever the solution started is still our
    # descendant and gets swept with us. The timeout only guards against a vanished judge.
    time.sleep(30)


def _ms(start):
    return (time.perf_counter() - start) * 1000.0


def _number(value):
    try:
        number = float(value)
    except OverflowError:
        number = math.inf if value > 0 else -math.inf
    if math.isnan(number):
        return {"t": "num", "v": "NaN"}
    if math.isinf(number):
        return {"t": "num", "v": "Infinity" if number > 0 else "-Infinity"}
    return {"t": "num", "v": number}


def _describe_value(value, depth):
    """Describes a returned value; numpy scalars and arrays are duck-typed, never imported."""
    if isinstance(value, bool) or type(value).__name__ in ("bool_", "bool"):
        return {"t": "bool"}
    if isinstance(value, (int, float)):
        return _number(value)
    if value is None:
        return {"t": "none"}
    if isinstance(value, (str, bytes)):
        return {"t": "str"}
    if isinstance(value, (list, tuple)):
        return {"t": "seq", "n": len(value),
                "items": [_describe_value(item, depth + 1) for item in list(value)[:16]]}
    if depth < 4 and hasattr(value, "tolist") and callable(value.tolist):
        # numpy arrays become lists, numpy scalars become Python numbers.
        return _describe_value(value.tolist(), depth + 1)
    if not isinstance(value, dict) and hasattr(value, "__float__") and not hasattr(value, "__len__"):
        return _number(value)  # Fraction, Decimal, other real numbers
    return {"t": "other", "type": type(value).__name__}


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass


try:
    _main()
finally:
    _flush()
    # Skip the learner's atexit handlers and non-daemon threads: the judge has what it needs.
    os._exit(0)

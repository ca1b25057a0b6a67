# pixel's Python harness: loads the learner's solution and calls its function once per case.
#
# Protocol (see src/judge/io/record-run.ts). fd 4 carries lines from the judge: first the setup
# (working folder, solution file, entry point, nonce), then one case at a time, each sent only
# after the previous answer, so no later input is in this process before its call. fd 3 carries
# frames back as "\n<nonce> <json>\n": hello, then ready (or why the solution did not load),
# then one result or error per case. The judge times every call itself and measures CPU and
# memory from outside; frames are trusted for return values only. Whatever the learner prints
# goes to stdout/stderr, which the judge shows back but never parses.
import json
import math
import os
import sys
import time
import types

RESULTS = 3
CONTROL = 4


def _close_inherited_descriptors():
    # Nothing of pixel's parent may reach learner code: only 0-4 stay open.
    try:
        os.closerange(5, 1 << 16)
    except OSError:
        pass


def _main():
    # Buffered: the judge writes one line at a time, so a read never takes in a later case.
    control = os.fdopen(CONTROL, "rb")
    setup = json.loads(_read_line(control))
    nonce = setup["nonce"]
    channel = os.fstat(RESULTS)
    _close_inherited_descriptors()

    def send(frame):
        current = os.fstat(RESULTS)
        if (current.st_dev, current.st_ino) != (channel.st_dev, channel.st_ino):
            # The solution replaced fd 3 (dup2): nothing sent now could reach the judge.
            os.write(2, b"pixel: the solution replaced file descriptor 3, pixel's result channel\n")
            os._exit(120)
        data = ("\n" + nonce + " " + json.dumps(frame, allow_nan=False) + "\n").encode("utf-8")
        while data:
            data = data[os.write(RESULTS, data):]

    workdir = setup["workdir"]
    filename = setup["solution"]
    path = os.path.join(workdir, filename)
    _write_files(workdir, setup.get("files", []))
    os.chdir(workdir)
    send({"type": "hello"})

    if setup.get("subreaper"):
        # Adopt orphaned descendants, so the judge finds a double-forked grandchild in our
        # tree (only in the reduced sandbox, which has no PID namespace; best effort).
        try:
            import ctypes
            ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
        except Exception:
            pass

    def where(error):
        import traceback  # only when something failed: it costs the start-up ~4 ms
        # Only the learner's frames: the harness is not their business.
        frames = [f for f in traceback.extract_tb(error.__traceback__)
                  if f.filename.startswith(workdir + os.sep)]
        if not frames:
            return ""
        last = frames[-1]
        return " (%s, line %d, in %s)" % (os.path.relpath(last.filename, workdir), last.lineno, last.name)

    def describe(error):
        import traceback
        text = "".join(traceback.format_exception_only(type(error), error)).strip()
        lines = text.splitlines()
        return (lines[-1] if lines else type(error).__name__) + where(error)

    with open(path, "rb") as source_file:
        # Bytes, not text: compile() honours a UTF-8 BOM and a PEP 263 coding cookie as python3 does.
        source = source_file.read()
    try:
        code = compile(source, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as error:
        if isinstance(error, SyntaxError):
            where_text = filename + (", line %d" % error.lineno if error.lineno else "")
            message = "%s: %s (%s)" % (type(error).__name__, error.msg, where_text)
        else:
            message = "%s: %s" % (type(error).__name__, error)
        send({"type": "compile_error", "message": message})
        return

    module = types.ModuleType("solution")
    module.__file__ = path
    sys.modules["solution"] = module
    sys.path.insert(0, workdir)
    try:
        exec(code, module.__dict__)
    except MemoryError:
        send({"type": "load_error", "kind": "memory", "message": "MemoryError while loading"})
        return
    except BaseException as error:  # SystemExit and KeyboardInterrupt are the learner's too
        send({"type": "load_error", "kind": "runtime", "message": describe(error)})
        return
    function = module.__dict__.get(setup["entry"])
    if not callable(function):
        send({"type": "missing", "message": "%s does not define a function %s(...)" % (
            filename, setup["entry"])})
        return
    send({"type": "ready"})

    while True:
        line = _read_line(control)
        if not line:
            break
        request = json.loads(line)
        index = request["case"]
        try:
            value = function(*request["args"])
        except MemoryError:
            send({"type": "error", "case": index, "kind": "memory",
                  "message": "MemoryError: ran out of memory"})
            return
        except BaseException as error:
            send({"type": "error", "case": index, "kind": "runtime", "message": describe(error)})
            return
        try:
            described = _describe_value(value, 0)
        except BaseException as error:
            send({"type": "error", "case": index, "kind": "runtime",
                  "message": "the returned value could not be read: " + describe(error)})
            return
        _flush()
        send({"type": "result", "case": index, "value": described})
    # Wait for the judge to end the run: until then, whatever the solution started is still in
    # our tree. The timeout only guards against a vanished judge.
    time.sleep(30)


def _write_files(workdir, files):
    # The learner's files, sent by the judge: the sandbox's work folder starts empty.
    import binascii
    root = os.path.realpath(workdir)
    for entry in files:
        target = os.path.realpath(os.path.join(root, entry["path"]))
        if not target.startswith(root + os.sep):
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(binascii.a2b_base64(entry["data"]))


def _read_line(control):
    return control.readline().decode("utf-8").rstrip("\n")


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


MAX_ITEMS = 200000  # src/judge/core/returned-value.ts


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
    if depth >= 4:
        return {"t": "other", "type": type(value).__name__}
    if isinstance(value, (list, tuple)):
        return {"t": "seq", "n": len(value),
                "items": [_describe_value(item, depth + 1) for item in list(value)[:MAX_ITEMS]]}
    if isinstance(value, dict):
        return {"t": "map", "entries": [[key if isinstance(key, str) else repr(key),
                                          _describe_value(item, depth + 1)]
                                         for key, item in list(value.items())[:256]]}
    if hasattr(value, "tolist") and callable(value.tolist):
        # numpy arrays become lists, numpy scalars become Python numbers.
        return _describe_value(value.tolist(), depth + 1)
    if hasattr(value, "__float__") and not hasattr(value, "__len__"):
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

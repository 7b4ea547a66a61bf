"""The real alembic for tst_authoring, with its clock pinned.

    alembic_pinned.py NOW_USEC DIR [READ_DIR...] -- ALEMBIC_ARGS...
        Runs alembic's own command line (alembic.config.main) in DIR, with
        datetime.now()/utcnow() in alembic.script.base returning the instant
        NOW_USEC (microseconds since 1970 UTC; 0 leaves the clock alone), so
        the Create Date and file_template's date fields are known in advance.
        Then reads DIR and each READ_DIR back with alembic's `heads -v` and
        `history -v`. Prints JSON: {"out", "err", "exit", "reads": {DIR:
        {"heads", "history", "exit"}}}. One Python start-up for all of it.

Only alembic's clock is replaced; everything else is alembic 1.8.1 itself.
"""

import contextlib
import datetime as _datetime
import io
import json
import os
import sys
import traceback
import types

import alembic.command
import alembic.config
import alembic.script.base


def pin_clock(usec):
    seconds, micro = divmod(usec, 1000000)

    class PinnedDateTime(_datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return _datetime.datetime.fromtimestamp(seconds, tz).replace(microsecond=micro)

        @classmethod
        def utcnow(cls):
            return _datetime.datetime.utcfromtimestamp(seconds).replace(microsecond=micro)

    alembic.script.base.datetime = types.SimpleNamespace(datetime=PinnedDateTime)


def utf8_buffer():
    # alembic encodes its messages with the stream's encoding (a terminal's
    # UTF-8), never a StringIO's none
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)


def text_of(stream):
    stream.flush()
    return stream.buffer.getvalue().decode("utf-8")


def capture(fn):
    out, err = utf8_buffer(), utf8_buffer()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            fn()
        except SystemExit as e:
            # the process's exit status: sys.exit(-1) is 255
            code = e.code % 256 if isinstance(e.code, int) else 1
        except Exception:
            traceback.print_exc()
            code = 1
    return text_of(out), text_of(err), code


def read(directory):
    os.chdir(directory)
    entry = {"exit": 0}
    for name, fn in (("heads", alembic.command.heads), ("history", alembic.command.history)):
        buffer = utf8_buffer()
        # Config binds sys.stdout when it is made: give it the buffer.
        config = alembic.config.Config("alembic.ini", stdout=buffer)
        _, err, code = capture(lambda: fn(config, verbose=True))
        entry[name] = text_of(buffer) + err
        entry["exit"] = entry["exit"] or code
    return entry


def main():
    split = sys.argv.index("--")
    now = int(sys.argv[1])
    directory = sys.argv[2]
    others = sys.argv[3:split]
    if now:
        pin_clock(now)
    os.chdir(directory)
    out, err, code = capture(lambda: alembic.config.main(argv=sys.argv[split + 1:], prog="alembic"))
    reads = {d: read(d) for d in [directory] + others}
    print(json.dumps({"out": out, "err": err, "exit": code, "reads": reads}))


if __name__ == "__main__":
    main()

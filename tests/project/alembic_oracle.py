"""The fuzz suite's oracle: what alembic 1.8.1 says about many projects.

Usage: alembic_oracle.py CASES_DIR

Imports alembic once and, for each folder under CASES_DIR (sorted by name)
that holds an alembic.ini and a file COMMANDS (one command per line:
"heads", "history" or "upgrade-sql"), runs those commands the way
`python -m alembic -c CASE/alembic.ini COMMAND` would, and prints one JSON
line per case and command:

    {"case": NAME, "command": COMMAND, "exit": 0|1|255, "out": STDOUT,
     "error": EXCEPTION TYPE or null, "message": str(exception) or null}

The message starts with "[module] " when the exception was raised by the
case's own module code (a NameError at module level, say) rather than by
alembic or the compiler.

A CommandError ends as alembic's command line ends it: "FAILED: message"
on stdout and exit 255; any other exception is a traceback (exit 1). A case
that runs longer than the per-case limit is reported as "Timeout".
"""

import contextlib
import io
import json
import os
import signal
import sys

sys.dont_write_bytecode = True  # mutants must never be read back from a .pyc

from alembic import command, util  # noqa: E402
from alembic.config import Config  # noqa: E402

PER_CASE_SECONDS = 20


class CaseTimeout(Exception):
    pass


def on_alarm(signum, frame):
    raise CaseTimeout("the case ran longer than %d s" % PER_CASE_SECONDS)


class Utf8Capture(io.StringIO):
    # alembic encodes what it prints with the stream's encoding: that of a
    # UTF-8 terminal or pipe, not StringIO's None (which means ASCII to it)
    encoding = "utf-8"


def run(ini, name):
    out = Utf8Capture()
    config = Config(file_=ini, ini_section="alembic", stdout=out)
    # offline SQL goes to sys.stdout, as on the command line; so does
    # whatever module code prints, which must not reach the JSON lines
    with contextlib.redirect_stdout(out if name == "upgrade-sql" else io.StringIO()):
        if name == "heads":
            command.heads(config)
        elif name == "history":
            command.history(config)
        elif name == "upgrade-sql":
            command.upgrade(config, "heads", sql=True)
        else:
            raise ValueError("unknown command %r" % name)
    return out.getvalue()


def raised_in(folder, error):
    """True when a frame of the traceback runs a file of the case: the
    module's own code failed while alembic imported it."""
    root = os.path.realpath(folder) + os.sep
    tb = error.__traceback__
    while tb is not None:
        if os.path.realpath(tb.tb_frame.f_code.co_filename).startswith(root):
            return True
        tb = tb.tb_next
    return False


def main():
    root = sys.argv[1]
    signal.signal(signal.SIGALRM, on_alarm)
    devnull = open(os.devnull, "w")
    for case in sorted(os.listdir(root)):
        folder = os.path.join(root, case)
        commands_file = os.path.join(folder, "COMMANDS")
        if not os.path.isfile(commands_file):
            continue
        with open(commands_file) as f:
            names = f.read().split()
        for name in names:
            result = {"case": case, "command": name, "exit": 0, "out": "", "error": None, "message": None}
            signal.alarm(PER_CASE_SECONDS)
            try:
                # alembic's warnings and env.py's logging go to stderr
                with contextlib.redirect_stderr(devnull):
                    result["out"] = run(os.path.join(folder, "alembic.ini"), name)
            except util.CommandError as e:
                result.update(exit=255, out="FAILED: %s\n" % e, error="CommandError", message=str(e))
            except BaseException as e:  # noqa: B902 (SystemExit and recursion included)
                where = "[module] " if raised_in(folder, e) else ""
                result.update(exit=1, error=type(e).__name__, message=where + str(e)[:2000])
            finally:
                signal.alarm(0)
            print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()

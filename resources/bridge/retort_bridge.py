"""Retort's bridge to alembic: runs a project's own env.py through the real
alembic for the revisions Retort cannot render natively.

Run as ``<python> retort_bridge.py``: one JSON request on stdin, JSON lines
on stdout (one object per line, each with an "event" key). Python 3.9+,
stdlib + alembic + sqlalchemy only. This file is compiled into the retort
binary and written to a cache file at run time.

Request::

    {"mode": "offline" | "online" | "template",
     "config": "alembic.ini", "section": "alembic", "x": ["key=value", ...],
     "argv": [...] (alembic's sys.argv[1:] for the command),
     "tag": null | "...", "destination": null | "heads",   (what env.py's
         context.get_tag_argument() / get_revision_argument() return)
     "steps": [{"revision": "abc", "direction": "up" | "down",
                "from_heads": ["..."], "path": "/abs/versions/abc_.py"}]}

offline: env.py runs with as_sql=True; each step's migration function runs
and only the chunks it writes to the output buffer are recorded (not the
BEGIN/COMMIT, "-- Running" or version-table statements alembic writes around
it). One "step" event per step, in order, then "frame", then "done". A step
that raises is reported with alembic's error verbatim and the next steps still
render. What env.py and the revisions print() is kept where alembic's --sql
has it: in a step's statements ({"kind": "text"}) or in the "frame" event
(see Recorder); "load_all": true loads every revision file as alembic does.

online: the database URL comes from the environment variable
RETORT_BRIDGE_URL (never from argv) and is set as sqlalchemy.url the way
alembic's own overrides do; env.py runs online and the given steps run
against the database for real, in one run_migrations(). Events: "started",
"finished" per step, "text" for what env.py and the steps print(), "error",
then "done"; exit status 1 on failure.
alembic's log lines go to stderr as env.py's logging configuration says.

template: {"mode": "template", "config", "section", "x", "template": path,
"values": {name: {"kind": "none"|"str"|"tuple"|"list", "text", "items"}},
"merge": bool}: the project's script.py.mako rendered with Mako as alembic's
generate_revision renders it, for templates beyond what Retort renders
itself. Events: "rendered" {"text"}, or "template_error" at the template's
line.

An interpreter that cannot import alembic writes one "unavailable" event and
exits with status 3 before reading the request. sys.exit(N) in the project's
code ends any mode with an "exit" event {"code": N} and status N; os._exit(N)
ends the process with no last event.
"""

import argparse
import functools
import json
import os
import sys
import threading
import time
import traceback

PROTOCOL = 1

# The JSON channel: everything else a migration prints goes to stderr.
_channel = sys.stdout


def emit(event, **fields):
    fields["event"] = event
    _channel.write(json.dumps(fields) + "\n")
    _channel.flush()


OFFLINE_NOTE = (
    "offline (--sql) mode runs revisions without a database: op.get_bind() "
    "returns a mock connection whose execute() returns None, and reflection "
    "fails; a step that reads from the database can only run online"
)


def offline_note_applies(exc):
    """Whether an offline failure looks like the mock connection's doing (a
    None where a result was expected, or SQLAlchemy failing to reflect), not
    the revision's own exception (NotImplementedError for an irreversible
    downgrade, a ValueError it raises)."""
    if isinstance(exc, (AttributeError, TypeError)) and "NoneType" in str(exc):
        return True
    return type(exc).__module__.split(".")[0] == "sqlalchemy"


def describe_error(exc, paths):
    """alembic's error verbatim: type, message and, when the traceback passes
    through one of the revision files, that file's innermost line."""
    name = type(exc).__name__
    module = type(exc).__module__
    if module not in ("builtins", "__main__"):
        name = module + "." + name
    where = None
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        fn = os.path.abspath(frame.f_code.co_filename)
        if fn in paths:
            where = (fn, lineno)
    error = {
        "type": name,
        "message": str(exc),
        "traceback": "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
    }
    if where:
        error["file"], error["line"] = where
    # a database error (SQLAlchemy's DBAPIError around psycopg2's): the
    # server's own message, SQLSTATE and the statement, as Retort reports them
    orig = getattr(exc, "orig", None)
    diag = getattr(orig, "diag", None)
    primary = getattr(diag, "message_primary", None)
    if primary is None and getattr(orig, "sqlstate", None):
        # asyncpg through SQLAlchemy's adapter: no diag, the server's
        # message on the asyncpg exception it was raised from
        primary = getattr(orig.__cause__, "message", None) or str(orig)
    if primary:
        error["server_message"] = primary
        if getattr(orig, "pgcode", None):
            error["sqlstate"] = orig.pgcode
        if getattr(exc, "statement", None):
            error["statement"] = str(exc.statement)
    return error


class Recorder:
    """The output buffer of the offline run. Chunks written while a step's
    migration function runs become that step's statements; everything else
    (BEGIN, "-- Running", version rows) is dropped.

    What env.py and the revisions print() (sys.stdout) is kept where alembic's
    --sql has it: inside a step as a "text" statement between its SQL, outside
    the steps in one of four places of the script (`frame`): "head" before
    alembic's first output (BEGIN), "start" after it and before the steps
    (module-level prints of revision files, loaded when run_migrations()
    starts), "end" after the steps and before alembic's next output (COMMIT),
    "tail" after that."""

    def __init__(self):
        self.statements = None
        self._swallow = None
        self.frame = {"head": "", "start": "", "end": "", "tail": ""}
        self._place = "head"

    def printed(self, text):
        if not text:
            return
        if self.statements is None:
            self.frame[self._place] += text
        elif self.statements and self.statements[-1]["kind"] == "text":
            self.statements[-1]["text"] += text
        else:
            self.statements.append({"kind": "text", "text": text})

    def migrations_done(self):
        self._place = "end"

    # TextIO enough for alembic's static_output (and EncodedIO)
    def write(self, text):
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        if self.statements is None and text:
            self._place = {"head": "start", "end": "tail"}.get(self._place, self._place)
        if self.statements is None or not text:
            return len(text)
        if self._swallow is not None:
            expected, self._swallow = self._swallow, None
            if text == expected:
                return len(text)
        body = text[:-2] if text.endswith("\n\n") else text
        if body.endswith(";"):
            body = body[:-1]
        self.statements.append({"kind": "sql", "sql": body})
        return len(text)

    def flush(self):
        pass

    def writable(self):
        return True

    def marker(self, kind, swallow=None):
        if self.statements is not None:
            self.statements.append({"kind": kind})
            self._swallow = swallow

    def expect(self, swallow):
        if self.statements is not None:
            self._swallow = swallow


class PrintedBytes:
    """sys.stdout.buffer of PrintedText: bytes written to it are UTF-8 text
    for the same sink."""

    def __init__(self, sink):
        self.sink = sink

    def write(self, data):
        self.sink(bytes(data).decode("utf-8", "replace"))
        return len(data)

    def flush(self):
        pass

    def writable(self):
        return True


class PrintedText:
    """sys.stdout while env.py and the revisions run: what they print() goes
    to `sink` (the offline recorder, the online "text" events), never into
    the JSON channel. It answers what revision code asks of a real stdout
    (reconfigure(), .buffer, .errors) as alembic's stdout, a pipe, would;
    fileno() has no descriptor to give (alembic's would be 1)."""

    encoding = "utf-8"
    errors = "strict"  # Python's stdout outside the C locale
    line_buffering = False
    closed = False

    def __init__(self, sink):
        self.sink = sink
        self.buffer = PrintedBytes(sink)

    def write(self, text):
        self.sink(text)
        return len(text)

    def flush(self):
        pass

    def writable(self):
        return True

    def readable(self):
        return False

    def isatty(self):
        return False

    def reconfigure(self, **kw):
        pass

    def fileno(self):
        import io

        raise io.UnsupportedOperation("fileno: the alembic bridge relays what is printed")


def install_frame_marker(recorder):
    """The steps are over when run_migrations() returns: what is printed
    after it belongs after the last step."""
    from alembic.runtime.migration import MigrationContext

    original = MigrationContext.run_migrations

    def run_migrations(self, **kw):
        try:
            return original(self, **kw)
        finally:
            recorder.migrations_done()

    MigrationContext.run_migrations = run_migrations


def install_autocommit_markers(recorder):
    """Entering and leaving op.get_context().autocommit_block() offline writes
    "COMMIT;" and "BEGIN;": record them as the block's edges instead."""
    from alembic.runtime.migration import MigrationContext

    original = MigrationContext.autocommit_block

    class Block:
        def __init__(self, inner):
            self.inner = inner

        def __enter__(self):
            recorder.marker("enter_autocommit", swallow="COMMIT;\n\n")
            return self.inner.__enter__()

        def __exit__(self, *exc):
            recorder.expect("BEGIN;\n\n")
            result = self.inner.__exit__(*exc)
            recorder.marker("leave_autocommit")
            return result

    def autocommit_block(self):
        if self.as_sql:
            return Block(original(self))
        return original(self)

    MigrationContext.autocommit_block = autocommit_block


def load_config(request):
    """alembic's Config for the project. "resolved" (when Retort sends it)
    carries what alembic 1.8.1 cannot read itself: pyproject.toml's
    [tool.alembic] options the ini lacks, and version_locations and
    prepend_sys_path as Retort split them (path_separator, TOML lists)."""
    from alembic.config import Config

    cmd_opts = argparse.Namespace(x=list(request.get("x") or []), raiseerr=False)
    ini = request.get("config") or "alembic.ini"
    resolved = request.get("resolved")
    config = Config(
        file_=ini if not resolved or os.path.isfile(ini) else None,
        ini_section=request.get("section") or "alembic",
        cmd_opts=cmd_opts,
    )
    if resolved:
        section = config.config_ini_section
        if not config.file_config.has_section(section):
            config.file_config.add_section(section)
        for key, value in resolved.get("options", {}).items():
            config.set_main_option(key, value.replace("%", "%%"))
        if "version_locations" in resolved:
            config.set_main_option("version_locations", os.pathsep.join(resolved["version_locations"]).replace("%", "%%"))
            config.set_main_option("version_path_separator", "os")
        if "prepend_sys_path" in resolved:
            # from_config would split it by 1.8.1's rules: the pieces go in here
            if config.file_config.has_option(section, "prepend_sys_path"):
                config.remove_main_option("prepend_sys_path")
            sys.path[:0] = list(resolved["prepend_sys_path"])
    return config


def revision_script(script, step, load_alone):
    """The alembic Script of a step. Offline, a step's file is loaded alone
    (alembic's own loader) so a 10,000-revision project is not imported in
    full for a few steps; online the full revision map is needed."""
    from alembic.script.base import Script

    path = step.get("path")
    if load_alone and path:
        found = Script._from_path(script, path)
        if found is not None and found.revision == step["revision"]:
            return found
    return script.get_revision(step["revision"])


def run_offline(request):
    from alembic.runtime.environment import EnvironmentContext
    from alembic.runtime.migration import HeadMaintainer, RevisionStep
    from alembic.script import ScriptDirectory

    config = load_config(request)
    script = ScriptDirectory.from_config(config)
    recorder = Recorder()
    sys.stdout = PrintedText(recorder.printed)
    install_autocommit_markers(recorder)
    install_frame_marker(recorder)
    # A revision that prints at module level prints whenever alembic loads
    # the revision map, for any command: then every file is loaded, in
    # alembic's (directory) order, instead of only the steps' files.
    load_all = bool(request.get("load_all"))
    # Steps are a subset of a plan: the version rows are Retort's business.
    HeadMaintainer.update_to_step = lambda self, step: None

    requested = request.get("steps") or []
    results = [None] * len(requested)

    def make_runner(i, s, fn, rev):
        @functools.wraps(fn)
        def run(*args, **kw):
            recorder.statements = []
            recorder._swallow = None
            try:
                fn(*args, **kw)
            except Exception as exc:
                error = describe_error(exc, {os.path.abspath(rev.path)})
                if offline_note_applies(exc):
                    error["offline_note"] = OFFLINE_NOTE
                results[i] = {"statements": recorder.statements, "error": error}
            else:
                results[i] = {"statements": recorder.statements}
            finally:
                recorder.statements = None

        return run

    def fn(heads, context):
        # Loaded here, inside the environment, as alembic loads them: a
        # revision may call context.get_x_argument() at module level.
        steps = []
        if load_all:
            script.revision_map.heads  # noqa: B018  (loads every revision file)
        for i, s in enumerate(requested):
            try:
                rev = revision_script(script, s, load_alone=not load_all)
            except Exception as exc:  # the file does not load: report it, go on
                results[i] = {"error": describe_error(exc, {os.path.abspath(s.get("path") or "")})}
                continue
            step = RevisionStep(script.revision_map, rev, s["direction"] == "up")
            step.migration_fn = make_runner(i, s, step.migration_fn, rev)
            steps.append(step)
        return steps

    # starting_rev is left out: alembic would resolve it through the full
    # revision map, and the steps are given.
    context_args = {}
    if request.get("tag") is not None:
        context_args["tag"] = request["tag"]
    if request.get("destination") is not None:
        context_args["destination_rev"] = request["destination"]
    with EnvironmentContext(config, script, fn=fn, as_sql=True, output_buffer=recorder, **context_args):
        script.run_env()

    for i, s in enumerate(requested):
        r = results[i]
        if r is None:
            r = {"error": {"type": "RuntimeError",
                           "message": "env.py did not run this step (run_migrations() was not called for it)"}}
        emit("step", index=i, revision=s["revision"], direction=s["direction"], **r)
    emit("frame", **recorder.frame)
    return 0


def libpq_settings():
    """What libpq takes from PGAPPNAME and PGOPTIONS ("-c name=value ..."),
    as (name, value) pairs: Retort's application_name (how it finds and
    cancels this process's statements) and its lock and statement timeouts."""
    import re

    settings = []
    if os.environ.get("PGAPPNAME"):
        settings.append(("application_name", os.environ["PGAPPNAME"]))
    for name, value in re.findall(r"-c\s*([A-Za-z_.]+)=(\S+)", os.environ.get("PGOPTIONS", "")):
        settings.append((name, value))
    return settings


def guard_connections():
    """Every connection env.py opens takes Retort's child key (shared) before
    anything else, and checks before each COMMIT that Retort's session still
    holds the migration lock. A Retort that takes the lock later waits for the
    child key, so this process's transaction has ended before it migrates.
    A driver that does not use libpq (asyncpg, of alembic's async template)
    ignores PGAPPNAME and PGOPTIONS: their settings are made here."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine
    from sqlalchemy.pool import Pool

    spec = os.environ.get("RETORT_BRIDGE_LOCK")
    lock = tuple(int(v) for v in spec.split()) if spec else None
    settings = libpq_settings()

    def setup(dbapi_connection, record):
        libpq = type(dbapi_connection).__module__.split(".")[0] in ("psycopg2", "psycopg", "pgdb")
        if lock is None and (libpq or not settings):
            return
        cursor = dbapi_connection.cursor()
        if not libpq:
            for name, value in settings:
                cursor.execute("SELECT set_config(%s, %s, false)", (name, value))
        if lock is not None:
            cursor.execute("SELECT pg_advisory_lock_shared(%s)", (lock[3],))
        cursor.close()
        dbapi_connection.commit()

    def check_lock(connection):
        lock_pid, classid, objid = lock[:3]
        cursor = connection.connection.cursor()
        cursor.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1"
            " AND pid = %s AND classid = %s::bigint::oid AND objid = %s::bigint::oid",
            (lock_pid, classid, objid))
        held = cursor.fetchone()[0]
        cursor.close()
        if not held:
            raise RuntimeError("Retort's migration lock was lost (backend %d no longer holds it); "
                               "not committing" % lock_pid)

    event.listen(Pool, "connect", setup)
    if lock is not None:
        event.listen(Engine, "commit", check_lock)


def watch_parent():
    """Exit when Retort is gone (a backup for PR_SET_PDEATHSIG)."""
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(70)

    threading.Thread(target=watch, daemon=True).start()


def run_online(request):
    from alembic.runtime.environment import EnvironmentContext
    from alembic.runtime.migration import HeadMaintainer, RevisionStep
    from alembic.script import ScriptDirectory

    url = os.environ.get("RETORT_BRIDGE_URL")
    if not url:
        emit("error", error={"type": "RuntimeError",
                             "message": "RETORT_BRIDGE_URL is not set: no database to run against"})
        return 2
    config = load_config(request)
    # configparser interpolation: a '%' in the URL (an escaped password) is doubled
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    script = ScriptDirectory.from_config(config)

    requested = request.get("steps") or []
    paths = set()

    def make_runner(i, s, fn):
        @functools.wraps(fn)
        def run(*args, **kw):
            emit("started", index=i, revision=s["revision"], direction=s["direction"])
            fn(*args, **kw)

        return run

    original_update = HeadMaintainer.update_to_step

    def update_to_step(self, step):
        original_update(self, step)
        i = getattr(step, "retort_index", None)
        if i is not None:
            emit("finished", index=i, revision=requested[i]["revision"], heads=sorted(self.heads))

    HeadMaintainer.update_to_step = update_to_step

    def fn(heads, context):
        steps = []
        for i, s in enumerate(requested):
            rev = revision_script(script, s, load_alone=False)
            paths.add(os.path.abspath(rev.path))
            step = RevisionStep(script.revision_map, rev, s["direction"] == "up")
            step.retort_index = i
            step.migration_fn = make_runner(i, s, step.migration_fn)
            steps.append(step)
        return steps

    guard_connections()
    sys.stdout = PrintedText(lambda text: text and emit("text", text=text))
    try:
        with EnvironmentContext(config, script, fn=fn, as_sql=False):
            script.run_env()
    except Exception as exc:
        emit("error", error=describe_error(exc, paths))
        return 1
    return 0


def run_template(request):
    """script.py.mako rendered as alembic's generate_revision renders it."""
    import datetime

    from alembic.util import format_as_comma
    from mako import exceptions
    from mako.template import Template

    kw = {}
    for name, value in request["values"].items():
        kind = value["kind"]
        if kind == "none":
            kw[name] = None
        elif kind == "str":
            kw[name] = value["text"]
        elif kind == "tuple":
            kw[name] = tuple(value["items"])
        elif kind == "list":
            kw[name] = list(value["items"])
    kw["create_date"] = datetime.datetime.fromisoformat(kw["create_date"])
    kw["comma"] = format_as_comma
    # what alembic passes: command.merge the string, command.revision the Config
    kw["config"] = "config" if request.get("merge") else load_config(request)
    path = os.path.abspath(request["template"])
    try:
        text = Template(filename=path).render_unicode(**kw)
    except Exception as exc:
        error = describe_error(exc, set())
        if getattr(exc, "lineno", None) and getattr(exc, "filename", None):
            error["file"], error["line"] = path, exc.lineno  # a compile error
        else:
            for filename, lineno, _fn, _line in exceptions.RichTraceback().traceback:
                if filename and os.path.abspath(filename) == path:
                    error["file"], error["line"] = path, lineno
        emit("template_error", error=error)
        return 1
    emit("rendered", text=text)
    return 0


def header_value(module, name):
    """A header as the revision module holds it when alembic reads it."""
    if not hasattr(module, name):
        return {"kind": "absent"}
    value = getattr(module, name)
    if value is None:
        return {"kind": "none"}
    if isinstance(value, str):
        return {"kind": "str", "text": value}
    if isinstance(value, (tuple, list)) and all(isinstance(v, str) for v in value):
        return {"kind": "tuple" if isinstance(value, tuple) else "list", "items": list(value)}
    return {"kind": "other", "repr": repr(value)[:200]}


def run_headers(request):
    """The headers of the requested revision files, read as alembic reads
    them: every revision file imported in alembic's order (one may change
    what a module the next one reads holds), each read right after it ran."""
    from alembic.script import ScriptDirectory

    wanted = {os.path.realpath(p) for p in request["paths"]}
    script = ScriptDirectory.from_config(load_config(request))
    # what the files print as they are imported comes first in alembic's output
    sys.stdout = PrintedText(lambda text: text and emit("text", text=text))
    try:
        for found in script._load_revisions():
            path = os.path.realpath(found.path)
            if path not in wanted:
                continue
            emit(
                "header",
                path=path,
                values={
                    name: header_value(found.module, name)
                    for name in ("revision", "down_revision", "branch_labels", "depends_on")
                },
            )
    except Exception as exc:
        # alembic cannot load the project: its error, at the project's line
        error = describe_error(exc, set())
        where = project_location(exc)
        if where:
            error["file"], error["line"] = where
        emit("error", error=error)
        return 1
    return 0


def project_location(exc):
    """The innermost line of the project's own files the error passed through
    (or, for a syntax error, where it is): not Python's, not alembic's."""
    if isinstance(exc, SyntaxError) and exc.filename:
        return os.path.abspath(exc.filename), exc.lineno
    outside = tuple(
        os.path.realpath(p) + os.sep
        for p in {sys.prefix, sys.base_prefix, os.path.dirname(os.__file__), os.path.dirname(__file__)}
    )
    where = None
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        fn = frame.f_code.co_filename
        if fn.startswith("<") or os.path.realpath(fn).startswith(outside):
            continue
        where = (os.path.abspath(fn), lineno)
    return where


def main():
    global _channel
    watch_parent()
    # print() in env.py or a revision must not corrupt the JSON channel; the
    # offline and online modes carry it through the channel instead
    sys.stdout = PrintedText(sys.stderr.write)
    # Import first, read the request after: the caller may start the bridge
    # early and overlap these imports with its own work. An interpreter that
    # cannot import alembic says so and exits with status 3.
    try:
        import alembic
        import alembic.runtime.environment  # noqa: F401  (sqlalchemy and the rest)
    except Exception as exc:
        emit("unavailable", reason="%s: %s" % (type(exc).__name__, exc))
        return 3
    emit("hello", protocol=PROTOCOL, python=sys.version.split()[0], alembic=alembic.__version__)
    request = json.loads(sys.stdin.read() or "{}")
    # sys.argv as `python -m alembic ARGS` has it, before any project code runs
    sys.argv = [os.path.join(os.path.dirname(alembic.__file__), "__main__.py")] + list(request.get("argv") or [])
    # alembic's CLI runs as `python -m alembic`: the current directory first on sys.path
    sys.path[0] = os.getcwd()
    mode = request.get("mode")
    try:
        if mode == "offline":
            status = run_offline(request)
        elif mode == "online":
            status = run_online(request)
        elif mode == "template":
            status = run_template(request)
        elif mode == "headers":
            status = run_headers(request)
        else:
            emit("error", error={"type": "ValueError", "message": "unknown mode %r" % (mode,)})
            return 2
    except SystemExit as exc:
        # sys.exit() in env.py or a revision ends alembic's command as it
        # ends Python: its status, its message on stderr
        code = exc.code
        if code is None:
            code = 0
        elif not isinstance(code, int):
            sys.stderr.write("%s\n" % (code,))
            code = 1
        emit("exit", code=code)
        return code
    except Exception as exc:
        emit("error", error=describe_error(exc, set()))
        return 1
    emit("done", status=status)
    return status


if __name__ == "__main__":
    sys.exit(main())

"""Executes revision files the way alembic loads them and prints, one JSON
object per file, what the module defines: revision, down_revision,
branch_labels, depends_on and __doc__. Imports that are not installed
(alembic, sqlalchemy, a project's own package) are replaced by stubs, so any
Python 3 with importlib can run it.

Used by tst_revisionreader to cross-check the static reader.
"""
import importlib.abc
import importlib.machinery
import importlib.util
import json
import sys
import types


class Stub:
    """Stands for anything a missing module would provide."""

    def __init__(self, name):
        self._name = name

    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        return Stub(self._name + "." + attr)

    def __call__(self, *args, **kwargs):
        return Stub(self._name + "()")

    def __getitem__(self, item):
        return Stub(self._name + "[]")

    def __or__(self, other):
        return self

    __ror__ = __or__

    def __iter__(self):
        return iter(())

    def __repr__(self):
        return "<stub %s>" % self._name


class StubModule(types.ModuleType):
    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        return Stub(self.__name__ + "." + attr)


class StubFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name, path, target=None):
        return importlib.machinery.ModuleSpec(name, self, is_package=True)

    def create_module(self, spec):
        return StubModule(spec.name)

    def exec_module(self, module):
        module.__path__ = []


sys.meta_path.append(StubFinder())  # last: real modules win


def encode(value):
    if value is None:
        return {"t": "none"}
    if isinstance(value, str):
        return {"t": "str", "v": value}
    if isinstance(value, (tuple, list)) and all(isinstance(x, str) for x in value):
        return {"t": "seq", "v": list(value)}
    return {"t": "other", "repr": repr(value)}


def load(path, index):
    # As alembic's load_module_py: spec_from_file_location + exec_module.
    spec = importlib.util.spec_from_file_location("retort_rev_%d" % index, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    for index, path in enumerate(sys.argv[1:]):
        try:
            module = load(path, index)
        except BaseException as e:  # noqa: B902 - report anything
            print(json.dumps({"file": path, "ok": False, "error": "%s: %s" % (type(e).__name__, e)}))
            continue
        out = {"file": path, "ok": True, "doc": module.__doc__}
        for name in ("revision", "down_revision", "branch_labels", "depends_on"):
            out[name] = encode(getattr(module, name)) if hasattr(module, name) else {"t": "absent"}
        print(json.dumps(out))


if __name__ == "__main__":
    main()

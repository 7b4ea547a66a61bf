#pragma once

#include <QStringList>

namespace retort {

namespace py {
class Module;
}

// The environment variables a module reads by a name it spells out:
// os.environ["X"], os.environ.get("X"), os.getenv("X"), "X" in os.environ,
// also through `from os import environ, getenv` and any alias of os. In the
// order they first appear, each once. A name computed at run time, or a
// lookup made inside the project's own modules, is not seen.
QStringList environmentVariablesRead(const py::Module &module);

} // namespace retort

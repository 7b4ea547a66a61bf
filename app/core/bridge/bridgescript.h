#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace retort {

// retort_bridge.py, the helper Retort runs with the project's Python. It is
// compiled into the binary; path() writes it once to a file named after its
// content hash (in Retort's cache directory, else the temp directory), so an
// installed retort and one in the build tree find the same script.
class BridgeScript {
public:
    static QByteArray text();
    // The file to run; written on first use. Safe to call from any thread.
    static Result<QString> path();
};

} // namespace retort

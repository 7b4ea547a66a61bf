#pragma once

#include <QString>

namespace retort::testsupport {

// Copies every file below `from` to the same relative path below `to`
// (directories made as needed), leaving out Python's __pycache__ folders,
// so a test can run a fixture project in a temp dir of its own. False when
// a file cannot be copied.
bool copyTree(const QString &from, const QString &to);

} // namespace retort::testsupport

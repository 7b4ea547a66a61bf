#pragma once

#include <QByteArray>
#include <QString>

namespace retort::testsupport {

// Copies every file below `from` to the same relative path below `to`
// (directories made as needed), leaving out Python's __pycache__ folders,
// so a test can run a fixture project in a temp dir of its own. False when
// a file cannot be copied.
bool copyTree(const QString &from, const QString &to);

// Writes `text` to `path`, making its folders; a failed open fails the test.
void writeFile(const QString &path, const QByteArray &text);

} // namespace retort::testsupport

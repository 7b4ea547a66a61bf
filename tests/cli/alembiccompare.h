#pragma once

// One read-only command on one project, run by the real alembic and by
// retort: stdout (set-ordered places normalized) and the exit status must be
// the same; where alembic dies with a traceback, retort must fail with a
// message. Reports through QtTest in the calling test function.

#include <QString>
#include <QStringList>

namespace retort::testsupport {

struct Project {
    QString name;
    QString dir;  // working directory for both tools
    QString ini;  // relative to dir
};

void compareWithAlembic(const Project &p, const QStringList &args);

} // namespace retort::testsupport

#pragma once

#include <QString>
#include <QVector>

namespace retort {

struct RevisionScript;

// Where a project print()s outside its migration functions. alembic's --sql
// writes that text into the script (env.py's where env.py runs, a revision's
// module-level print() when the revision map is loaded), so only the bridge,
// which runs env.py and loads the files, can place it.
struct ProjectPrints {
    QString envWhere;       // "env.py:12" of a print( call in env.py, empty when none
    QString revisionWhere;  // "file:line" of a module-level print( in a revision file
    bool any() const { return !envWhere.isEmpty() || !revisionWhere.isEmpty(); }
    QString where() const { return envWhere.isEmpty() ? revisionWhere : envWhere; }
};

// Tokens only, no evaluation: a call spelled `print(` anywhere in env.py,
// or at module level (outside def and class bodies) of a revision file.
ProjectPrints scanProjectPrints(const QString &envPath, const QVector<RevisionScript> &scripts);

} // namespace retort

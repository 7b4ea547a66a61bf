#pragma once

#include "project/revisionscript.h"

#include <QByteArray>
#include <QString>

namespace retort {

// Reads a revision file statically, the way alembic would see it when it
// imports the module: the last module-level assignment of revision,
// down_revision, branch_labels and depends_on (plain or annotated, chained,
// tuple-unpacked; a name bound earlier to a literal is followed), the
// module docstring (only when it is the first statement) with its
// "Create Date:", and where def upgrade()/downgrade() are. The whole module
// is parsed, function bodies included, as importing it would. Never throws;
// everything that went wrong is in RevisionScript::problems with file and line.
RevisionScript readRevisionScript(const QString &path, const QByteArray &source);

} // namespace retort

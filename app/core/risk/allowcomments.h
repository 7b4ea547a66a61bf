#pragma once

#include "error.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVector>

namespace retort {
struct PlannedStep;
}

namespace retort::risk {

// The opt-outs a revision file declares: `# retort: allow RULE[, RULE...] [reason]`
// in a Python comment (never inside a string or docstring). Rules are
// separated by commas; the rest of the comment after the last rule is the
// reason.
struct AllowComments {
    QHash<QString, QString> rules;  // rule id -> reason ("(no reason given)" when none)
    // Each `# retort:` comment that cannot be honoured (an unknown rule, no
    // rule, another word than allow), with its file and line.
    QVector<Error> problems;
};

// The allow comments of one revision file's bytes.
AllowComments allowComments(const QByteArray &fileBytes, const QString &fileName = QString());

// The allow comments of each step's revision file, by revision id, and the
// problems of all of them (reads the files).
struct PlanAllowComments {
    QHash<QString, QHash<QString, QString>> byRevision;
    QVector<Error> problems;
};
PlanAllowComments allowCommentsOf(const QVector<PlannedStep> &steps);

} // namespace retort::risk

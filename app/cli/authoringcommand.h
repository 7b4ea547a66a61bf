#pragma once

#include "authoring/revisionwriter.h"
#include "error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>
#include <optional>

namespace retort {
struct ProjectConfig;
struct RevisionScript;
class RevisionGraph;
} // namespace retort

namespace retort::cli {

struct CliArgs;

// The options of `revision` and `merge`, as alembic's argparse takes them.
struct AuthoringArgs {
    std::optional<QString> message;      // -m/--message
    std::optional<QString> head;         // --head
    bool splice = false;                 // --splice
    std::optional<QString> branchLabel;  // --branch-label
    std::optional<QString> versionPath;  // --version-path
    QString revId;                       // --rev-id
    QStringList dependsOn;               // --depends-on (repeatable)
    bool autogenerate = false;           // --autogenerate (refused)
};

// Takes arguments[i] when it is an option of `revision`/`merge`; returns
// false when it is not one. `takeValue(option, into)` reads an option's
// value the way the other options' values are read (and advances i).
bool takeAuthoringOption(const QString &command, const QString &arg, AuthoringArgs &into,
                         const std::function<QString(const QString &, QString *)> &takeValue, QString *error);

// The request `revision`/`merge` with these arguments makes (the clock unpinned).
RevisionRequest revisionRequest(const CliArgs &args);

struct AuthoringResult {
    QByteArray out;  // alembic's "Generating /path ...  done" lines
    Error error;     // a CommandError: the caller prints "FAILED: ..."
};

// `revision` / `merge`: plans the new file with alembic's checks, then
// creates it, printing what alembic prints.
AuthoringResult runAuthoringCommand(const CliArgs &args, const ProjectConfig &config,
                                    const QVector<RevisionScript> &scripts, const RevisionGraph &graph);

} // namespace retort::cli

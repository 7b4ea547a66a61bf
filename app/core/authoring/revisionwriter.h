#pragma once

#include "authoring/revisiontemplate.h"
#include "result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>
#include <optional>

namespace retort {

class RevisionGraph;
struct ProjectConfig;
struct RevisionScript;

// What `alembic revision` and `alembic merge` are asked for.
struct RevisionRequest {
    bool merge = false;
    std::optional<QString> message;      // -m; None writes "empty message"
    QStringList heads;                   // revision: --head (empty: "head"); merge: the REVS
    bool splice = false;
    std::optional<QString> branchLabel;
    std::optional<QString> versionPath;  // --version-path, as typed
    QString revId;                       // empty: a new one (uuid4 hex, last 12)
    QStringList dependsOn;
    std::optional<qint64> nowMicroseconds;  // the creation instant; empty: the clock
};

// The file a request makes, decided before anything is written.
struct PlannedRevision {
    QString revId;
    QString path;              // absolute, as alembic prints it after "Generating"
    QString createDirectory;   // absolute; set when a configured version location is missing
    QByteArray content;        // encoded with output_encoding
};

// Renders script.py.mako through Mako (the alembic bridge) when Retort's
// own renderer cannot: given the template's path and the values alembic
// would pass, the rendered text or alembic's error.
using BridgeTemplateRenderer =
    std::function<Result<QString>(const QString &templatePath, const TemplateValues &values)>;

// alembic 1.8.1's ScriptDirectory.generate_revision (and command.revision /
// command.merge before it), checked in alembic's order with alembic's
// messages; the checks alembic only makes after writing the file (a reused
// revision id, a template that drops branch_labels) are made before, so a
// refused request writes nothing.
class RevisionWriter {
public:
    RevisionWriter(const ProjectConfig &config, const QVector<RevisionScript> &scripts, const RevisionGraph &graph);

    void setBridgeRenderer(BridgeTemplateRenderer renderer) { m_bridge = std::move(renderer); }

    Result<PlannedRevision> plan(const RevisionRequest &request) const;
    // Creates the directory when planned and writes the file, never over an
    // existing file or through a link.
    static Error write(const PlannedRevision &planned);

private:
    const ProjectConfig &m_config;
    const QVector<RevisionScript> &m_scripts;
    const RevisionGraph &m_graph;
    BridgeTemplateRenderer m_bridge;
};

// alembic's util.rev_id(): the last 12 hex digits of a random UUID.
QString newRevisionId();

} // namespace retort

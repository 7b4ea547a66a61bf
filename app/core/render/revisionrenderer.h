#pragma once

#include "render/bodyevaluator.h"
#include "render/stepsql.h"
#include "result.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

namespace retort {

namespace py { class Module; }

// Renders the SQL of a revision's upgrade() or downgrade() without Python,
// or says why it cannot: a body that is not fully understood is never
// approximated. The error (Kind::Unresolved) is located at the statement
// (file, line, revision) and reads "revision X needs Python to render (reason)".
class RevisionRenderer {
public:
    RevisionRenderer();
    ~RevisionRenderer();

    // The body in order (statements without their ';', and autocommit-block
    // edges); empty for a `pass` body. `path` is the revision file, read (and
    // parsed) once per renderer. `mode` is what context.is_offline_mode()
    // answers: Offline for --sql, Online for a run against a database.
    Result<StepBody> render(const QString &path, const QString &revision, bool upgrade,
                            RenderMode mode = RenderMode::Offline);

private:
    struct Parsed;
    Result<const Parsed *> parsed(const QString &path);

    QHash<QString, std::shared_ptr<Parsed>> m_files;
};

} // namespace retort

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
    // A body that raises on purpose (StepRaise) renders to what it emits
    // before the raise, with `*raised` set; without `raised` it is an error
    // (StepRaise::runRefusal).
    Result<StepBody> render(const QString &path, const QString &revision, bool upgrade,
                            RenderMode mode = RenderMode::Offline, std::optional<StepRaise> *raised = nullptr);

    // Whether the module-level upgrade() or downgrade() has a raise
    // statement at all: a cheap test before render() for a scan of many files.
    bool mayRaise(const QString &path, bool upgrade);

private:
    struct Parsed;
    Result<const Parsed *> parsed(const QString &path);

    QHash<QString, std::shared_ptr<Parsed>> m_files;
};

} // namespace retort

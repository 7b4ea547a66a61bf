#pragma once

#include "render/offlinescript.h"
#include "render/stepsql.h"
#include "result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace retort {

class JsonLinesProcess;
struct ProcessOutcome;

// The project as the bridge runs it: alembic's -c, -n and -x, the Python
// that can import alembic, and the child's current directory (the first
// entry of sys.path, as for `python -m alembic`).
struct BridgeProject {
    QString python;
    QString iniPath;
    QString tomlPath;  // pyproject.toml read after the ini (empty: none)
    QString section = QStringLiteral("alembic");
    QStringList x;
    // What alembic's sys.argv[1:] would be for the same command (a revision
    // may read it: `"--sql" in sys.argv`); the bridge sets sys.argv to it.
    QStringList argv;
    QString workDir;  // empty: the current directory
    int timeoutMs = 10 * 60 * 1000;
    // What env.py sees as context.get_tag_argument() and get_revision_argument()
    // (--tag, and the command's destination: "heads", "b003", ...); empty: None.
    QString tag;
    QString destination;
    // Offline: load every revision file in alembic's order, as alembic does,
    // because one prints at module level (see printscan.h).
    bool loadAllRevisions = false;
};

// One revision function for the bridge to run.
struct BridgeStep {
    QString revision;
    bool upgrade = true;
    QStringList fromHeads;  // the version rows before the step
    QString path;           // the revision file (lets the bridge load it alone)
};

// A step rendered offline by alembic: its body, or alembic's error (then the
// body holds what the step wrote before failing).
struct BridgeStepSql {
    StepBody body;
    Error error;  // "Type: message" verbatim, located at the revision file's line
};

// One offline run: the steps, and what was printed outside them.
struct BridgeOfflineSql {
    QVector<BridgeStepSql> steps;
    OfflineFrame frame;
};

// What an online run reports as it goes.
struct BridgeEvent {
    enum class Kind { Started, Finished, Log, Printed };
    Kind kind = Kind::Log;
    int index = -1;         // the step (Started, Finished)
    QString revision;
    QStringList headsAfter; // Finished: the version rows after the step
    QString text;           // Log: one line of alembic's logging (stderr); Printed: what env.py or a step print()ed
};

struct BridgeOnlineResult {
    int finishedSteps = 0;
    QString log;  // everything alembic wrote to stderr
};

// Runs resources/bridge/retort_bridge.py with the project's Python. Usable
// from a worker thread; every call is one child process.
class AlembicBridge {
public:
    explicit AlembicBridge(BridgeProject project);

    // All steps in ONE env.py run (as_sql=True); with no steps, only what
    // env.py and the revision modules print (the frame). The outer error is for the
    // run as a whole (the bridge does not start, env.py fails); a step that
    // fails is reported in its own entry and the others still render.
    // When the interpreter does not start or cannot import alembic, the
    // error says why and *unavailable (if given) is set to that reason, so
    // the caller can try the next interpreter.
    // `started` (from startOffline()) is used instead of a new process.
    Result<BridgeOfflineSql> renderOffline(const QVector<BridgeStep> &steps,
                                                 const std::atomic<bool> *cancel = nullptr,
                                                 QString *unavailable = nullptr,
                                                 std::unique_ptr<JsonLinesProcess> started = {}) const;

    // Starts the interpreter for renderOffline() now, so that Python's
    // imports overlap the caller's own work (the bridge imports alembic
    // before it reads its request). Null when it does not start.
    std::unique_ptr<JsonLinesProcess> startOffline(const std::atomic<bool> *cancel = nullptr) const;

    // Runs the steps against the database at `url` for real, through the
    // project's env.py online. The URL reaches the child only through its
    // environment (RETORT_BRIDGE_URL), never its arguments. Fails with
    // alembic's error (located at the revision line when the traceback has
    // one) and the steps finished before it are in the events.
    // `environment` is added to the child's (PGAPPNAME, ...); `poll` is
    // called every few milliseconds while it runs.
    Result<BridgeOnlineResult> runOnline(const QVector<BridgeStep> &steps, const QString &url,
                                         const std::function<void(const BridgeEvent &)> &onEvent = {},
                                         const std::atomic<bool> *cancel = nullptr,
                                         const QList<QPair<QString, QString>> &environment = {},
                                         const std::function<void()> &poll = {}) const;

    // Renders the project's script.py.mako with Mako as alembic's
    // generate_revision does (config is the Config for `revision`, the
    // string "config" for `merge`); `values` maps each name to
    // {"kind": "none"|"str"|"tuple"|"list", "text", "items"}, create_date
    // as str(datetime). Fails with Mako's error at the template's line.
    Result<QString> renderTemplate(const QString &templatePath, const QJsonObject &values, bool merge,
                                   const std::atomic<bool> *cancel = nullptr) const;

    // The four headers (revision, down_revision, branch_labels, depends_on)
    // of the revision files at `paths`, as alembic reads them: every revision
    // file imported in alembic's order, each read right after it ran. Keyed
    // by canonical path; each value maps a header to {"kind": "absent" |
    // "none" | "str" | "tuple" | "list" | "other", "text", "items", "repr"}.
    // `printed`: what the files print() as they are imported, in order.
    // Fails with alembic's error (an import that fails, a bad revision).
    // *unavailable: as for renderOffline (the interpreter did not run alembic).
    // `exitCode`: the project's code ended Python (sys.exit, os._exit) as
    // alembic's process would end, with this status; `printed` and `stderr`
    // are what came before.
    struct Headers {
        QHash<QString, QJsonObject> values;
        QString printed;
        QString stderrText;  // what the files wrote to sys.stderr
        std::optional<int> exitCode;
        // alembic could not load the project (a file raised as it was
        // imported): its error, after `printed` (what came before the raise)
        Error failure;
    };
    Result<Headers> readHeaders(const QStringList &paths, const std::atomic<bool> *cancel = nullptr,
                                                    QString *unavailable = nullptr) const;

    // The variable the URL is passed in.
    static QString urlVariable() { return QStringLiteral("RETORT_BRIDGE_URL"); }

private:
    // -c, -n, -x and what Retort resolved of the configuration (bridgeconfig.h).
    void addConfig(QJsonObject &request) const;
    // The bridge's first words: it runs and can import alembic.
    Error checkGreeting(const ProcessOutcome &run, QString *unavailable) const;
    QByteArray request(const QString &mode, const QVector<BridgeStep> &steps) const;
    // One offline child for a request of `mode` about the project (its
    // config, section and -x added), run to its end.
    Result<ProcessOutcome> runProjectRequest(const QString &mode, QJsonObject request,
                                             const std::atomic<bool> *cancel) const;
    // The offline bridge child, not yet started.
    Result<std::unique_ptr<JsonLinesProcess>> offlineProcess(const std::atomic<bool> *cancel) const;

    BridgeProject m_project;
};

} // namespace retort

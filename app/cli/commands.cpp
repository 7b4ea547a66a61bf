#include "commands.h"

#include "authoringcommand.h"
#include "checkcommand.h"
#include "bridge/printscan.h"
#include "bridge/pythonheaders.h"
#include "db/connection.h"
#include "driftcommand.h"
#include "rehearsecommand.h"
#include "db/connectionsettings.h"
#include "db/versionstate.h"
#include "project/envreader.h"
#include "graph/revisiongraph.h"
#include "graph/revisionwalker.h"
#include "journalcommand.h"
#include "lintcommand.h"
#include "offlinecommand.h"
#include "onlinecommand.h"
#include "restorecommand.h"
#include "project/projectconfig.h"
#include "project/scriptcache.h"
#include "project/scriptloader.h"
#include "revisionformat.h"
#include "streamwrite.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <cstdio>

#include <optional>

namespace retort::cli {

namespace {

// alembic exits with sys.exit(-1) after printing "FAILED: ..." on stdout.
constexpr int kCommandErrorExit = 255;
// Where a listing is handed to the stream.
constexpr qsizetype kListingPiece = 1 << 20;

// Log and progress lines of the commands that take time, as they happen.
void writeStderr(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

// A pipe holds 64 KiB by default: a listing of tens of megabytes handed to
// it piece by piece puts the writer to sleep and wakes it again every 64 KiB
// (600 times for wide-merges' 39 MB `history`, a tenth of its CPU time).
// One piece fits a widened pipe. Only a pipe is touched; a user limit on
// pipe sizes (EPERM) leaves it as it was.
void widenPipe(std::FILE *stream)
{
    const int fd = ::fileno(stream);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISFIFO(st.st_mode))
        return;
    if (::fcntl(fd, F_GETPIPE_SZ) < kListingPiece)
        ::fcntl(fd, F_SETPIPE_SZ, int(kListingPiece));
}

class Session {
public:
    Session(const CliArgs &args, std::FILE *stream) : m_args(args), m_stream(stream) {}

    Outcome run()
    {
        const QString &c = m_args.command;
        if (c == QLatin1String("current")) {
            if (open())
                current();
            return m_outcome;
        }
        if (c == QLatin1String("heads") || c == QLatin1String("history") || c == QLatin1String("branches")
            || c == QLatin1String("show")) {
            if (!open())
                return m_outcome;
            if (c == QLatin1String("heads"))
                heads();
            else if (c == QLatin1String("history"))
                history();
            else if (c == QLatin1String("branches"))
                branches();
            else
                show();
            return m_outcome;
        }
        if (c == QLatin1String("reset-local")) {
            if (!m_args.positionals.isEmpty())
                usageError(QStringLiteral("unrecognized arguments: %1").arg(m_args.positionals.join(QLatin1Char(' '))));
            else if (!m_args.recreate && (!m_args.resetTo.isEmpty() || m_args.disconnectOthers))
                usageError(QStringLiteral("--to and --disconnect-others go with --recreate"));
            else if (m_args.finishSwap && m_args.recreate)
                usageError(QStringLiteral("--finish-swap does not go with --recreate"));
            else if (m_args.finishSwap) {
                if (!open())
                    return m_outcome;
                const OnlineResult r = runFinishSwapCommand(m_args, m_config, writeStderr);
                m_outcome.out += r.out;
                m_outcome.err += r.err;
                m_outcome.exitCode = r.exitCode;
            } else if (open())
                online();
            return m_outcome;
        }
        if (c == QLatin1String("restore")) {
            if (!m_args.positionals.isEmpty())
                usageError(QStringLiteral("unrecognized arguments: %1").arg(m_args.positionals.join(QLatin1Char(' '))));
            else if (m_args.restoreFrom.isEmpty())
                usageError(QStringLiteral("the following arguments are required: --from"));
            else if (open()) {
                const OnlineResult r = runRestoreCommand(m_args, m_config, writeStderr);
                m_outcome.out += r.out;
                m_outcome.err += r.err;
                m_outcome.exitCode = r.exitCode;
            }
            return m_outcome;
        }
        if (c == QLatin1String("upgrade") || c == QLatin1String("downgrade") || c == QLatin1String("stamp")) {
            migrate();
            return m_outcome;
        }
        if (c == QLatin1String("lint")) {
            if (open()) {
                const LintResult r = runLintCommand(m_args, m_config, m_scripts, *m_graph);
                m_outcome.out += r.out;
                m_outcome.err += r.err;
                m_outcome.exitCode = r.exitCode;
            } else if (lintReportIsMachineReadable(m_args)) {
                m_outcome.err.prepend(m_outcome.out);
                m_outcome.out.clear();
            }
            return m_outcome;
        }
        if (c == QLatin1String("journal") || c == QLatin1String("verify")) {
            if (open()) {
                const JournalOutcome r = c == QLatin1String("journal")
                                             ? runJournalCommand(m_args, m_config)
                                             : runVerifyCommand(m_args, m_config, m_scripts, *m_graph);
                m_outcome.out += r.out;
                m_outcome.err += r.err;
                m_outcome.exitCode = r.exitCode;
            }
            return m_outcome;
        }
        if (c == QLatin1String("check") || c == QLatin1String("drift")) {
            if (open())
                scratchCommand();
            return m_outcome;
        }
        if (c == QLatin1String("revision") || c == QLatin1String("merge")) {
            authoring();
            return m_outcome;
        }
        if (c == QLatin1String("engines")) {
            if (open())
                m_outcome.out += runEnginesCommand(m_args, m_config, m_scripts, *m_graph);
            return m_outcome;
        }
        fail(Error(Error::Kind::Internal,
                   QStringLiteral("'%1' is not available yet in this build of Retort").arg(c)));
        return m_outcome;
    }

private:
    void print(const QString &text)
    {
        m_outcome.out += text.toUtf8();
        m_outcome.out += '\n';
    }

    void warn(const Error &e)
    {
        m_outcome.err += "retort: warning: " + e.toString().toUtf8() + '\n';
    }

    // alembic's util.err: the message on stdout after "FAILED: "; Retort adds
    // where it happened on stderr.
    void fail(const Error &e)
    {
        m_outcome.out += "FAILED: " + e.message().toUtf8() + '\n';
        if (!e.where().isEmpty() || e.cause())
            m_outcome.err += "retort: " + e.toString().toUtf8() + '\n';
        m_outcome.exitCode = kCommandErrorExit;
    }

    // A revision file Python cannot import: alembic dies in a traceback
    // (exit 1, nothing on stdout); Retort says where, on stderr.
    void importFailed(const Error &e)
    {
        m_outcome.err += "retort: " + e.toString().toUtf8() + '\n';
        m_outcome.exitCode = 1;
    }

    // Headers the static reader cannot read are read by alembic itself, and
    // revision files that run code at import (a print(), a raise) are
    // imported by it: what they print starts alembic's output, a raise ends
    // its command. --engine native forbids both: headers it cannot read fail
    // the graph below naming the header, code at import fails here. When
    // Python cannot answer, stderr says why.
    bool readWithPython()
    {
        const bool headers = headersNeedPython(m_scripts);
        const QString &runsCode = m_importTimeCode;
        const bool imports = !runsCode.isEmpty();
        if (!headers && !imports)
            return true;
        if (m_args.engine == QLatin1String("native")) {
            // a header it cannot read fails the graph below, naming it; --sql
            // refuses what env.py prints first, as alembic prints it first
            if (!imports || headers || (m_args.sql && !scanProjectPrints(m_config.envPath, {}).envWhere.isEmpty()))
                return true;
            fail(Error(Error::Kind::Config,
                       QStringLiteral("%1: runs when alembic imports the revisions; only alembic can say what it "
                                      "prints or raises (the bridge); --engine native forbids it")
                           .arg(runsCode)));
            return false;
        }
        // alembic's own commands that run no env.py
        static const QStringList envFree = {QStringLiteral("heads"), QStringLiteral("history"),
                                            QStringLiteral("branches"), QStringLiteral("show")};
        if (!envFree.contains(m_args.command) && headersDependOnEnv(m_scripts))
            return true;  // the graph fails naming env.py
        PythonHeaderSettings settings;
        settings.interpreter.explicitPath = m_args.python;
        settings.interpreter.iniPath = m_config.iniPath;
        settings.bridge.iniPath = m_args.config;
        settings.bridge.tomlPath = m_config.tomlPath;
        settings.bridge.section = m_args.name;
        settings.bridge.x = m_args.x;
        settings.bridge.argv = m_args.alembicArgv;
        settings.forImportTimeCode = imports;
        bool alembicRan = false;
        Result<PythonReading> read = readHeadersWithPython(settings, m_scripts, nullptr, &alembicRan);
        if (read && read->exitCode) {
            // a file called sys.exit() as it was imported: alembic ends there,
            // after what it printed
            m_outcome.err += read->stderrText.toUtf8();
            if (envFree.contains(m_args.command)) {
                m_outcome.out += read->printed.toUtf8();
                m_outcome.exitCode = *read->exitCode;
                return false;
            }
            // after env.py's own output, which Retort does not produce here
            m_outcome.err += "retort: " + runsCode.toUtf8() + ": ends Python (exit "
                             + QByteArray::number(*read->exitCode)
                             + ") when alembic imports the file, after env.py has run; alembic's command ends there\n";
            m_outcome.exitCode = *read->exitCode == 0 ? 1 : *read->exitCode;
            return false;
        }
        if (read && read->failure) {
            // alembic itself cannot load the project: what the files printed
            // before, then its error, as it dies
            m_outcome.err += read->stderrText.toUtf8();
            if (envFree.contains(m_args.command))
                m_outcome.out += read->printed.toUtf8();
            importFailed(read->failure);
            return false;
        }
        if (read) {
            m_outcome.err += read->stderrText.toUtf8();
            // The commands that run env.py print what it prints first; the
            // bridge runs that import the files again put the text in place
            // (--sql, steps that need Python)
            if (envFree.contains(m_args.command) || m_args.command == QLatin1String("current"))
                m_outcome.out.prepend(read->printed.toUtf8());
            return true;
        }
        if (alembicRan) {
            // alembic itself cannot load the project: its error, as it dies
            importFailed(read.error());
            return false;
        }
        if (headers)
            m_outcome.err += "retort: no Python could read the headers: " + read.error().toString().toUtf8() + '\n';
        else
            m_outcome.err += "retort: warning: " + runsCode.toUtf8()
                             + ": runs when alembic imports the revisions, and no Python could run it; alembic's "
                               "output would start with what it prints: "
                             + read.error().toString().toUtf8() + '\n';
        return true;
    }

    bool open()
    {
        if (!m_args.configError.isEmpty()) {
            fail(Error(Error::Kind::Config, m_args.configError));
            return false;
        }
        Result<ProjectConfig> cfg = ProjectConfig::load(m_args.config, m_args.name, m_args.toml);
        if (!cfg) {
            fail(cfg.error());
            return false;
        }
        m_config = cfg.value();
        Result<ScriptLoader::Loaded> loaded = ScriptLoader::load(m_config, ScriptCache::defaultDirectory(), nullptr,
                                                                    ScriptLoader::Heap::Reserved);
        if (!loaded) {
            fail(loaded.error());
            return false;
        }
        m_scripts = std::move(loaded.value().scripts);
        m_importTimeCode = loaded.value().importTimeCode;
        for (const Error &w : loaded.value().warnings)
            warn(w);
        if (!readWithPython())
            return false;
        Result<RevisionGraph> graph = RevisionGraph::build(m_scripts);
        if (!graph) {
            if (graph.error().kind() == Error::Kind::Syntax || graph.error().kind() == Error::Kind::Io)
                importFailed(graph.error());
            else
                fail(graph.error());
            return false;
        }
        m_graph = std::move(graph.value());
        for (const Error &w : m_graph->warnings())
            warn(w);
        m_format.emplace(*m_graph, m_scripts);
        return true;
    }

    void heads()
    {
        QVector<int> revs;
        if (m_args.resolveDependencies) {
            Result<QVector<RevRef>> r = RevisionWalker(*m_graph).revisions(RevArg::one(QStringLiteral("heads")));
            if (!r)
                return fail(r.error());
            for (const RevRef &ref : r.value())
                revs << ref.index;
        } else {
            // get_revisions(get_heads()): each head id looked up again
            for (int h : m_graph->heads())
                revs << m_graph->indexOf(m_graph->node(h).id);
        }
        RevisionFormat::Options o;
        o.includeBranches = true;
        o.treeIndicators = false;
        for (int r : std::as_const(revs)) {
            m_format->appendCmdFormat(m_outcome.out, r, m_args.verbose, o);
            m_outcome.out += '\n';
            passOnListing();
        }
    }

    void history()
    {
        QString base, head;
        if (m_args.hasRevRange) {
            if (!m_args.revRange.contains(QLatin1Char(':')))
                return fail(Error(Error::Kind::Revision,
                                  QStringLiteral("History range requires [start]:[end], [start]:, or :[end]")));
            const QStringList parts = m_args.revRange.trimmed().split(QLatin1Char(':'));
            if (parts.size() != 2)
                return fail(Error(Error::Kind::Revision,
                                  QStringLiteral("History range '%1' has more than one ':'").arg(m_args.revRange)));
            base = parts[0];
            head = parts[1];
        }
        if (base == QLatin1String("current") || head == QLatin1String("current") || m_args.indicateCurrent)
            return fail(Error(Error::Kind::Internal,
                              QStringLiteral("history with the current revision (-i, current:) is "
                                             "not supported yet; `retort current` shows it")));
        Result<QVector<int>> walk = RevisionWalker(*m_graph).history(base, head);
        if (!walk)
            return fail(walk.error());
        RevisionFormat::Options o;
        o.includeBranches = true;
        o.includeDoc = true;
        o.includeParents = true;
        for (int r : walk.value()) {
            m_format->appendCmdFormat(m_outcome.out, r, m_args.verbose, o);
            m_outcome.out += '\n';
            passOnListing();
        }
    }

    void branches()
    {
        Result<QVector<int>> walk = RevisionWalker(*m_graph).history(QString(), QString());
        if (!walk)
            return fail(walk.error());
        RevisionFormat::Options o;
        o.includeBranches = true;
        RevisionFormat::Options child;
        child.includeBranches = true;
        child.includeDoc = m_args.verbose;
        for (int r : walk.value()) {
            const RevisionNode &n = m_graph->node(r);
            if (!n.isBranchPoint())
                continue;
            const QByteArray pad = QByteArray(n.id.size(), ' ') + " -> ";
            m_format->appendCmdFormat(m_outcome.out, r, m_args.verbose, o);
            for (int c : n.nextrev) {
                m_outcome.out += '\n' + pad;
                m_format->appendCmdFormat(m_outcome.out, c, false, child);
            }
            m_outcome.out += "\n\n";
            passOnListing();
        }
    }

    void show()
    {
        if (m_args.positionals.size() != 1)
            return usageError(QStringLiteral("show: expected one revision"));
        const QString rev = m_args.positionals.front();
        if (rev == QLatin1String("current"))
            return fail(Error(Error::Kind::Internal,
                              QStringLiteral("show current is not supported yet; `retort current -v` "
                                             "shows the current revisions in full")));
        Result<QVector<RevRef>> revs = RevisionWalker(*m_graph).revisions(RevArg::one(rev));
        if (!revs)
            return fail(revs.error());
        for (const RevRef &r : revs.value()) {
            if (!r.isRevision())
                return fail(Error(Error::Kind::Resolution,
                                  QStringLiteral("Can't locate revision identified by '%1'").arg(rev)));
            print(m_format->logEntry(r.index));
        }
    }

    // alembic's `current`: the version rows placed on the graph
    // (get_all_current), one cmd_format(verbose) each. A connection or query
    // failure is not a CommandError in alembic (a traceback, exit 1): Retort
    // says it on stderr and exits 1 as well.
    void current()
    {
        Result<ConnectionSettings> settings = ConnectionSettings::resolve(
            m_args.url, qEnvironmentVariable("DATABASE_URL"), m_config.sqlalchemyUrl);
        if (!settings)
            return databaseFailed(settings.error());
        for (const QString &p : settings->unknownParameters())
            warn(Error(Error::Kind::Config,
                       QStringLiteral("ignoring the unknown connection parameter '%1' of the database URL").arg(p)));
        Result<EnvOptions> env = loadEnvOptions(m_config.envPath);
        if (!env)
            return databaseFailed(env.error());
        const VersionTable table = VersionTable::fromEnv(env.value());
        Result<std::unique_ptr<Connection>> connection = Connection::open(settings.value());
        if (!connection)
            return databaseFailed(connection.error());
        Result<VersionState> state = readVersionState(connection.value()->database(), table);
        if (!state)
            return databaseFailed(state.error());
        m_outcome.err += "INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.\n"
                         "INFO  [alembic.runtime.migration] Will assume transactional DDL.\n";
        if (m_args.verbose)
            print(QStringLiteral("Current revision(s) for %1:").arg(settings->redacted()));
        const CurrentRevisions placed = placeOnGraph(*m_graph, state->rows);
        if (!placed.unknown.isEmpty())
            return fail(Error(Error::Kind::Resolution,
                              QStringLiteral("Can't locate revision identified by '%1'").arg(placed.unknown.front())));
        for (int r : placed.revisions)
            print(m_format->cmdFormat(r, m_args.verbose, RevisionFormat::Options()));
    }

    // upgrade/downgrade/stamp: --sql renders the script natively; applying
    // to a database is not built yet.
    void migrate()
    {
        if (m_args.positionals.isEmpty())
            return usageError(QStringLiteral("the following arguments are required: revision"));
        if (m_args.command != QLatin1String("stamp") && m_args.positionals.size() > 1)
            return usageError(QStringLiteral("unrecognized arguments: %1")
                                  .arg(m_args.positionals.mid(1).join(QLatin1Char(' '))));
        if (const Error e = checkMigrationArguments(m_args))
            return fail(e);
        if (!open())
            return;
        if (m_args.rehearse && m_args.sql)
            return usageError(QStringLiteral("--rehearse runs the plan on a scratch database; --sql prints it: "
                                             "choose one"));
        if (m_args.rehearse) {
            m_outcome = runRehearseCommand(m_args, m_config, m_scripts, *m_graph, writeStderr);
            return;
        }
        if (!m_args.sql)
            return online();
        const OfflineResult r = runOfflineCommand(m_args, m_config, m_scripts, *m_graph);
        m_outcome.out += r.out;
        if (r.exitCode == 1) {
            m_outcome.err += r.error.toString().toUtf8() + '\n';
            m_outcome.exitCode = 1;
        } else if (r.error) {
            fail(r.error);
        }
    }

    // Applies to the database; alembic's INFO lines reach stderr as they happen.
    void online()
    {
        const OnlineResult r = runOnlineCommand(m_args, m_config, m_scripts, *m_graph, writeStderr);
        m_outcome.out += r.out;
        m_outcome.err += r.err;
        m_outcome.exitCode = r.exitCode;
    }

    // check and drift: progress on stderr as it happens
    void scratchCommand()
    {
        m_outcome = m_args.command == QLatin1String("check")
                        ? runCheckCommand(m_args, m_config, m_scripts, *m_graph, writeStderr)
                        : runDriftCommand(m_args, m_config, m_scripts, *m_graph, writeStderr);
    }

    void authoring()
    {
        if (m_args.command == QLatin1String("merge") && m_args.positionals.isEmpty())
            return usageError(QStringLiteral("the following arguments are required: revisions"));
        if (m_args.command == QLatin1String("merge") && m_args.sql)
            return usageError(QStringLiteral("unrecognized arguments: --sql"));
        if (m_args.command == QLatin1String("revision") && !m_args.positionals.isEmpty())
            return usageError(QStringLiteral("unrecognized arguments: %1").arg(m_args.positionals.join(QLatin1Char(' '))));
        if (!open())
            return;
        const AuthoringResult r = runAuthoringCommand(m_args, m_config, m_scripts, *m_graph);
        m_outcome.out += r.out;
        if (r.error)
            fail(r.error);
    }

    void databaseFailed(const Error &e)
    {
        m_outcome.err += "retort: error: " + e.toString().toUtf8() + '\n';
        m_outcome.exitCode = 1;
    }

    void usageError(const QString &message)
    {
        m_outcome.err += usageText().toUtf8() + "retort: error: " + message.toUtf8() + '\n';
        m_outcome.exitCode = 2;
    }

    // A listing's text grows with revisions x labels on label-heavy
    // projects (1.4 GB for `history` at 100,000 revisions and 2,000
    // labels): in one buffer its page faults cost more than making it.
    void passOnListing()
    {
        if (!m_stream || m_outcome.out.size() < kListingPiece)
            return;
        if (!m_pipeWidened) {
            widenPipe(m_stream);
            m_pipeWidened = true;
        }
        if (m_outcome.outputError.isEmpty())
            writeFully(m_stream, m_outcome.out, &m_outcome.outputError);
        m_outcome.out.resize(0);
    }

    const CliArgs &m_args;
    std::FILE *m_stream = nullptr;
    bool m_pipeWidened = false;
    Outcome m_outcome;
    ProjectConfig m_config;
    QVector<RevisionScript> m_scripts;
    QString m_importTimeCode;  // ScriptLoader::Loaded::importTimeCode
    std::optional<RevisionGraph> m_graph;
    std::optional<RevisionFormat> m_format;
};

} // namespace

Outcome runCommand(const CliArgs &args, std::FILE *stream)
{
    // The process ends right after one command. Freeing a 10,000-revision
    // project piece by piece costs about a tenth of a `heads` run, so the
    // session is left for the operating system to reclaim at exit.
    auto *session = new Session(args, stream);
    return session->run();
}

} // namespace retort::cli

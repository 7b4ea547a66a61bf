#include "cliargs.h"

#include "bridge/reproducedversions.h"

#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QScopeGuard>

namespace retort::cli {

namespace {

const QStringList kCommands = {QStringLiteral("heads"),   QStringLiteral("history"),
                               QStringLiteral("branches"), QStringLiteral("show"),
                               QStringLiteral("current"), QStringLiteral("upgrade"),
                               QStringLiteral("downgrade"), QStringLiteral("stamp"),
                               QStringLiteral("reset-local"), QStringLiteral("restore"),
                               QStringLiteral("engines"), QStringLiteral("lint"),
                               QStringLiteral("check"), QStringLiteral("drift"),
                               QStringLiteral("journal"), QStringLiteral("verify"),
                               QStringLiteral("revision"), QStringLiteral("merge")};

} // namespace

QString usageText()
{
    return QStringLiteral("usage: retort [-h] [--version] [-c CONFIG] [-n NAME] [-x X] [--raiseerr] [--url URL]\n"
                          "              {branches,check,current,downgrade,drift,engines,heads,history,journal,lint,merge,reset-local,restore,revision,show,stamp,upgrade,verify} ...\n");
}

QString helpText()
{
    return usageText()
           + QStringLiteral(
               "\n"
               "Retort: a migration manager for Alembic projects on PostgreSQL.\n"
               "Without a command (or with a path to a project) it opens the desktop application.\n"
               "\n"
               "commands (alembic's words, alembic's output):\n"
               "  heads [-v] [--resolve-dependencies]   show the current heads\n"
               "  history [-r [START]:[END]] [-v]       list revisions, newest first\n"
               "  branches [-v]                          show branch points\n"
               "  show REV                               show one revision (or several: heads)\n"
               "  upgrade|downgrade REV, stamp [--purge] REV...\n"
               "                                         apply to the database (--url, DATABASE_URL or\n"
               "                                         sqlalchemy.url), as alembic does online, under an\n"
               "                                         advisory lock against concurrent runs. A run through a\n"
               "                                         revision whose function raises on purpose (`raise\n"
               "                                         NotImplementedError(...)`: irreversible) is refused\n"
               "                                         before anything runs, naming it, file:line, message:\n"
               "      --lock-timeout MS                  SET lock_timeout (also bounds the wait for the lock)\n"
               "      --statement-timeout MS             SET statement_timeout\n"
               "      --no-wait                          refuse at once when another run holds the lock\n"
               "      --journal-table                    also record the run in the database's own table\n"
               "                                         retort.journal (created on first use), in the run's\n"
               "                                         transaction; every run is always recorded locally\n"
               "  reset-local [--force=NAME]             downgrade to base, then upgrade to heads; only on a\n"
               "                                         PostgreSQL proven to run on this machine (a Unix\n"
               "                                         socket, or a local postgres process at the other end\n"
               "                                         of the TCP connection: never a tunnel or container),\n"
               "                                         unless --force names the database\n"
               "      --recreate [--to REV]              instead: drop the database and create it again (same\n"
               "                                         owner, encoding and collation, from template0), then\n"
               "                                         upgrade to REV (default heads)\n"
               "      --disconnect-others                end other sessions of the database rather than refuse\n"
               "      --finish-swap                      instead: when a recreate or restore was killed between\n"
               "                                         dropping the database and renaming its new copy\n"
               "                                         (DB_retort_XXXXXXXX) into place, rename the complete\n"
               "                                         copy now (a partial one is never used)\n"
               "  restore --from FILE [--force=NAME] [--disconnect-others]\n"
               "                                         replace the database with a pg_dump -Fc dump (the\n"
               "                                         window's backup): restored into a new database first,\n"
               "                                         which then takes the old one's place; local only, as\n"
               "                                         reset-local. One recreate or restore of a database at\n"
               "                                         a time: another is refused, naming it. SIGINT, SIGTERM\n"
               "                                         or SIGHUP stop pg_restore and drop the new database\n"
               "  upgrade|downgrade A:B --sql, stamp [A:]B --sql\n"
               "                                         print alembic's offline script\n"
               "      --engine auto|native|python        auto (default): natively where Retort understands a\n"
               "                                         step, through the project's alembic (the bridge) for\n"
               "                                         the rest; native: never Python (a step that needs it\n"
               "                                         fails with file:line); python: every step via alembic\n"
               "      --python PATH                      the Python for the bridge (else $RETORT_PYTHON, the\n"
               "                                         project's .venv/ or venv/, /usr/bin/python3, python3,\n"
               "                                         python: the first that can import alembic)\n"
               "  engines [--format text|json] [--engine E]\n"
               "                                         which engine renders each revision's upgrade and\n"
               "                                         downgrade, and why (file:line). text: one line per\n"
               "                                         revision and direction, 'REV upgrade|downgrade\n"
               "                                         native|python [reason]'; json: {\"policy\", \"revisions\":\n"
               "                                         [{\"revision\", \"path\", \"upgrade\": {\"engine\",\n"
               "                                         \"available\", \"reason\", \"file\", \"line\"},\n"
               "                                         \"downgrade\": {...}}], \"summary\"}\n"
               "  lint [upgrade|downgrade] [FROM:TO] [--format text|json|sarif] [--fail-on warning|error]\n"
               "                                         what each statement of the plan (default base:heads)\n"
               "                                         locks, rewrites and scans on PostgreSQL, the rules it\n"
               "                                         breaks and how long each lock is held; exit 1 when a\n"
               "                                         finding reaches --fail-on (default error). A revision\n"
               "                                         file's comment '# retort: allow RULE[, RULE...] [reason]'\n"
               "                                         opts out of those rules (commas between rules; an\n"
               "                                         unknown rule is an error, exit 255). Statements are\n"
               "                                         numbered from 1 within their revision\n"
               "  upgrade|downgrade REV --rehearse [--scratch-url URL]\n"
               "                                         run the plan first on a scratch copy of the database's\n"
               "                                         schema (pg_dump --schema-only) and version rows: each\n"
               "                                         statement with its time, the failing one named; the\n"
               "                                         database itself is only read\n"
               "  check [RANGE] [--scratch-url URL]     on a scratch database, for each revision of RANGE\n"
               "                                         (default heads: all; A:B from A to B) in order:\n"
               "                                         upgrade, downgrade, compare the schema with the one\n"
               "                                         before, upgrade again. Exit 1 names the revision and\n"
               "                                         the difference\n"
               "  drift [--url URL] [--scratch-url URL]  the database's schema against the one its version rows\n"
               "                                         give (replayed on a scratch database); exit 1 lists\n"
               "                                         the differences\n"
               "      --scratch-url URL                  make the scratch database on this server (created and\n"
               "                                         dropped) instead of a private PostgreSQL cluster of the\n"
               "                                         target's major version started from this machine's\n"
               "                                         server binaries (a unix socket only, removed afterwards)\n"
               "  journal                                the database's run history (--url, DATABASE_URL or\n"
               "                                         sqlalchemy.url), newest first: this machine's journal\n"
               "                                         and the database's retort.journal when it has one\n"
               "  verify                                 exit 1 naming each revision applied there (per the\n"
               "                                         journal) whose upgrade()/downgrade() changed since,\n"
               "                                         with the diff when the journal kept the old text\n"
               "  revision [-m MSG] [--head H] [--splice] [--branch-label L] [--depends-on R]...\n"
               "           [--rev-id ID] [--version-path P]\n"
               "                                         write a new revision file as alembic does (the\n"
               "                                         project's script.py.mako, file_template,\n"
               "                                         truncate_slug_length, timezone)\n"
               "  merge [-m MSG] [--branch-label L] [--rev-id ID] REVS...\n"
               "                                         write a merge revision of REVS (e.g. heads)\n"
               "\n"
               "options:\n"
               "  -h, --help            show this help and exit\n"
               "  --version             show Retort's version and exit\n"
               "  -c, --config CONFIG   alembic config file (default: $ALEMBIC_CONFIG or alembic.ini); give it twice\n"
               "                        for an ini and a pyproject.toml ([tool.alembic], read after the ini;\n"
               "                        default ./pyproject.toml)\n"
               "  -n, --name NAME       section of the config file (default: alembic)\n"
               "  -x X                  additional arguments for env.py (key=value)\n"
               "  --raiseerr            accepted for compatibility with alembic\n"
               "  --url URL             database URL (overrides sqlalchemy.url and DATABASE_URL); a password\n"
               "                        in it is masked in the process list once read, but other users can\n"
               "                        see it until then: PGPASSFILE (~/.pgpass) or the prompt is better\n"
               "\n")
           + reproducedVersionsText();
}

namespace {

// alembic ≥1.16's CommandLine: each -c whose file name is pyproject.toml is
// the TOML, any other the ini; what is not given comes from ALEMBIC_CONFIG
// (by the same test on its name) or the current directory.
void sortConfigFiles(const QStringList &configs, CliArgs &a)
{
    const QString fromEnv = QProcessEnvironment::systemEnvironment().value(QStringLiteral("ALEMBIC_CONFIG"));
    const auto isToml = [](const QString &path) {
        return QFileInfo(path).fileName() == QLatin1String("pyproject.toml");
    };
    a.config = QStringLiteral("alembic.ini");
    a.toml = QStringLiteral("pyproject.toml");
    if (!fromEnv.isEmpty())
        (isToml(fromEnv) ? a.toml : a.config) = fromEnv;
    bool ini = false;
    bool toml = false;
    for (const QString &c : configs) {
        bool &seen = isToml(c) ? toml : ini;
        if (seen && a.configError.isEmpty())
            a.configError = isToml(c) ? QStringLiteral("pyproject.toml indicated more than once")
                                      : QStringLiteral("only one ini file may be indicated");
        seen = true;
        (isToml(c) ? a.toml : a.config) = c;
    }
}

} // namespace

ParseResult parseArgs(const QStringList &arguments)
{
    CliArgs a;
    QStringList configs;  // every -c, sorted into the ini and pyproject.toml afterwards
    auto takeValue = [&](int &i, const QString &opt, QString *into) -> QString {
        const QString arg = arguments[i];
        const int eq = arg.indexOf(QLatin1Char('='));
        if (arg.startsWith(QLatin1String("--")) && eq > 0) {
            *into = arg.mid(eq + 1);
            return {};
        }
        if (!arg.startsWith(QLatin1String("--")) && arg.size() > 2) {
            // argparse splits "-r=VALUE" at the "=" when "-r" is the option
            *into = arg.mid(arg.at(2) == QLatin1Char('=') ? 3 : 2);
            return {};
        }
        // argparse takes "-x..." for an option unless it looks like a negative number
        static const QRegularExpression negative(QStringLiteral("^-\\d+$|^-\\d*\\.\\d+$"));
        if (i + 1 >= arguments.size()
            || (arguments[i + 1].startsWith(QLatin1Char('-')) && arguments[i + 1].size() > 1
                && !negative.match(arguments[i + 1]).hasMatch()))
            return QStringLiteral("argument %1: expected one argument").arg(opt);
        *into = arguments[++i];
        return {};
    };

    // Retort's additions to alembic's options: a revision reading sys.argv
    // sees the command line alembic would have had
    static const QStringList retortOnly = {
        QStringLiteral("--url"), QStringLiteral("--scratch-url"), QStringLiteral("--engine"),
        QStringLiteral("--python"), QStringLiteral("--format"), QStringLiteral("--fail-on"),
        QStringLiteral("--lock-timeout"), QStringLiteral("--statement-timeout"), QStringLiteral("--no-wait"),
        QStringLiteral("--journal-table"), QStringLiteral("--recreate"), QStringLiteral("--finish-swap"),
        QStringLiteral("--to"), QStringLiteral("--disconnect-others"), QStringLiteral("--from"),
        QStringLiteral("--force"), QStringLiteral("--rehearse")};
    for (int i = 0; i < arguments.size(); ++i) {
        const QString arg = arguments[i];
        QString err;
        const QString key = arg.section(QLatin1Char('='), 0, 0);
        const int first = i;
        const auto keepForAlembic = qScopeGuard([&] {
            if (!retortOnly.contains(key))
                a.alembicArgv += arguments.mid(first, i - first + 1);
        });
        if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            a.help = true;
        } else if (arg == QLatin1String("--version")) {
            a.version = true;
        } else if (arg.startsWith(QLatin1String("-c")) && !arg.startsWith(QLatin1String("--")) ) {
            err = takeValue(i, QStringLiteral("-c/--config"), &configs.emplace_back());
        } else if (key == QLatin1String("--config")) {
            err = takeValue(i, QStringLiteral("-c/--config"), &configs.emplace_back());
        } else if ((arg.startsWith(QLatin1String("-n")) && !arg.startsWith(QLatin1String("--")))
                   || key == QLatin1String("--name")) {
            err = takeValue(i, QStringLiteral("-n/--name"), &a.name);
        } else if (arg.startsWith(QLatin1String("-x")) && !arg.startsWith(QLatin1String("--"))) {
            QString v;
            err = takeValue(i, QStringLiteral("-x"), &v);
            a.x << v;
        } else if (arg == QLatin1String("--raiseerr")) {
            a.raiseErr = true;
        } else if (key == QLatin1String("--url")) {
            err = takeValue(i, QStringLiteral("--url"), &a.url);
        } else if (key == QLatin1String("--scratch-url")) {
            err = takeValue(i, QStringLiteral("--scratch-url"), &a.scratchUrl);
        } else if (!a.command.isEmpty() && (arg == QLatin1String("-v") || arg == QLatin1String("--verbose"))) {
            a.verbose = true;
        } else if (!a.command.isEmpty() && arg == QLatin1String("--resolve-dependencies")) {
            a.resolveDependencies = true;
        } else if (!a.command.isEmpty()
                   && (arg == QLatin1String("-i") || arg == QLatin1String("--indicate-current"))) {
            a.indicateCurrent = true;
        } else if (!a.command.isEmpty() && arg == QLatin1String("--sql")) {
            a.sql = true;
        } else if ((a.command == QLatin1String("upgrade") || a.command == QLatin1String("downgrade"))
                   && arg == QLatin1String("--rehearse")) {
            a.rehearse = true;
        } else if (!a.command.isEmpty() && key == QLatin1String("--engine")) {
            err = takeValue(i, QStringLiteral("--engine"), &a.engine);
            if (err.isEmpty() && a.engine != QLatin1String("auto") && a.engine != QLatin1String("native")
                && a.engine != QLatin1String("python"))
                err = QStringLiteral("argument --engine: invalid choice: '%1' (choose from 'auto', 'native', 'python')")
                          .arg(a.engine);
        } else if (key == QLatin1String("--python")) {
            err = takeValue(i, QStringLiteral("--python"), &a.python);
        } else if (a.command == QLatin1String("engines") && key == QLatin1String("--format")) {
            err = takeValue(i, QStringLiteral("--format"), &a.format);
            if (err.isEmpty() && a.format != QLatin1String("text") && a.format != QLatin1String("json"))
                err = QStringLiteral("argument --format: invalid choice: '%1' (choose from 'text', 'json')").arg(a.format);
        } else if (a.command == QLatin1String("lint") && key == QLatin1String("--format")) {
            err = takeValue(i, QStringLiteral("--format"), &a.format);
            if (err.isEmpty() && a.format != QLatin1String("text") && a.format != QLatin1String("json")
                && a.format != QLatin1String("sarif"))
                err = QStringLiteral("argument --format: invalid choice: '%1' (choose from 'text', 'json', 'sarif')").arg(a.format);
        } else if (a.command == QLatin1String("lint") && key == QLatin1String("--fail-on")) {
            err = takeValue(i, QStringLiteral("--fail-on"), &a.failOn);
            if (err.isEmpty() && a.failOn != QLatin1String("warning") && a.failOn != QLatin1String("error"))
                err = QStringLiteral("argument --fail-on: invalid choice: '%1' (choose from 'warning', 'error')").arg(a.failOn);
        } else if (!a.command.isEmpty() && (key == QLatin1String("--lock-timeout")
                                            || key == QLatin1String("--statement-timeout"))) {
            QString *into = key == QLatin1String("--lock-timeout") ? &a.lockTimeout : &a.statementTimeout;
            err = takeValue(i, key, into);
            bool number = false;
            const int ms = into->toInt(&number);
            if (err.isEmpty() && (!number || ms < 0))
                err = QStringLiteral("argument %1: invalid int value: '%2'").arg(key, *into);
        } else if (!a.command.isEmpty() && arg == QLatin1String("--no-wait")) {
            a.noWait = true;
        } else if (!a.command.isEmpty() && arg == QLatin1String("--journal-table")) {
            a.journalTable = true;
        } else if (a.command == QLatin1String("reset-local") && arg == QLatin1String("--recreate")) {
            a.recreate = true;
        } else if (a.command == QLatin1String("reset-local") && arg == QLatin1String("--finish-swap")) {
            a.finishSwap = true;
        } else if (a.command == QLatin1String("reset-local") && key == QLatin1String("--to")) {
            err = takeValue(i, QStringLiteral("--to"), &a.resetTo);
        } else if ((a.command == QLatin1String("reset-local") || a.command == QLatin1String("restore"))
                   && arg == QLatin1String("--disconnect-others")) {
            a.disconnectOthers = true;
        } else if (a.command == QLatin1String("restore") && key == QLatin1String("--from")) {
            err = takeValue(i, QStringLiteral("--from"), &a.restoreFrom);
        } else if ((a.command == QLatin1String("reset-local") || a.command == QLatin1String("restore"))
                   && key == QLatin1String("--force")) {
            // the name, not a flag: a habit of typing --force must not reset
            // whatever database a URL or PGHOST happens to reach
            if (!arg.contains(QLatin1Char('=')) || arg.section(QLatin1Char('='), 1).isEmpty())
                err = QStringLiteral("argument --force: expected the name of the database to reset (--force=NAME)");
            else
                a.forceDatabase = arg.section(QLatin1Char('='), 1);
        } else if (!a.command.isEmpty() && arg == QLatin1String("--purge")) {
            a.purge = true;
        } else if (!a.command.isEmpty() && key == QLatin1String("--tag")) {
            err = takeValue(i, QStringLiteral("--tag"), &a.tag);
        } else if (!a.command.isEmpty()
                   && ((arg.startsWith(QLatin1String("-r")) && !arg.startsWith(QLatin1String("--")))
                       || key == QLatin1String("--rev-range"))) {
            err = takeValue(i, QStringLiteral("-r/--rev-range"), &a.revRange);
            a.hasRevRange = true;
        } else if (takeAuthoringOption(a.command, arg, a.authoring,
                                       [&](const QString &opt, QString *into) { return takeValue(i, opt, into); },
                                       &err)) {
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1
                   && !(a.command == QLatin1String("downgrade") || a.command == QLatin1String("upgrade")
                        || a.command == QLatin1String("show") || a.command == QLatin1String("stamp"))) {
            err = QStringLiteral("unrecognized arguments: %1").arg(arg);
        } else if (a.command.isEmpty()) {
            if (!kCommands.contains(arg))
                err = QStringLiteral("argument {%1}: invalid choice: '%2'")
                          .arg(QStringList(kCommands).join(QLatin1Char(',')), arg);
            a.command = arg;
        } else {
            a.positionals << arg;
        }
        if (!err.isEmpty())
            return {std::nullopt, err};
    }
    sortConfigFiles(configs, a);
    return {a, {}};
}

bool isCommandWord(const QString &word)
{
    return kCommands.contains(word);
}

} // namespace retort::cli

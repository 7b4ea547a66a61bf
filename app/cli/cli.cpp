#include "cli.h"

#include "cliargs.h"
#include "commands.h"
#include "db/savedconnections.h"
#include "streamwrite.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>

#include <cstdio>
#include <cstring>

#include <sys/ioctl.h>
#include <unistd.h>

namespace retort::cli {

namespace {

QStringList toArguments(int argc, char *argv[])
{
    QStringList out;
    for (int i = 1; i < argc; ++i)
        out << QString::fromLocal8Bit(argv[i]);
    return out;
}

void write(FILE *stream, const QByteArray &bytes)
{
    writeFully(stream, bytes, nullptr);
}

// alembic wraps its messages to the terminal width when stdin is a terminal.
QByteArray wrapForTerminal(const QByteArray &out)
{
    winsize ws{};
    if (::ioctl(0, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0)
        return out;
    const int width = ws.ws_col;
    QByteArray wrapped;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.startsWith("FAILED: ")) {
            wrapped += line + '\n';
            continue;
        }
        QByteArray current;
        for (const QByteArray &word : line.split(' ')) {
            if (!current.isEmpty() && current.size() + 1 + word.size() > width) {
                wrapped += "  " + current + '\n';
                current.clear();
            }
            current += (current.isEmpty() ? QByteArray() : QByteArray(" ")) + word;
        }
        wrapped += "  " + current + '\n';
    }
    wrapped.chop(1);
    return wrapped;
}

// Masks the password of every --url value in our own argument memory, which
// /proc/PID/cmdline and ps show to every user, once it has been parsed (as
// database clients do). It was visible until then: --help says what is better.
void hideUrlPasswords(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        char *value = nullptr;
        if (std::strcmp(argv[i], "--url") == 0 && i + 1 < argc)
            value = argv[++i];
        else if (std::strncmp(argv[i], "--url=", 6) == 0)
            value = argv[i] + 6;
        if (!value)
            continue;
        const QByteArray masked = maskUrlPassword(QString::fromLocal8Bit(value)).toLocal8Bit();
        const size_t room = std::strlen(value);
        if (size_t(masked.size()) <= room) {
            std::memcpy(value, masked.constData(), size_t(masked.size()));
            std::memset(value + masked.size(), 'x', room - size_t(masked.size()));
        }
    }
}

} // namespace

bool wantsCli(int argc, char *argv[])
{
    const QStringList args = toArguments(argc, argv);
    if (args.isEmpty())
        return false;
    // The window takes a project path and Qt's own options: alembic's words
    // and options (-c, -n, -x, --url, ...) mean the command line, even next
    // to a word it does not know (a usage error then, as alembic's), and even
    // when the current folder holds a file of that name: `retort history >
    // history` makes ./history before retort starts (./history opens it).
    static const QStringList cliOptions = {QStringLiteral("-c"), QStringLiteral("--config"), QStringLiteral("-n"),
                                           QStringLiteral("--name"), QStringLiteral("-x"), QStringLiteral("--url"),
                                           QStringLiteral("--raiseerr")};
    for (const QString &a : args)
        if (isCommandWord(a) || a == QLatin1String("-h") || a == QLatin1String("--help")
            || a == QLatin1String("--version") || cliOptions.contains(a.section(QLatin1Char('='), 0, 0)))
            return true;
    // A lone word that is no path on disk and not shaped like one (a folder
    // separator, an .ini) is a mistyped command: alembic's usage error, not
    // a window (which a server without a display cannot even show).
    const QString &only = args.front();
    return args.size() == 1 && !only.startsWith(QLatin1Char('-')) && !QFileInfo::exists(only)
           && !only.contains(QLatin1Char('/')) && !only.endsWith(QLatin1String(".ini"));
}

int run(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("retort"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION));

    const ParseResult parsed = parseArgs(toArguments(argc, argv));
    hideUrlPasswords(argc, argv);
    if (!parsed.args) {
        write(stderr, (usageText() + QStringLiteral("retort: error: ") + parsed.error + QLatin1Char('\n')).toUtf8());
        return 2;
    }
    const CliArgs &args = *parsed.args;
    if (args.help) {
        write(stdout, helpText().toUtf8());
        return 0;
    }
    if (args.version) {
        write(stdout, QByteArrayLiteral("retort " RETORT_VERSION "\n"));
        return 0;
    }
    if (args.command.isEmpty()) {
        write(stderr, (usageText() + QStringLiteral("retort: error: too few arguments\n")).toUtf8());
        return 2;
    }
    const Outcome outcome = runCommand(args, stdout);
    QString outputError = outcome.outputError;
    if (outputError.isEmpty())
        writeFully(stdout, outcome.exitCode != 0 ? wrapForTerminal(outcome.out) : outcome.out, &outputError);
    write(stderr, outcome.err);
    if (outputError.isEmpty())
        return outcome.exitCode;
    // a text cut short is never a success
    write(stderr, "retort: the output could not be written: " + outputError.toUtf8() + '\n');
    return outcome.exitCode != 0 ? outcome.exitCode : 1;
}

} // namespace retort::cli

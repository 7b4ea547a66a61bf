#include "db/pgpassfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace retort {

namespace {

// One ':'-separated field of a pgpass line, '\' escaping the next character;
// `wildcard` when it is a bare '*'. Returns false when the line ends before
// the field does.
bool nextField(const QString &line, int &at, QString &field, bool &wildcard)
{
    field.clear();
    wildcard = line.mid(at, 2) == QLatin1String("*:");
    while (at < line.size()) {
        const QChar c = line.at(at++);
        if (c == QLatin1Char(':'))
            return true;
        if (c == QLatin1Char('\\') && at < line.size())
            field += line.at(at++);
        else
            field += c;
    }
    return false;
}

QString osUser()
{
    if (const passwd *pw = getpwuid(geteuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return QString();
}

} // namespace

QString PassFileEntry::describe() const
{
    if (!matches())
        return QString();
    QString shown = file;
    const QString home = QDir::homePath();
    if (shown.startsWith(home + QLatin1Char('/')))
        shown = QStringLiteral("~") + shown.mid(home.size());
    return QStringLiteral("password from %1 (line %2)").arg(shown).arg(line);
}

PassFileEntry PassFileEntry::find(const ConnectionSettings &s, const QProcessEnvironment &env)
{
    PassFileEntry entry;
    entry.file = s.queryValue(QStringLiteral("passfile"));
    if (entry.file.isEmpty())
        entry.file = env.value(QStringLiteral("PGPASSFILE"));
    if (entry.file.isEmpty()) {
        const QString home = env.value(QStringLiteral("HOME"), QDir::homePath());
        entry.file = home + QStringLiteral("/.pgpass");
    }

    struct stat st {};
    if (::stat(QFile::encodeName(entry.file).constData(), &st) != 0)
        return entry;
    if (!S_ISREG(st.st_mode)) {
        entry.problem = QStringLiteral("%1 is not a plain file: libpq ignores it").arg(entry.file);
        return entry;
    }
    if (st.st_mode & (S_IRWXG | S_IRWXO)) {
        entry.problem = QStringLiteral("%1 can be read by group or others: libpq ignores it (chmod 0600)")
                            .arg(entry.file);
        return entry;
    }

    QString host = s.host.isEmpty() ? env.value(QStringLiteral("PGHOST")) : s.host;
    if (host.isEmpty() || host == QLatin1String("/var/run/postgresql"))
        host = QStringLiteral("localhost");
    QString port = s.port > 0 ? QString::number(s.port) : env.value(QStringLiteral("PGPORT"));
    if (port.isEmpty())
        port = QStringLiteral("5432");
    QString user = s.user.isEmpty() ? env.value(QStringLiteral("PGUSER")) : s.user;
    if (user.isEmpty())
        user = osUser();
    QString database = s.database.isEmpty() ? env.value(QStringLiteral("PGDATABASE")) : s.database;
    if (database.isEmpty())
        database = user;
    const QString wanted[] = {host, port, database, user};

    QFile f(entry.file);
    if (!f.open(QIODevice::ReadOnly))
        return entry;
    int number = 0;
    while (!f.atEnd()) {
        ++number;
        QString line = QString::fromUtf8(f.readLine());
        while (line.endsWith(QLatin1Char('\n')) || line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        int at = 0;
        bool matched = true;
        for (const QString &want : wanted) {
            QString field;
            bool wildcard = false;
            const bool more = nextField(line, at, field, wildcard);
            if (!more || (!wildcard && field != want)) {
                matched = false;
                break;
            }
        }
        if (matched) {
            entry.line = number;
            return entry;
        }
    }
    return entry;
}

} // namespace retort

#include "pginstallation.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>

#include <algorithm>

namespace retort {

namespace {

bool hasServer(const QString &binDir)
{
    return QFileInfo(binDir + QStringLiteral("/initdb")).isExecutable()
           && QFileInfo(binDir + QStringLiteral("/postgres")).isExecutable();
}

// The major a binary directory holds, from `postgres --version`
// ("postgres (PostgreSQL) 15.8 (Debian 15.8-0+deb12u1)"); 0 when unknown.
int majorOfBinDir(const QString &binDir)
{
    QProcess p;
    p.start(binDir + QStringLiteral("/postgres"), {QStringLiteral("--version")});
    if (!p.waitForFinished(10000))
        return 0;
    static const QRegularExpression version(QStringLiteral("\\(PostgreSQL\\) (\\d+)"));
    const QRegularExpressionMatch m = version.match(QString::fromUtf8(p.readAllStandardOutput()));
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

} // namespace

int majorFromVersionNum(int versionNum)
{
    return versionNum >= 100000 ? versionNum / 10000 : versionNum / 100;
}

QVector<PgInstallation> installedServers()
{
    QVector<PgInstallation> found;
    const QString forced = qEnvironmentVariable("RETORT_PG_BINDIR");
    if (!forced.isEmpty()) {
        if (hasServer(forced))
            found.append({majorOfBinDir(forced), forced});
        return found;
    }
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    for (const QString &name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool number = false;
        const int major = name.toInt(&number);
        const QString bin = root.filePath(name) + QStringLiteral("/bin");
        if (number && hasServer(bin))
            found.append({major, bin});
    }
    std::sort(found.begin(), found.end(),
              [](const PgInstallation &a, const PgInstallation &b) { return a.major < b.major; });
    return found;
}

Result<PgInstallation> chooseServer(int wantedMajor, const QString &targetDescription, QString *note)
{
    const QVector<PgInstallation> all = installedServers();
    if (all.isEmpty())
        return Error(Error::Kind::Config,
                     qEnvironmentVariableIsSet("RETORT_PG_BINDIR")
                         ? QStringLiteral("RETORT_PG_BINDIR (%1) holds no initdb and postgres")
                               .arg(qEnvironmentVariable("RETORT_PG_BINDIR"))
                         : QStringLiteral("no PostgreSQL server is installed here (/usr/lib/postgresql/*/bin): "
                                          "install the postgresql package, or give --scratch-url"));
    for (const PgInstallation &i : all)
        if (wantedMajor > 0 && i.major == wantedMajor) {
            *note = QStringLiteral("private PostgreSQL %1 cluster, the major version of %2")
                        .arg(i.major)
                        .arg(targetDescription);
            return i;
        }
    const PgInstallation &newest = all.last();
    if (wantedMajor > 0)
        *note = QStringLiteral("private PostgreSQL %1 cluster, but %2 runs PostgreSQL %3, which is not installed "
                               "here: results may differ where the versions do (install PostgreSQL %3's server, "
                               "or give --scratch-url)")
                    .arg(newest.major)
                    .arg(targetDescription)
                    .arg(wantedMajor);
    else
        *note = QStringLiteral("private PostgreSQL %1 cluster (the newest installed); %2")
                    .arg(newest.major)
                    .arg(targetDescription);
    return newest;
}

} // namespace retort

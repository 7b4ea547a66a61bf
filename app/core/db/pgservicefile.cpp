#include "db/pgservicefile.h"

#include <QDir>
#include <QFile>

namespace retort {

PgServiceFile::PgServiceFile(const QProcessEnvironment &env)
{
    QString user = env.value(QStringLiteral("PGSERVICEFILE"));
    if (user.isEmpty())
        user = env.value(QStringLiteral("HOME"), QDir::homePath()) + QStringLiteral("/.pg_service.conf");
    QString system = env.value(QStringLiteral("PGSYSCONFDIR"));
    if (system.isEmpty())
        system = QStringLiteral("/etc/postgresql-common");
    m_files = {user, system + QStringLiteral("/pg_service.conf")};

    for (const QString &path : std::as_const(m_files)) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        while (!f.atEnd()) {
            const QString line = QString::fromUtf8(f.readLine()).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
                m_sections.append({line.mid(1, line.size() - 2), path, {}});
                continue;
            }
            const int eq = int(line.indexOf(QLatin1Char('=')));
            if (eq <= 0 || m_sections.isEmpty())
                continue;
            const QString key = line.left(eq).trimmed();
            if (key != QLatin1String("password"))
                m_sections.last().keywords.append({key, line.mid(eq + 1).trimmed()});
        }
    }
}

QStringList PgServiceFile::names() const
{
    QStringList out;
    for (const Section &s : m_sections)
        if (!out.contains(s.name))
            out << s.name;
    return out;
}

QList<QPair<QString, QString>> PgServiceFile::keywords(const QString &service, QString *file) const
{
    for (const Section &s : m_sections) {
        if (s.name == service) {
            if (file)
                *file = s.file;
            return s.keywords;
        }
    }
    return {};
}

} // namespace retort

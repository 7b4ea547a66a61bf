#include "db/savedconnections.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSettings>

namespace retort {

QString stripUrlPassword(const QString &url, bool *hadPassword)
{
    bool had = false;
    QString out = url;
    // SQLAlchemy's URL pattern: name://[user[:password]@]host...; the user
    // stops at ':' or '/', the password runs to the first '@'.
    const int scheme = int(out.indexOf(QLatin1String("://")));
    if (scheme >= 0) {
        const int userStart = scheme + 3;
        int i = userStart;
        while (i < out.size() && out.at(i) != QLatin1Char(':') && out.at(i) != QLatin1Char('/')
               && out.at(i) != QLatin1Char('@'))
            ++i;
        if (i < out.size() && out.at(i) == QLatin1Char(':')) {
            const int at = int(out.indexOf(QLatin1Char('@'), i));
            if (at > i) {
                had = had || at > i + 1;
                out.remove(i, at - i);  // keeps "user@"
            }
        }
    }
    const int question = int(out.indexOf(QLatin1Char('?')));
    if (question >= 0) {
        QStringList kept;
        const QStringList parts = out.mid(question + 1).split(QLatin1Char('&'));
        for (const QString &part : parts) {
            if (part.section(QLatin1Char('='), 0, 0) == QLatin1String("password")) {
                had = true;
                continue;
            }
            kept << part;
        }
        out = out.left(question) + (kept.isEmpty() ? QString() : QLatin1Char('?') + kept.join(QLatin1Char('&')));
    }
    if (hadPassword)
        *hadPassword = had;
    return out;
}

namespace {

QString canonical(const QString &path)
{
    const QFileInfo info(path);
    const QString c = info.canonicalFilePath();
    return c.isEmpty() ? info.absoluteFilePath() : c;
}

QString group(const QString &projectKey)
{
    return QStringLiteral("projects/") + projectKey;
}

} // namespace

QString SavedConnections::projectKey(const QString &iniPath, const QString &scriptDirectory)
{
    // A hash: paths hold characters QSettings keys cannot ('/', '\\').
    const QByteArray identity = (canonical(iniPath) + QLatin1Char('\n') + canonical(scriptDirectory)).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(identity, QCryptographicHash::Sha1).toHex().left(20));
}

QString SavedConnections::active(QSettings &settings, const QString &projectKey)
{
    return settings.value(group(projectKey) + QStringLiteral("/active")).toString();
}

void SavedConnections::setActive(QSettings &settings, const QString &projectKey, const QString &name)
{
    settings.setValue(group(projectKey) + QStringLiteral("/active"), name);
    settings.sync();
}

QVector<SavedConnection> SavedConnections::load(QSettings &settings, const QString &projectKey)
{
    QVector<SavedConnection> out;
    settings.beginGroup(group(projectKey));
    const int n = settings.beginReadArray(QStringLiteral("connections"));
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        SavedConnection c;
        c.name = settings.value(QStringLiteral("name")).toString();
        c.url = stripUrlPassword(settings.value(QStringLiteral("url")).toString());
        c.color = settings.value(QStringLiteral("color")).toString();
        if (!c.color.startsWith(QLatin1Char('#')))
            c.color = defaultColor(i);
        if (!c.name.isEmpty() && !c.url.isEmpty())
            out.append(c);
    }
    settings.endArray();
    settings.endGroup();
    return out;
}

void SavedConnections::save(QSettings &settings, const QString &projectKey,
                            const QVector<SavedConnection> &connections)
{
    settings.beginGroup(group(projectKey));
    settings.remove(QStringLiteral("connections"));
    settings.beginWriteArray(QStringLiteral("connections"), int(connections.size()));
    for (int i = 0; i < connections.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), connections[i].name);
        settings.setValue(QStringLiteral("url"), stripUrlPassword(connections[i].url));
        settings.setValue(QStringLiteral("color"), connections[i].color);
    }
    settings.endArray();
    settings.endGroup();
    settings.sync();
}

QString SavedConnections::defaultColor(int index)
{
    static const char *const colors[] = {"#2da44e", "#d4a72c", "#cf222e", "#8250df", "#0969da", "#bc4c00"};
    return QString::fromLatin1(colors[size_t(index) % (sizeof colors / sizeof colors[0])]);
}

} // namespace retort

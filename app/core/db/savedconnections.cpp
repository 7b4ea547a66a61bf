#include "db/savedconnections.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSettings>
#include <QUrl>

#include <utility>

namespace retort {

namespace {

// The password of "name://user:password@...": its first character and
// length, or -1. SQLAlchemy's URL pattern: the user stops at ':' or '/', the
// password runs to the first '@'.
std::pair<int, int> userinfoPassword(const QString &url)
{
    const int scheme = int(url.indexOf(QLatin1String("://")));
    if (scheme < 0)
        return {-1, 0};
    int i = scheme + 3;
    while (i < url.size() && url.at(i) != QLatin1Char(':') && url.at(i) != QLatin1Char('/')
           && url.at(i) != QLatin1Char('@'))
        ++i;
    if (i >= url.size() || url.at(i) != QLatin1Char(':'))
        return {-1, 0};
    const int at = int(url.indexOf(QLatin1Char('@'), i));
    return at > i ? std::pair<int, int>{i + 1, at - i - 1} : std::pair<int, int>{-1, 0};
}

// A query part "password=..." with the key as urllib's parse_qsl decodes it:
// "pass%77ord" is the same parameter to SQLAlchemy.
bool isPasswordPart(const QString &part)
{
    QString key = part.section(QLatin1Char('='), 0, 0);
    key.replace(QLatin1Char('+'), QLatin1Char(' '));
    return QUrl::fromPercentEncoding(key.toUtf8()) == QLatin1String("password");
}

} // namespace

QString stripUrlPassword(const QString &url, bool *hadPassword)
{
    bool had = false;
    QString out = url;
    if (const auto [start, length] = userinfoPassword(out); start >= 0) {
        had = length > 0;
        out.remove(start - 1, length + 1);  // keeps "user@"
    }
    const int question = int(out.indexOf(QLatin1Char('?')));
    if (question >= 0) {
        QStringList kept;
        const QStringList parts = out.mid(question + 1).split(QLatin1Char('&'));
        for (const QString &part : parts) {
            if (isPasswordPart(part)) {
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

QString maskUrlPassword(const QString &url)
{
    QString out = url;
    if (const auto [start, length] = userinfoPassword(out); start >= 0)
        out.replace(start, length, QString(length, QLatin1Char('x')));
    const int question = int(out.indexOf(QLatin1Char('?')));
    if (question < 0)
        return out;
    int at = question + 1;
    for (const QString &part : out.mid(question + 1).split(QLatin1Char('&'))) {
        const int eq = int(part.indexOf(QLatin1Char('=')));
        if (eq >= 0 && isPasswordPart(part))
            out.replace(at + eq + 1, part.size() - eq - 1, QString(part.size() - eq - 1, QLatin1Char('x')));
        at += int(part.size()) + 1;
    }
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
        c.journalInDatabase = settings.value(QStringLiteral("journalInDatabase"), false).toBool();
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
        settings.setValue(QStringLiteral("journalInDatabase"), connections[i].journalInDatabase);
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

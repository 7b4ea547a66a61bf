#include "db/savedconnections.h"


#include <QCryptographicHash>
#include <QFileInfo>
#include <QSettings>
#include <QUrl>

#include <algorithm>
#include <cmath>
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
            c.color = defaultColor(out);
        c.journalInDatabase = settings.value(QStringLiteral("journalInDatabase"), false).toBool();
        c.kind = environmentKindFromName(settings.value(QStringLiteral("kind")).toString(),
                                         EnvironmentKind::Development);
        c.passwordInKeyring = settings.value(QStringLiteral("passwordInKeyring"), false).toBool();
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
        settings.setValue(QStringLiteral("kind"), environmentKindName(connections[i].kind));
        settings.setValue(QStringLiteral("passwordInKeyring"), connections[i].passwordInKeyring);
    }
    settings.endArray();
    settings.endGroup();
    settings.sync();
}

namespace {

// "#rrggbb" of a colour given as hue (degrees), saturation and lightness (0..1).
QString hslName(double hue, double saturation, double lightness)
{
    const double c = (1 - std::fabs(2 * lightness - 1)) * saturation;
    const double h = hue / 60.0;
    const double x = c * (1 - std::fabs(std::fmod(h, 2.0) - 1));
    double r = 0, g = 0, b = 0;
    switch (int(h) % 6) {
    case 0: r = c, g = x; break;
    case 1: r = x, g = c; break;
    case 2: g = c, b = x; break;
    case 3: g = x, b = c; break;
    case 4: r = x, b = c; break;
    default: r = c, b = x; break;
    }
    const double m = lightness - c / 2;
    const auto byte = [m](double v) { return int(std::lround((v + m) * 255)); };
    return QStringLiteral("#%1%2%3")
        .arg(byte(r), 2, 16, QLatin1Char('0'))
        .arg(byte(g), 2, 16, QLatin1Char('0'))
        .arg(byte(b), 2, 16, QLatin1Char('0'));
}

} // namespace

QString SavedConnections::defaultColor(const QVector<SavedConnection> &others)
{
    // No green (the head pill is green) and no red (errors and destructive
    // statements are): a marker must never read as either.
    static const char *const palette[] = {"#0969da", "#8250df", "#b35900", "#bf3989",
                                          "#1b7c83", "#9a6700", "#4f5bd5", "#6e7781"};
    const auto isTaken = [&others](const QString &name) {
        return std::any_of(others.cbegin(), others.cend(),
                           [&name](const SavedConnection &c) { return c.color.compare(name, Qt::CaseInsensitive) == 0; });
    };
    for (const char *name : palette)
        if (!isTaken(QLatin1String(name)))
            return QString::fromLatin1(name);
    // Past the palette: hues spread by the golden angle, outside the greens
    // and the reds, dark enough for white text.
    for (int i = 0;; ++i) {
        const double hue = std::fmod(20 + i * 137.508, 360.0);
        if (hue < 25 || hue > 335 || (hue > 85 && hue < 165))
            continue;
        const QString name = hslName(hue, 0.55 + (i % 4) * 0.1, 0.32 + (i % 3) * 0.05);
        if (!isTaken(name))
            return name;
    }
}

} // namespace retort

#include "db/savedconnections.h"

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

QVector<SavedConnection> SavedConnections::load(QSettings &settings)
{
    QVector<SavedConnection> out;
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
    return out;
}

void SavedConnections::save(QSettings &settings, const QVector<SavedConnection> &connections)
{
    settings.remove(QStringLiteral("connections"));
    settings.beginWriteArray(QStringLiteral("connections"), int(connections.size()));
    for (int i = 0; i < connections.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), connections[i].name);
        settings.setValue(QStringLiteral("url"), stripUrlPassword(connections[i].url));
        settings.setValue(QStringLiteral("color"), connections[i].color);
    }
    settings.endArray();
    settings.sync();
}

QString SavedConnections::defaultColor(int index)
{
    static const char *const colors[] = {"#2da44e", "#d4a72c", "#cf222e", "#8250df", "#0969da", "#bc4c00"};
    return QString::fromLatin1(colors[size_t(index) % (sizeof colors / sizeof colors[0])]);
}

} // namespace retort

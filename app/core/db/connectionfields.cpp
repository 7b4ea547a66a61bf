#include "db/connectionfields.h"

#include "db/connectionsettings.h"

#include <QRegularExpression>
#include <QUrl>

namespace retort {

namespace {

// Everything but RFC 3986's unreserved characters is escaped: SQLAlchemy
// unquotes the user, the host and the database, so any escape reads back.
QString encoded(const QString &text, const QByteArray &alsoSafe = QByteArray())
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text, alsoSafe));
}

// What parse_qsl reads back unchanged; '/' ':' '@' ',' stay readable.
QString queryEncoded(const QString &text)
{
    return encoded(text, QByteArrayLiteral("/:@,"));
}

// A host SQLAlchemy's pattern reads from the authority as it is: a name or
// an IPv4 address. Anything else (a socket directory, several hosts) is
// given as ?host=, which libpq takes as written.
bool fitsAuthority(const QString &host)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9._-]+$"));
    return plain.match(host).hasMatch();
}

bool isIpv6(const QString &host)
{
    static const QRegularExpression ipv6(QStringLiteral("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]+)?$"));
    return ipv6.match(host).hasMatch();
}

} // namespace

const QStringList &ConnectionFields::sslModes()
{
    static const QStringList modes = {QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
                                      QStringLiteral("require"), QStringLiteral("verify-ca"),
                                      QStringLiteral("verify-full")};
    return modes;
}

Result<ConnectionFields> ConnectionFields::fromUrl(const QString &url, QString *password)
{
    Result<ConnectionSettings> parsed = ConnectionSettings::parse(url);
    if (!parsed)
        return parsed.error();
    const ConnectionSettings &s = parsed.value();
    ConnectionFields f;
    f.driver = s.drivername;
    f.host = s.host;
    f.port = s.port;
    f.database = s.database;
    f.user = s.user;
    for (const auto &kv : s.query) {
        if (ConnectionSettings::isTakenApart(kv.first))
            continue;
        if (kv.first == QLatin1String("sslmode"))
            f.sslmode = kv.second;
        else if (kv.first == QLatin1String("sslrootcert"))
            f.sslrootcert = kv.second;
        else if (kv.first == QLatin1String("service"))
            f.service = kv.second;
        else
            f.otherParameters.append(kv);
    }
    if (password && s.hasPassword)
        *password = s.password;
    return f;
}

QString ConnectionFields::toUrl() const
{
    QString url = (driver.isEmpty() ? QStringLiteral("postgresql") : driver) + QStringLiteral("://");
    if (!user.isEmpty())
        url += encoded(user) + QLatin1Char('@');
    const bool hostInQuery = !host.isEmpty() && !fitsAuthority(host) && !isIpv6(host);
    if (!hostInQuery && isIpv6(host))
        url += QLatin1Char('[') + host + QLatin1Char(']');
    else if (!hostInQuery)
        url += host;
    if (port > 0)
        url += QLatin1Char(':') + QString::number(port);
    if (!database.isEmpty())
        url += QLatin1Char('/') + encoded(database);

    QList<QPair<QString, QString>> query;
    if (hostInQuery)
        query.append({QStringLiteral("host"), host});
    if (!sslmode.isEmpty())
        query.append({QStringLiteral("sslmode"), sslmode});
    if (!sslrootcert.isEmpty())
        query.append({QStringLiteral("sslrootcert"), sslrootcert});
    if (!service.isEmpty())
        query.append({QStringLiteral("service"), service});
    for (const auto &kv : otherParameters)
        if (!kv.second.isEmpty())
            query.append(kv);
    QStringList parts;
    for (const auto &kv : std::as_const(query))
        parts << queryEncoded(kv.first) + QLatin1Char('=') + queryEncoded(kv.second);
    if (!parts.isEmpty())
        url += QLatin1Char('?') + parts.join(QLatin1Char('&'));
    return url;
}

QString ConnectionFields::otherParametersText() const
{
    QStringList parts;
    const auto escape = [](QString text) {
        text.replace(QLatin1Char('%'), QStringLiteral("%25"));
        return text.replace(QLatin1Char('&'), QStringLiteral("%26"));
    };
    for (const auto &kv : otherParameters)
        parts << escape(kv.first).replace(QLatin1Char('='), QStringLiteral("%3D")) + QLatin1Char('=')
                     + escape(kv.second);
    return parts.join(QLatin1Char('&'));
}

QList<QPair<QString, QString>> ConnectionFields::parseParameters(const QString &text)
{
    QList<QPair<QString, QString>> out;
    for (const QString &part : text.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const int eq = int(part.indexOf(QLatin1Char('=')));
        const QString key = QUrl::fromPercentEncoding((eq < 0 ? part : part.left(eq)).trimmed().toUtf8());
        const QString value = eq < 0 ? QString() : QUrl::fromPercentEncoding(part.mid(eq + 1).toUtf8());
        if (!key.isEmpty() && !value.isEmpty())
            out.append({key, value});
    }
    return out;
}

} // namespace retort

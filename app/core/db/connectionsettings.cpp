#include "connectionsettings.h"

#include "savedconnections.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace retort {

namespace {

// urllib.parse.unquote: %XX sequences as UTF-8, everything else as is.
QString unquote(const QString &text)
{
    if (!text.contains(QLatin1Char('%')))
        return text;
    return QUrl::fromPercentEncoding(text.toUtf8());
}

// urllib.parse.unquote_plus, for query keys and values.
QString unquotePlus(QString text)
{
    text.replace(QLatin1Char('+'), QLatin1Char(' '));
    return unquote(text);
}

// SQLAlchemy's _sqla_url_quote: only ':', '@' and '/' are escaped.
QString sqlaQuote(const QString &text)
{
    QString out;
    for (QChar c : text) {
        if (c == QLatin1Char(':') || c == QLatin1Char('@') || c == QLatin1Char('/'))
            out += QStringLiteral("%%1").arg(c.unicode(), 2, 16, QLatin1Char('0')).toUpper();
        else
            out += c;
    }
    return out;
}

// urllib.parse.quote_plus with its default safe set.
QString quotePlus(const QString &text)
{
    QByteArray enc = QUrl::toPercentEncoding(text, QByteArrayLiteral(" "), QByteArray());
    enc.replace(' ', '+');
    return QString::fromLatin1(enc);
}

} // namespace

QString urlSourceName(UrlSource source)
{
    switch (source) {
    case UrlSource::CommandLine:
        return QStringLiteral("--url");
    case UrlSource::Environment:
        return QStringLiteral("DATABASE_URL");
    case UrlSource::IniFile:
        return QStringLiteral("sqlalchemy.url");
    case UrlSource::None:
        break;
    }
    return QString();
}

const QStringList &ConnectionSettings::knownParameters()
{
    static const QStringList known = {
        QStringLiteral("sslmode"), QStringLiteral("sslcert"), QStringLiteral("sslkey"),
        QStringLiteral("sslrootcert"), QStringLiteral("sslcrl"), QStringLiteral("sslpassword"),
        QStringLiteral("sslcompression"), QStringLiteral("sslsni"), QStringLiteral("ssl_min_protocol_version"),
        QStringLiteral("ssl_max_protocol_version"), QStringLiteral("requiressl"), QStringLiteral("channel_binding"),
        QStringLiteral("gssencmode"), QStringLiteral("krbsrvname"), QStringLiteral("connect_timeout"),
        QStringLiteral("application_name"), QStringLiteral("fallback_application_name"),
        QStringLiteral("options"), QStringLiteral("target_session_attrs"), QStringLiteral("keepalives"),
        QStringLiteral("keepalives_idle"), QStringLiteral("keepalives_interval"),
        QStringLiteral("keepalives_count"), QStringLiteral("tcp_user_timeout"), QStringLiteral("hostaddr"),
        QStringLiteral("passfile"), QStringLiteral("service"),
        // taken apart by parse(), never passed on twice
        QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("user"), QStringLiteral("dbname"),
        QStringLiteral("database"),
    };
    return known;
}

bool ConnectionSettings::isTakenApart(const QString &key)
{
    return key == QLatin1String("host") || key == QLatin1String("port") || key == QLatin1String("user")
        || key == QLatin1String("dbname") || key == QLatin1String("database") || key == QLatin1String("password");
}

QList<QPair<QString, QString>> ConnectionSettings::libpqParameters() const
{
    QList<QPair<QString, QString>> out;
    for (const auto &kv : query)
        if (knownParameters().contains(kv.first) && !isTakenApart(kv.first))
            out.append(kv);
    return out;
}

QStringList ConnectionSettings::unknownParameters() const
{
    QStringList unknown;
    for (const auto &kv : query) {
        if (!knownParameters().contains(kv.first) && kv.first != QLatin1String("password")
            && !unknown.contains(kv.first))
            unknown << kv.first;
    }
    return unknown;
}

QString ConnectionSettings::queryValue(const QString &key) const
{
    QString value;
    for (const auto &kv : query) {
        if (kv.first == key)
            value = kv.second;
    }
    return value;
}

Result<ConnectionSettings> ConnectionSettings::parse(const QString &url)
{
    // SQLAlchemy 1.4's _parse_url pattern, so that what alembic accepts and
    // how it splits it is what Retort accepts.
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(?<name>[\w+]+)://)"
        R"((?:(?<username>[^:/]*)(?::(?<password>[^@]*))?@)?)"
        R"((?:(?:\[(?<ipv6host>[^/?]+)\]|(?<ipv4host>[^/:?]+))?(?::(?<port>[^/?]*))?)?)"
        R"((?:/(?<database>[^?]*))?)"
        R"((?:\?(?<query>.*))?$)"),
        QRegularExpression::DotMatchesEverythingOption);

    const QString trimmed = url.trimmed();
    const QRegularExpressionMatch m = pattern.match(trimmed);
    if (!m.hasMatch())
        return Error(Error::Kind::Config,
                     QStringLiteral("Could not parse a database URL from '%1'")
                         .arg(stripUrlPassword(trimmed).section(QLatin1Char('@'), -1)));

    ConnectionSettings s;
    s.drivername = m.captured(u"name");
    const QString dialect = s.drivername.section(QLatin1Char('+'), 0, 0);
    if (dialect != QLatin1String("postgresql") && dialect != QLatin1String("postgres"))
        return Error(Error::Kind::Config,
                     QStringLiteral("Retort connects to PostgreSQL only, not to '%1' (the URL must start "
                                    "with postgresql:// or postgresql+<driver>://)")
                         .arg(s.drivername));
    if (m.hasCaptured(u"username"))
        s.user = unquote(m.captured(u"username"));
    if (m.hasCaptured(u"password")) {
        s.password = unquote(m.captured(u"password"));
        s.hasPassword = true;
        s.urlPasswordLength = int(s.password.size());
    }
    s.urlUser = s.user;
    // libpq decodes the host (a percent-encoded socket directory); SQLAlchemy
    // does not, and psycopg2 would then fail to connect. Retort follows libpq.
    s.urlHost = m.hasCaptured(u"ipv6host") ? m.captured(u"ipv6host") : m.captured(u"ipv4host");
    s.host = m.hasCaptured(u"ipv6host") ? s.urlHost : unquote(s.urlHost);
    const QString port = m.captured(u"port");
    if (!port.isEmpty()) {
        bool ok = false;
        s.port = port.toInt(&ok);
        if (!ok || s.port <= 0 || s.port > 65535)
            return Error(Error::Kind::Config, QStringLiteral("Invalid port '%1' in the database URL").arg(port));
        s.urlPort = s.port;
    }
    s.database = unquote(m.captured(u"database"));
    s.urlDatabase = s.database;

    // urllib.parse.parse_qsl: '&'-separated, '+' is a space, blank values dropped.
    const QString query = m.captured(u"query");
    for (const QString &part : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const int eq = part.indexOf(QLatin1Char('='));
        const QString key = unquotePlus(eq < 0 ? part : part.left(eq));
        const QString value = eq < 0 ? QString() : unquotePlus(part.mid(eq + 1));
        if (value.isEmpty())
            continue;
        s.query.append({key, value});
    }
    // SQLAlchemy 1.4's psycopg2 dialect hands the URL's fields to connect()
    // as host, database, user, password and port, then updates them with the
    // whole query: ?user= and ?password= win over user:password@, and
    // ?database= over the path. psycopg2 renames database to libpq's dbname
    // and refuses both at once (make_dsn).
    bool queryDatabase = false;
    bool queryDbname = false;
    for (const auto &kv : std::as_const(s.query)) {
        if (kv.first == QLatin1String("password")) {
            s.password = kv.second;
            s.hasPassword = true;
        } else if (kv.first == QLatin1String("user")) {
            s.user = kv.second;
        } else if (kv.first == QLatin1String("database") || kv.first == QLatin1String("dbname")) {
            (kv.first == QLatin1String("dbname") ? queryDbname : queryDatabase) = true;
            s.database = kv.second;
        }
    }
    if (queryDbname && (queryDatabase || !s.urlDatabase.isEmpty()))
        return Error(Error::Kind::Config,
                     QStringLiteral("The database URL names the database twice, in %1 and in ?dbname= "
                                    "(psycopg2 refuses both: \"you can't specify both 'database' and 'dbname' "
                                    "arguments\")")
                         .arg(queryDatabase ? QStringLiteral("?database=") : QStringLiteral("its path")));
    const QString queryHost = s.queryValue(QStringLiteral("host"));
    if (!queryHost.isEmpty()) {
        s.host = queryHost;
        s.hostFromQuery = true;
    }
    const QString queryPort = s.queryValue(QStringLiteral("port"));
    if (!queryPort.isEmpty()) {
        bool ok = false;
        const int p = queryPort.toInt(&ok);
        if (!ok || p <= 0 || p > 65535)
            return Error(Error::Kind::Config,
                         QStringLiteral("Invalid port '%1' in the database URL").arg(queryPort));
        s.port = p;
    }
    return s;
}

Result<ConnectionSettings> ConnectionSettings::resolve(const QString &commandLineUrl, const QString &environmentUrl,
                                                       const QString &iniUrl)
{
    const std::pair<UrlSource, QString> candidates[] = {
        {UrlSource::CommandLine, commandLineUrl},
        {UrlSource::Environment, environmentUrl},
        {UrlSource::IniFile, iniUrl},
    };
    for (const auto &[source, url] : candidates) {
        if (url.trimmed().isEmpty())
            continue;
        Result<ConnectionSettings> parsed = parse(url);
        if (!parsed) {
            Error e(Error::Kind::Config,
                    QStringLiteral("%1 (from %2)").arg(parsed.error().message(), urlSourceName(source)));
            return e;
        }
        parsed.value().source = source;
        return parsed;
    }
    return Error(Error::Kind::Config,
                 QStringLiteral("No database URL: give --url, set DATABASE_URL, or set sqlalchemy.url in the ini file"));
}

QString ConnectionSettings::redacted() const
{
    // obfuscate_url_pw replaces a non-empty password only; str(URL) in
    // SQLAlchemy 1.4 renders whatever password is left.
    QString s = drivername + QStringLiteral("://");
    if (!urlUser.isEmpty() || urlPasswordLength >= 0) {
        s += sqlaQuote(urlUser);
        if (urlPasswordLength >= 0)
            s += QLatin1Char(':') + (urlPasswordLength == 0 ? QString() : QStringLiteral("XXXXX"));
        s += QLatin1Char('@');
    }
    if (!urlHost.isEmpty())
        s += urlHost.contains(QLatin1Char(':')) ? QLatin1Char('[') + urlHost + QLatin1Char(']') : urlHost;
    if (urlPort > 0)
        s += QLatin1Char(':') + QString::number(urlPort);
    if (!urlDatabase.isEmpty())
        s += QLatin1Char('/') + urlDatabase;
    if (!query.isEmpty()) {
        // keys sorted, repeated keys in their given order
        QList<QPair<QString, QString>> sorted = query;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        QStringList parts;
        for (const auto &kv : sorted) {
            if (kv.first == QLatin1String("password"))
                parts << quotePlus(kv.first) + QStringLiteral("=XXXXX");
            else
                parts << quotePlus(kv.first) + QLatin1Char('=') + quotePlus(kv.second);
        }
        s += QLatin1Char('?') + parts.join(QLatin1Char('&'));
    }
    return s;
}

QString ConnectionSettings::describe() const
{
    QStringList parts;
    if (isSocket())
        parts << QStringLiteral("socket directory \"%1\"").arg(host);
    else
        parts << QStringLiteral("host \"%1\"").arg(host.isEmpty() ? QStringLiteral("localhost (default)") : host);
    parts << QStringLiteral("port %1").arg(port > 0 ? QString::number(port) : QStringLiteral("5432 (default)"));
    parts << QStringLiteral("user \"%1\"").arg(user.isEmpty() ? QStringLiteral("(default)") : user);
    parts << QStringLiteral("database \"%1\"").arg(database.isEmpty() ? QStringLiteral("(default)") : database);
    return parts.join(QStringLiteral(", "));
}

} // namespace retort

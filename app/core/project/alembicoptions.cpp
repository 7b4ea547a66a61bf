#include "alembicoptions.h"

#include "project/projectconfig.h"
#include "pytext.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace retort {

Result<AlembicOptions> AlembicOptions::load(const QString &iniPath, const QString &tomlPath,
                                            const QString &section)
{
    AlembicOptions o;
    o.m_iniPath = iniPath;
    o.m_section = section;
    if (QFileInfo(iniPath).isFile()) {
        const QString here = QDir::cleanPath(QFileInfo(pyAbsPath(iniPath)).path());
        Result<IniFile> ini = IniFile::load(iniPath, {{QStringLiteral("here"), here}});
        if (!ini)
            return ini.error();
        o.m_ini = ini.value();
    }
    if (!tomlPath.isEmpty() && QFileInfo::exists(tomlPath)) {
        Result<std::optional<TomlSection>> toml = TomlSection::load(tomlPath);
        if (!toml)
            return toml.error();
        o.m_toml = toml.value();
    }
    return o;
}

Error AlembicOptions::tomlError(const QString &key, const QString &message) const
{
    return Error(Error::Kind::Config, message, where(key));
}

Location AlembicOptions::where(const QString &key) const
{
    Location at;
    if (inIni(key)) {
        at.file = m_iniPath;
        at.line = m_ini->lineOf(m_section, key);
    } else if (m_toml && m_toml->has(key)) {
        at.file = m_toml->path();
        at.line = m_toml->find(key)->line;
    }
    return at;
}

Result<QString> AlembicOptions::tomlString(const QString &key, const QString &raw) const
{
    Result<QString> v = pyPercentInterpolate(raw, {{QStringLiteral("here"), m_toml->here()}});
    if (!v)
        return tomlError(key, QStringLiteral("%1: %2").arg(key, v.error().message()));
    return v;
}

Result<std::optional<QString>> AlembicOptions::text(const QString &key) const
{
    if (inIni(key)) {
        Result<QString> v = m_ini->value(m_section, key);
        if (!v)
            return v.error();
        return std::optional<QString>(v.value());
    }
    const TomlValue *v = m_toml ? m_toml->find(key) : nullptr;
    if (!v)
        return std::optional<QString>();
    switch (v->kind) {
    case TomlValue::Kind::String: {
        Result<QString> s = tomlString(key, v->text);
        if (!s)
            return s.error();
        return std::optional<QString>(s.value());
    }
    case TomlValue::Kind::Integer:
    case TomlValue::Kind::Boolean:
        return std::optional<QString>(v->text);
    case TomlValue::Kind::Unsupported:
        return tomlError(key, QStringLiteral("unsupported TOML value type for key: %1").arg(pyRepr(key)));
    default:
        return tomlError(key, QStringLiteral("%1 must be a string in pyproject.toml").arg(pyRepr(key)));
    }
}

Result<bool> AlembicOptions::boolean(const QString &key) const
{
    if (inIni(key)) {
        Result<QString> v = m_ini->value(m_section, key);
        if (!v)
            return v.error();
        return v.value() == QLatin1String("true");
    }
    const TomlValue *v = m_toml ? m_toml->find(key) : nullptr;
    if (!v)
        return false;
    if (v->kind != TomlValue::Kind::Boolean)
        return tomlError(key, QStringLiteral("boolean value expected for TOML parameter %1").arg(pyRepr(key)));
    return v->boolean;
}

Result<std::optional<QStringList>> AlembicOptions::pathList(const QString &key) const
{
    if (inIni(key)) {
        Result<QString> value = m_ini->value(m_section, key);
        if (!value)
            return value.error();
        if (!value->isEmpty()) {
            const bool versions = key == QLatin1String("version_locations");
            QString sepKey = QStringLiteral("path_separator");
            if (!inIni(sepKey) && versions)
                sepKey = QStringLiteral("version_path_separator");
            if (!inIni(sepKey)) {
                // the legacy split keeps empty pieces
                static const QRegularExpression forVersions(QStringLiteral(", *|(?: +)"));
                static const QRegularExpression forSysPath(QStringLiteral(", *|(?: +)|:"));
                return std::optional<QStringList>(value->split(versions ? forVersions : forSysPath));
            }
            Result<QString> sep = m_ini->value(m_section, sepKey);
            if (!sep)
                return sep.error();
            // version_path_separator alone keeps alembic 1.8.1's rules (its
            // values, its message, pieces unstripped): the one alembic here
            // checks them; path_separator is alembic 1.16's
            const bool modern = sepKey == QLatin1String("path_separator");
            QString splitOn;
            if (sep.value() == QLatin1String("space"))
                splitOn = QStringLiteral(" ");
            else if (modern && sep.value() == QLatin1String("newline"))
                splitOn = QStringLiteral("\n");
            else if (sep.value() == QLatin1String("os") || sep.value() == QLatin1String(":"))
                splitOn = QStringLiteral(":");
            else if (sep.value() == QLatin1String(";"))
                splitOn = QStringLiteral(";");
            else
                return Error(Error::Kind::Config,
                             QStringLiteral("'%1' is not a valid value for %2; expected %3")
                                 .arg(sep.value(), sepKey,
                                      modern ? QStringLiteral("'space', 'newline', 'os', ':', ';'")
                                             : QStringLiteral("'space', 'os', ':', ';'")),
                             where(sepKey));
            QStringList pieces;
            for (const QString &piece : value->split(splitOn, Qt::SkipEmptyParts))
                pieces << (modern ? piece.trimmed() : piece);
            return std::optional<QStringList>(pieces);
        }
    }
    const TomlValue *v = m_toml ? m_toml->find(key) : nullptr;
    if (!v)
        return std::optional<QStringList>();
    if (v->kind != TomlValue::Kind::StringList)
        return v->kind == TomlValue::Kind::Unsupported
                   ? tomlError(key, QStringLiteral("unsupported TOML value type for key: %1").arg(pyRepr(key)))
                   : tomlError(key, QStringLiteral("%1 must be a list of strings in pyproject.toml").arg(pyRepr(key)));
    QStringList out;
    for (const QString &item : v->list) {
        Result<QString> s = tomlString(key, item);
        if (!s)
            return s.error();
        out << s.value();
    }
    return std::optional<QStringList>(out);
}

Result<QList<QList<QPair<QString, QString>>>> AlembicOptions::tomlTables(const QString &key) const
{
    const TomlValue *v = m_toml ? m_toml->find(key) : nullptr;
    if (!v)
        return QList<QList<QPair<QString, QString>>>();
    if (v->kind != TomlValue::Kind::TableList && v->kind != TomlValue::Kind::Table)
        return tomlError(key, QStringLiteral("unsupported TOML value type for key: %1").arg(pyRepr(key)));
    QList<QList<QPair<QString, QString>>> out;
    for (const auto &table : v->tables) {
        QList<QPair<QString, QString>> row;
        for (const auto &[name, raw] : table) {
            Result<QString> s = tomlString(key, raw);
            if (!s)
                return s.error();
            row << qMakePair(name, s.value());
        }
        out << row;
    }
    return out;
}

} // namespace retort

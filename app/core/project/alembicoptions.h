#pragma once

#include "error.h"
#include "project/inifile.h"
#include "project/tomlsection.h"
#include "result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

// alembic's options as alembic ≥1.16's Config reads them: the ini's main
// section first ([alembic] or -n NAME), then pyproject.toml's
// [tool.alembic]. Either file may be absent. An ini-only project reads as
// alembic 1.8.1 reads it.
class AlembicOptions {
public:
    // tomlPath empty or missing: no TOML. An ini that does not exist is no
    // error here (alembic's configparser reads nothing from it).
    static Result<AlembicOptions> load(const QString &iniPath, const QString &tomlPath, const QString &section);

    bool hasIniSection() const { return m_ini && m_ini->hasSection(m_section); }
    bool hasToml() const { return m_toml.has_value(); }
    const std::optional<IniFile> &ini() const { return m_ini; }
    const std::optional<TomlSection> &toml() const { return m_toml; }
    bool inIni(const QString &key) const { return hasIniSection() && m_ini->hasOption(m_section, key); }
    bool has(const QString &key) const { return inIni(key) || (m_toml && m_toml->has(key)); }

    // get_alembic_option for a value used as text (a TOML integer as its
    // decimal text); nullopt when neither file has it.
    Result<std::optional<QString>> text(const QString &key) const;
    // get_alembic_boolean_option: the ini's value == "true", else a TOML
    // boolean (any other TOML type is an error); false when absent.
    Result<bool> boolean(const QString &key) const;
    // get_version_locations_list / get_prepend_sys_paths_list: the ini's
    // value split by path_separator (version_locations also by the older
    // version_path_separator) or the legacy pattern, else the TOML's list.
    Result<std::optional<QStringList>> pathList(const QString &key) const;
    // The TOML's post_write_hooks (a list of tables); empty when none.
    Result<QList<QList<QPair<QString, QString>>>> tomlTables(const QString &key) const;
    // Where the option is written, for errors: ini or pyproject.toml, and its line.
    Location where(const QString &key) const;

private:
    Result<QString> tomlString(const QString &key, const QString &raw) const;
    Error tomlError(const QString &key, const QString &message) const;

    QString m_iniPath;
    QString m_section;
    std::optional<IniFile> m_ini;
    std::optional<TomlSection> m_toml;
};

} // namespace retort

#pragma once

#include "result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

// One value of pyproject.toml's [tool.alembic] table, kept in the shape
// alembic's Config._get_toml_config_value sorts it by: strings, integers
// (booleans are integers to Python), lists of strings, tables and lists of
// tables of strings; anything else is Unsupported and fails only when read.
struct TomlValue {
    enum class Kind { String, Integer, Boolean, StringList, Table, TableList, Unsupported };
    Kind kind = Kind::Unsupported;
    QString text;                       // String; Integer as decimal text
    long long integer = 0;
    bool boolean = false;
    QStringList list;                   // StringList
    QList<QList<QPair<QString, QString>>> tables;  // Table (one entry), TableList; key order kept
    int line = 0;
};

// The [tool.alembic] table of a pyproject.toml, read strictly (TOML 1.0 by
// libtomlplusplus); syntax errors name pyproject.toml:line.
class TomlSection {
public:
    // nullopt when the file has no [tool.alembic]; an Error for a file that
    // cannot be read or parsed, or whose tool.alembic is not a table
    // (alembic: "Incorrect TOML format").
    static Result<std::optional<TomlSection>> load(const QString &path);
    static Result<std::optional<TomlSection>> parse(const QString &path, const QByteArray &text);

    const QString &path() const { return m_path; }
    QString here() const;  // the file's folder, as alembic's toml_args["here"]
    bool has(const QString &key) const { return m_values.contains(key); }
    const TomlValue *find(const QString &key) const;
    int line() const { return m_line; }

private:
    QString m_path;
    int m_line = 0;  // of the [tool.alembic] header
    QHash<QString, TomlValue> m_values;
};

// Python's `text % {"here": ...}`: %(name)s and %%; anything else is an
// error worded as Python's.
Result<QString> pyPercentInterpolate(const QString &text, const QHash<QString, QString> &args);

} // namespace retort

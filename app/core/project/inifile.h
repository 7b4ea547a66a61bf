#pragma once

#include "result.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace retort {

// An .ini file read the way Python's configparser.ConfigParser reads it for
// alembic: case-insensitive keys, '=' or ':' delimiters, full-line '#'/';'
// comments, indented continuation lines, a DEFAULT section, and
// BasicInterpolation (%(name)s, %%) applied when a value is read.
class IniFile {
public:
    // defaults: configparser's "defaults" dict (alembic passes here=...).
    static Result<IniFile> load(const QString &path, const QHash<QString, QString> &defaults = {});
    static Result<IniFile> parse(const QString &path, const QString &text,
                                 const QHash<QString, QString> &defaults = {});

    bool hasSection(const QString &section) const;
    bool hasOption(const QString &section, const QString &key) const;
    // The interpolated value; an Error for bad interpolation syntax or
    // unknown references (configparser raises the same).
    Result<QString> value(const QString &section, const QString &key) const;
    // Raw value and its line, or nullopt when absent.
    std::optional<QString> rawValue(const QString &section, const QString &key) const;
    int lineOf(const QString &section, const QString &key) const;
    QStringList sections() const { return m_sectionOrder; }
    const QString &path() const { return m_path; }

private:
    struct Entry {
        QString value;
        int line = 0;
    };
    using Section = QHash<QString, Entry>;

    Result<QString> interpolate(const QString &section, const QString &key, const QString &raw,
                                int depth) const;
    const Entry *find(const QString &section, const QString &key) const;

    QString m_path;
    QHash<QString, Section> m_sections;  // "DEFAULT" holds defaults and [DEFAULT]
    QStringList m_sectionOrder;
};

} // namespace retort

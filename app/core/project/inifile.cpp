#include "inifile.h"

#include "project/projectfile.h"
#include "python/source.h"

#include <QFileInfo>

#include <algorithm>

namespace retort {

namespace {

const QString kDefault = QStringLiteral("DEFAULT");

bool isCommentLine(const QString &trimmed)
{
    return trimmed.startsWith(QLatin1Char('#')) || trimmed.startsWith(QLatin1Char(';'));
}

} // namespace

Result<IniFile> IniFile::load(const QString &path, const QHash<QString, QString> &defaults)
{
    Result<QByteArray> bytes = readProjectFile(path, FileLimit::kIni, QFileInfo(path).fileName());
    if (!bytes)
        return bytes.error();
    // configparser reads text in the locale's encoding (UTF-8): it refuses
    // what does not decode, where QString::fromUtf8 would substitute
    const char *begin = bytes->constData();
    const char *bad = py::firstInvalidUtf8(begin, begin + bytes->size());
    if (bad != begin + bytes->size())
        return configError(path, int(std::count(begin, bad, '\n')) + 1,
                           QStringLiteral("'utf-8' codec can't decode byte 0x%1 in position %2")
                               .arg(uint(static_cast<unsigned char>(*bad)), 2, 16, QLatin1Char('0'))
                               .arg(bad - begin));
    // QString::fromUtf8 drops a byte order mark; configparser keeps U+FEFF
    // as text, so line 1 is neither a comment nor a section header
    if (bytes->startsWith("\xef\xbb\xbf")) {
        QString first = QString::fromUtf8(bytes->mid(3)).section(QLatin1Char('\n'), 0, 0);
        if (first.endsWith(QLatin1Char('\r')))
            first.chop(1);
        return configError(path, 1,
                           QStringLiteral("File contains no section headers: line 1: '\\ufeff%1' (the file starts "
                                          "with a byte order mark; save it as UTF-8 without one)")
                               .arg(first));
    }
    return parse(path, QString::fromUtf8(bytes.value()), defaults);
}

Result<IniFile> IniFile::parse(const QString &path, const QString &text,
                               const QHash<QString, QString> &defaults)
{
    IniFile ini;
    ini.m_path = path;
    for (auto it = defaults.begin(); it != defaults.end(); ++it)
        ini.m_sections[kDefault].insert(it.key().toLower(), Entry{it.value(), 0});

    QString currentSection;
    Entry *current = nullptr;       // the option a continuation line extends
    int currentIndent = 0;
    QStringList pendingBlank;       // blank lines inside a value, kept if continued

    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines[i];
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const int lineNo = i + 1;
        const QString trimmed = line.trimmed();
        int indent = 0;
        while (indent < line.size() && line[indent].isSpace())
            ++indent;

        if (isCommentLine(trimmed)) {
            continue;
        }
        if (trimmed.isEmpty()) {
            if (current)
                pendingBlank << QString();
            continue;
        }
        if (current && indent > currentIndent) {
            // configparser keeps blank lines inside a continued value
            for (const QString &b : std::as_const(pendingBlank))
                current->value += QLatin1Char('\n') + b;
            pendingBlank.clear();
            current->value += QLatin1Char('\n') + trimmed;
            continue;
        }
        current = nullptr;
        pendingBlank.clear();

        if (trimmed.startsWith(QLatin1Char('[')) && trimmed.endsWith(QLatin1Char(']'))) {
            currentSection = trimmed.mid(1, trimmed.size() - 2);
            if (currentSection != kDefault) {
                if (ini.m_sections.contains(currentSection))
                    return configError(path, lineNo,
                                       QStringLiteral("section '%1' already exists").arg(currentSection));
                ini.m_sectionOrder << currentSection;
            }
            ini.m_sections[currentSection];
            continue;
        }
        if (currentSection.isEmpty())
            return configError(path, lineNo,
                               QStringLiteral("File contains no section headers: line %1: '%2'")
                                   .arg(lineNo)
                                   .arg(line));

        int eq = line.indexOf(QLatin1Char('='));
        const int colon = line.indexOf(QLatin1Char(':'));
        if (eq < 0 || (colon >= 0 && colon < eq))
            eq = colon;
        // configparser: a line without a delimiter, or with nothing before it
        if (eq < 0 || line.left(eq).trimmed().isEmpty())
            return configError(path, lineNo,
                               QStringLiteral("Source contains parsing errors: line %1: '%2'")
                                   .arg(lineNo)
                                   .arg(line));
        const QString key = line.left(eq).trimmed().toLower();
        const QString value = line.mid(eq + 1).trimmed();
        Section &section = ini.m_sections[currentSection];
        if (section.contains(key) && section[key].line > 0)
            return configError(path, lineNo,
                               QStringLiteral("option '%1' in section '%2' already exists")
                                   .arg(key, currentSection));
        section.insert(key, Entry{value, lineNo});
        current = &section[key];
        currentIndent = indent;
    }
    return ini;
}

bool IniFile::hasSection(const QString &section) const
{
    return section != kDefault && m_sections.contains(section);
}

const IniFile::Entry *IniFile::find(const QString &section, const QString &key) const
{
    const QString k = key.toLower();
    auto s = m_sections.constFind(section);
    if (s != m_sections.constEnd()) {
        auto e = s->constFind(k);
        if (e != s->constEnd())
            return &*e;
    }
    auto d = m_sections.constFind(kDefault);
    if (d != m_sections.constEnd()) {
        auto e = d->constFind(k);
        if (e != d->constEnd())
            return &*e;
    }
    return nullptr;
}

bool IniFile::hasOption(const QString &section, const QString &key) const
{
    return hasSection(section) && find(section, key);
}

std::optional<QString> IniFile::rawValue(const QString &section, const QString &key) const
{
    if (const Entry *e = find(section, key))
        return e->value;
    return std::nullopt;
}

int IniFile::lineOf(const QString &section, const QString &key) const
{
    const Entry *e = find(section, key);
    return e ? e->line : 0;
}

Result<QString> IniFile::value(const QString &section, const QString &key) const
{
    const Entry *e = find(section, key);
    if (!e)
        return configError(m_path, 0, QStringLiteral("No option '%1' in section: '%2'").arg(key, section));
    return interpolate(section, key, e->value, 1);
}

Result<QString> IniFile::interpolate(const QString &section, const QString &key, const QString &raw,
                                     int depth) const
{
    // configparser.MAX_INTERPOLATION_DEPTH
    if (depth > 10)
        return configError(m_path, lineOf(section, key),
                           QStringLiteral("Recursion limit exceeded in value substitution: option '%1' "
                                          "in section '%2'")
                               .arg(key, section));
    QString out;
    out.reserve(raw.size());
    for (int i = 0; i < raw.size(); ++i) {
        const QChar c = raw[i];
        if (c != QLatin1Char('%')) {
            out += c;
            continue;
        }
        const QChar next = i + 1 < raw.size() ? raw[i + 1] : QChar();
        if (next == QLatin1Char('%')) {
            out += QLatin1Char('%');
            ++i;
        } else if (next == QLatin1Char('(')) {
            const int close = raw.indexOf(QStringLiteral(")s"), i + 2);
            if (close < 0)
                return configError(m_path, lineOf(section, key),
                                   QStringLiteral("bad interpolation variable reference '%1'").arg(raw));
            const QString ref = raw.mid(i + 2, close - i - 2).toLower();
            const Entry *e = find(section, ref);
            if (!e)
                return configError(m_path, lineOf(section, key),
                                   QStringLiteral("Bad value substitution: option '%1' in section '%2' "
                                                  "contains an interpolation key '%3' which is not a "
                                                  "valid option name. Raw value: '%4'")
                                       .arg(key, section, ref, raw));
            Result<QString> sub = interpolate(section, ref, e->value, depth + 1);
            if (!sub)
                return sub.error();
            out += sub.value();
            i = close + 1;
        } else {
            return configError(m_path, lineOf(section, key),
                               QStringLiteral("'%' must be followed by '%' or '(', found: '%1'")
                                   .arg(raw.mid(i)));
        }
    }
    return out;
}

} // namespace retort

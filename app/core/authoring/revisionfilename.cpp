#include "revisionfilename.h"

#include "pytext.h"

#include <QDateTime>
#include <QTimeZone>

#include <chrono>
#include <variant>

namespace retort {

QString CreateDate::toString() const
{
    QString s = QStringLiteral("%1-%2-%3 %4:%5:%6")
                    .arg(year, 4, 10, QLatin1Char('0'))
                    .arg(month, 2, 10, QLatin1Char('0'))
                    .arg(day, 2, 10, QLatin1Char('0'))
                    .arg(hour, 2, 10, QLatin1Char('0'))
                    .arg(minute, 2, 10, QLatin1Char('0'))
                    .arg(second, 2, 10, QLatin1Char('0'));
    if (microsecond != 0)
        s += QStringLiteral(".%1").arg(microsecond, 6, 10, QLatin1Char('0'));
    return s + offset;
}

qint64 currentMicroseconds()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

namespace {

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// datetime's utcoffset() in str(): +HH:MM, with :SS only when needed.
QString offsetText(int seconds)
{
    const QChar sign = seconds < 0 ? QLatin1Char('-') : QLatin1Char('+');
    seconds = std::abs(seconds);
    QString s = QStringLiteral("%1%2:%3")
                    .arg(sign)
                    .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
                    .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'));
    if (seconds % 60)
        s += QStringLiteral(":%1").arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return s;
}

} // namespace

Result<CreateDate> createDateAt(qint64 usecSinceEpoch, const std::optional<QString> &timezone)
{
    const qint64 msecs = floorDiv(usecSinceEpoch, 1000);
    QDateTime moment;
    CreateDate d;
    if (timezone) {
        QTimeZone zone;
        if (timezone->isEmpty()) {
            zone = QTimeZone::systemTimeZone();  // tz.gettz("") is the local zone
        } else {
            zone = QTimeZone(timezone->toUtf8());
            if (!zone.isValid())
                zone = QTimeZone(timezone->toUpper().toUtf8());
        }
        if (!zone.isValid())
            return Error(Error::Kind::Config, QStringLiteral("Can't locate timezone: %1").arg(*timezone));
        moment = QDateTime::fromMSecsSinceEpoch(msecs, zone);
        d.offset = offsetText(moment.offsetFromUtc());
    } else {
        moment = QDateTime::fromMSecsSinceEpoch(msecs);
    }
    const QDate date = moment.date();
    const QTime time = moment.time();
    d.year = date.year();
    d.month = date.month();
    d.day = date.day();
    d.hour = time.hour();
    d.minute = time.minute();
    d.second = time.second();
    d.microsecond = int(usecSinceEpoch - floorDiv(usecSinceEpoch, 1000000) * 1000000);
    // int() of a float timestamp truncates toward zero
    d.epoch = usecSinceEpoch >= 0 ? usecSinceEpoch / 1000000 : -((-usecSinceEpoch) / 1000000);
    return d;
}

namespace {

bool caseIgnorable(uint c)
{
    switch (QChar::category(char32_t(c))) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format:
    case QChar::Letter_Modifier:
    case QChar::Symbol_Modifier:
        return true;
    default:
        return false;
    }
}

bool cased(uint c)
{
    return QChar::isLower(char32_t(c)) || QChar::isUpper(char32_t(c)) || QChar::isTitleCase(char32_t(c));
}

// str.lower()'s one context rule: a capital sigma ending a word becomes
// the final form (ς), not σ.
void applyFinalSigma(const QList<uint> &original, QList<uint> &lowered)
{
    for (qsizetype i = 0; i < original.size(); ++i) {
        if (original[i] != 0x03A3)
            continue;
        qsizetype before = i - 1;
        while (before >= 0 && caseIgnorable(original[before]))
            --before;
        qsizetype after = i + 1;
        while (after < original.size() && caseIgnorable(original[after]))
            ++after;
        if (before >= 0 && cased(original[before]) && !(after < original.size() && cased(original[after])))
            lowered[i] = 0x03C2;
    }
}

} // namespace

QString revisionSlug(const QString &message, int truncateLength)
{
    // Python's \w on str: letters, digits and other numerics, and "_".
    QList<uint> slug;
    bool inWord = false;
    for (const uint c : message.toUcs4()) {
        const bool word = c == '_' || QChar::isLetterOrNumber(char32_t(c));
        if (word) {
            if (!inWord && !slug.isEmpty())
                slug << '_';
            slug << c;
        }
        inWord = word;
    }
    QList<uint> lowered = QString::fromUcs4(reinterpret_cast<const char32_t *>(slug.constData()), slug.size())
                              .toLower()
                              .toUcs4();
    if (lowered.size() == slug.size())
        applyFinalSigma(slug, lowered);
    QString text = QString::fromUcs4(reinterpret_cast<const char32_t *>(lowered.constData()), lowered.size());
    if (lowered.size() > truncateLength) {
        const QList<uint> head = lowered.mid(0, truncateLength);
        QString cut = QString::fromUcs4(reinterpret_cast<const char32_t *>(head.constData()), head.size());
        const qsizetype underscore = cut.lastIndexOf(QLatin1Char('_'));
        if (underscore >= 0)
            cut.truncate(underscore);
        text = cut + QLatin1Char('_');
    }
    return text;
}

namespace {

using Arg = std::variant<qint64, QString>;

Error templateError(const QString &fileTemplate, const QString &why)
{
    return Error(Error::Kind::Config,
                 QStringLiteral("file_template %1: %2").arg(pyRepr(fileTemplate), why));
}

QString padded(QString text, int width, bool left, QChar fill = QLatin1Char(' '))
{
    const int length = int(text.toUcs4().size());
    if (length >= width)
        return text;
    const QString pad(width - length, fill);
    return left ? text + pad : pad + text;
}

// One %-conversion of an int: flags "-+ 0#", width, precision, type.
QString formatInt(qint64 value, const QString &flags, int width, int precision, QChar type)
{
    const bool negative = value < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(value) : quint64(value);
    int base = 10;
    QString prefix;
    if (type == QLatin1Char('x') || type == QLatin1Char('X')) {
        base = 16;
        if (flags.contains(QLatin1Char('#')))
            prefix = type == QLatin1Char('x') ? QStringLiteral("0x") : QStringLiteral("0X");
    } else if (type == QLatin1Char('o')) {
        base = 8;
        if (flags.contains(QLatin1Char('#')))
            prefix = QStringLiteral("0o");
    }
    QString digits = QString::number(magnitude, base);
    if (type == QLatin1Char('X'))
        digits = digits.toUpper();
    if (precision > digits.size())
        digits = QString(precision - digits.size(), QLatin1Char('0')) + digits;
    QString sign;
    if (negative)
        sign = QStringLiteral("-");
    else if (flags.contains(QLatin1Char('+')))
        sign = QStringLiteral("+");
    else if (flags.contains(QLatin1Char(' ')))
        sign = QStringLiteral(" ");
    const bool left = flags.contains(QLatin1Char('-'));
    if (!left && flags.contains(QLatin1Char('0'))) {
        const int room = width - int(sign.size() + prefix.size());
        return sign + prefix + padded(digits, room, false, QLatin1Char('0'));
    }
    return padded(sign + prefix + digits, width, left);
}

} // namespace

Result<QString> revisionFileName(const QString &fileTemplate, const QString &rev, const QString &slug,
                                 const CreateDate &date)
{
    const QHash<QString, Arg> args = {
        {QStringLiteral("rev"), rev},           {QStringLiteral("slug"), slug},
        {QStringLiteral("epoch"), date.epoch},  {QStringLiteral("year"), qint64(date.year)},
        {QStringLiteral("month"), qint64(date.month)}, {QStringLiteral("day"), qint64(date.day)},
        {QStringLiteral("hour"), qint64(date.hour)},   {QStringLiteral("minute"), qint64(date.minute)},
        {QStringLiteral("second"), qint64(date.second)},
    };
    QString out;
    const qsizetype n = fileTemplate.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = fileTemplate[i];
        if (c != QLatin1Char('%')) {
            out += c;
            continue;
        }
        if (i + 1 < n && fileTemplate[i + 1] == QLatin1Char('%')) {
            out += QLatin1Char('%');
            ++i;
            continue;
        }
        if (i + 1 >= n || fileTemplate[i + 1] != QLatin1Char('('))
            return templateError(fileTemplate, QStringLiteral("format requires a mapping (each % needs a (name))"));
        const qsizetype close = fileTemplate.indexOf(QLatin1Char(')'), i + 2);
        if (close < 0)
            return templateError(fileTemplate, QStringLiteral("incomplete format key"));
        const QString key = fileTemplate.mid(i + 2, close - i - 2);
        if (!args.contains(key))
            return templateError(fileTemplate, QStringLiteral("KeyError: %1 (known: rev, slug, epoch, year, month, "
                                                              "day, hour, minute, second)")
                                                   .arg(pyRepr(key)));
        qsizetype j = close + 1;
        QString flags;
        while (j < n && QStringLiteral("-+ #0").contains(fileTemplate[j]))
            flags += fileTemplate[j++];
        int width = 0;
        while (j < n && fileTemplate[j].isDigit())
            width = width * 10 + fileTemplate[j++].digitValue();
        int precision = -1;
        if (j < n && fileTemplate[j] == QLatin1Char('.')) {
            precision = 0;
            ++j;
            while (j < n && fileTemplate[j].isDigit())
                precision = precision * 10 + fileTemplate[j++].digitValue();
        }
        while (j < n && QStringLiteral("hlL").contains(fileTemplate[j]))
            ++j;
        if (j >= n)
            return templateError(fileTemplate, QStringLiteral("incomplete format"));
        const QChar type = fileTemplate[j];
        const Arg &arg = args[key];
        if (type == QLatin1Char('s') || type == QLatin1Char('r') || type == QLatin1Char('a')) {
            QString text = std::holds_alternative<QString>(arg) ? std::get<QString>(arg)
                                                                 : QString::number(std::get<qint64>(arg));
            if (type != QLatin1Char('s') && std::holds_alternative<QString>(arg))
                text = pyRepr(text);
            if (precision >= 0) {
                const QList<uint> cps = text.toUcs4().mid(0, precision);
                text = QString::fromUcs4(reinterpret_cast<const char32_t *>(cps.constData()), cps.size());
            }
            out += padded(text, width, flags.contains(QLatin1Char('-')));
        } else if (QStringLiteral("diuxXo").contains(type)) {
            if (!std::holds_alternative<qint64>(arg))
                return templateError(fileTemplate, QStringLiteral("%%%1 format: a real number is required, not str "
                                                                  "(%2 is text)")
                                                       .arg(type == QLatin1Char('i') || type == QLatin1Char('u')
                                                                ? QStringLiteral("d") : QString(type),
                                                            key));
            out += formatInt(std::get<qint64>(arg), flags, width, precision, type);
        } else {
            return templateError(fileTemplate, QStringLiteral("the conversion '%%%1' is not supported by Retort")
                                                   .arg(type));
        }
        i = j;
    }
    return out + QStringLiteral(".py");
}

} // namespace retort

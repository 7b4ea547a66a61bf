#include "render/sqlliteral.h"

#include "render/renderargs.h"
#include "render/sqlquoting.h"

#include <QLocale>
#include <QSet>

#include <cmath>

namespace retort::render {

bool strLiteral(const QString &value, QString &out, QString &reason)
{
    if (value.contains(QLatin1Char('%'))) {
        reason = QStringLiteral("a literal with '%' (SQLAlchemy's quoting of it depends on the paramstyle)");
        return false;
    }
    out = sql::stringLiteral(value);
    return true;
}

bool pythonFloatRepr(double value, QString &out)
{
    if (std::isnan(value) || std::isinf(value))
        return false;
    if (value == 0.0) {
        out = std::signbit(value) ? QStringLiteral("-0.0") : QStringLiteral("0.0");
        return true;
    }
    // shortest round-trip digits and the decimal exponent: d.ddde[+-]x
    const QString e = QString::number(value, 'e', QLocale::FloatingPointShortest);
    const int ePos = int(e.indexOf(QLatin1Char('e')));
    QString mantissa = e.left(ePos);
    const int exponent = e.mid(ePos + 1).toInt();
    const bool negative = mantissa.startsWith(QLatin1Char('-'));
    if (negative)
        mantissa.remove(0, 1);
    QString digits = mantissa;
    digits.remove(QLatin1Char('.'));
    QString body;
    if (exponent < -4 || exponent >= 16) {
        body = digits.left(1);
        if (digits.size() > 1)
            body += QLatin1Char('.') + digits.mid(1);
        body += QStringLiteral("e%1%2").arg(exponent < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                    .arg(std::abs(exponent), 2, 10, QLatin1Char('0'));
    } else if (exponent < 0) {
        body = QStringLiteral("0.") + QString(-exponent - 1, QLatin1Char('0')) + digits;
    } else if (digits.size() <= exponent + 1) {
        body = digits + QString(exponent + 1 - digits.size(), QLatin1Char('0')) + QStringLiteral(".0");
    } else {
        body = digits.left(exponent + 1) + QLatin1Char('.') + digits.mid(exponent + 1);
    }
    out = negative ? QLatin1Char('-') + body : body;
    return true;
}

bool defaultExpression(const PyValue &v, QString &out, QString &reason)
{
    if (v.isStr())
        return strLiteral(v.str, out, reason);
    if (v.kind == PyValue::Kind::Construct && !v.called) {
        reason = QStringLiteral("a server default that is %1 itself, not a call").arg(v.str);
        return false;
    }
    if ((v.isConstruct("sa.true") || v.isConstruct("sa.false")) && v.items.isEmpty() && v.keywords.isEmpty()) {
        out = v.str.mid(3);
        return true;
    }
    if (v.isConstruct("sa.text")) {
        if (!plainSqlText(&v, out, false)) {
            reason = QStringLiteral("a sa.text() default with bind parameters, '\\:' or '%'");
            return false;
        }
        return true;
    }
    if (v.kind == PyValue::Kind::Construct && v.str.startsWith(QLatin1String("sa.func."))) {
        const QString fn = v.str.mid(8);
        // ANSI functions SQLAlchemy prints bare, in upper case
        static const QSet<QString> ansi = {QStringLiteral("current_timestamp"), QStringLiteral("current_date"),
                                           QStringLiteral("current_time"), QStringLiteral("localtimestamp"),
                                           QStringLiteral("localtime"), QStringLiteral("current_user"),
                                           QStringLiteral("session_user")};
        static const QSet<QString> plain = {QStringLiteral("now"), QStringLiteral("gen_random_uuid"),
                                            QStringLiteral("uuid_generate_v4"), QStringLiteral("clock_timestamp"),
                                            QStringLiteral("statement_timestamp"),
                                            QStringLiteral("transaction_timestamp")};
        if (!v.items.isEmpty() || !v.keywords.isEmpty()) {
            reason = QStringLiteral("a sa.func default with arguments is not rendered natively yet");
            return false;
        }
        if (ansi.contains(fn)) {
            out = fn.toUpper();
            return true;
        }
        if (plain.contains(fn)) {
            out = fn + QStringLiteral("()");
            return true;
        }
        reason = QStringLiteral("the default sa.func.%1() is not rendered natively yet").arg(fn);
        return false;
    }
    reason = QStringLiteral("a server default that is not a str, sa.text() or a known sa.func call");
    return false;
}

} // namespace retort::render

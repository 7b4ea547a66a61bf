#include "eval/builtins.h"

#include "eval/operations.h"

#include <QSet>
#include <QStringList>

#include <algorithm>

namespace retort::pyeval {

PyValue strValue(const QString &s, int line)
{
    PyValue v;
    v.kind = PyValue::Kind::Str;
    v.str = s;
    v.line = line;
    return v;
}

PyValue boolValue(bool b, int line)
{
    PyValue v;
    v.kind = PyValue::Kind::Bool;
    v.boolean = b;
    v.line = line;
    return v;
}

PyValue intValue(qint64 i, int line)
{
    PyValue v;
    v.kind = PyValue::Kind::Int;
    v.integer = i;
    v.line = line;
    return v;
}

PyValue referenceValue(PyValue::Ref ref, const QString &name, int line)
{
    PyValue v;
    v.kind = PyValue::Kind::Construct;
    v.called = false;
    v.ref = ref;
    v.str = name;
    v.line = line;
    return v;
}

bool isBuiltin(const QString &name)
{
    static const QSet<QString> builtins{
        QStringLiteral("str"), QStringLiteral("int"), QStringLiteral("len"), QStringLiteral("range"),
        QStringLiteral("list"), QStringLiteral("tuple"), QStringLiteral("dict"), QStringLiteral("bool"),
        QStringLiteral("repr"), QStringLiteral("enumerate"), QStringLiteral("zip"), QStringLiteral("format"),
    };
    return builtins.contains(name);
}

bool isRaisedException(const QString &name)
{
    return name == QLatin1String("NotImplementedError") || name == QLatin1String("Exception")
           || name == QLatin1String("RuntimeError");
}

// What `for x in v` visits: items, dict keys, characters.
bool iterate(const PyValue &v, QVector<PyValue> &out)
{
    if (v.isSequence())
        return out = v.items, true;
    out.clear();
    if (v.kind == PyValue::Kind::Dict) {
        for (const auto &kv : v.keywords)
            out << strValue(kv.first, v.line);
        return true;
    }
    if (v.isStr()) {
        for (char32_t c : v.str.toUcs4())
            out << strValue(QString::fromUcs4(&c, 1), v.line);
        return true;
    }
    return false;
}

bool asInt(const PyValue &v, qint64 &out)
{
    if (v.kind == PyValue::Kind::Int)
        return out = v.integer, true;
    if (v.kind == PyValue::Kind::Bool)
        return out = v.boolean ? 1 : 0, true;
    return false;
}

std::optional<PyValue> callBuiltin(const QString &name, const PyValue &args, int line, QString &why)
{
    const QVector<PyValue> &a = args.items;
    if (!args.keywords.isEmpty())
        return why = QStringLiteral("%1() with keyword arguments").arg(name), std::nullopt;
    if (name == QLatin1String("str") || name == QLatin1String("repr")) {
        if (a.size() > 1)
            return why = QStringLiteral("%1() with more than one argument").arg(name), std::nullopt;
        if (a.isEmpty())
            return strValue(QString(), line);
        std::optional<QString> t = name == QLatin1String("str") ? pyeval::str(a[0], why) : pyeval::repr(a[0], why);
        if (!t)
            return std::nullopt;
        return strValue(*t, line);
    }
    if (name == QLatin1String("format")) {
        if (a.isEmpty() || a.size() > 2 || (a.size() == 2 && !a[1].isStr()))
            return why = QStringLiteral("format() with unusual arguments"), std::nullopt;
        std::optional<QString> t = pyeval::format(a[0], a.size() == 2 ? a[1].str : QString(), why);
        if (!t)
            return std::nullopt;
        return strValue(*t, line);
    }
    if (name == QLatin1String("int")) {
        qint64 i = 0;
        if (a.size() == 1 && asInt(a[0], i))
            return intValue(i, line);
        if (a.size() == 1 && a[0].isStr()) {
            bool ok = false;
            const QString t = a[0].str.trimmed();
            i = t.toLongLong(&ok, 10);
            if (ok && !t.startsWith(QLatin1Char('+')))
                return intValue(i, line);
        }
        return why = QStringLiteral("int() of something other than an int or a plain decimal str"), std::nullopt;
    }
    if (name == QLatin1String("bool")) {
        if (a.size() != 1)
            return why = QStringLiteral("bool() with other than one argument"), std::nullopt;
        const std::optional<bool> t = pyeval::truth(a[0]);
        if (!t)
            return why = QStringLiteral("the truth of %1").arg(a[0].str), std::nullopt;
        return boolValue(*t, line);
    }
    if (name == QLatin1String("len")) {
        if (a.size() != 1)
            return why = QStringLiteral("len() with other than one argument"), std::nullopt;
        if (a[0].isSequence())
            return intValue(a[0].items.size(), line);
        if (a[0].kind == PyValue::Kind::Dict)
            return intValue(a[0].keywords.size(), line);
        if (a[0].isStr())
            return intValue(a[0].str.toUcs4().size(), line);
        return why = QStringLiteral("len() of something that is not a known str, list, tuple or dict"), std::nullopt;
    }
    if (name == QLatin1String("range")) {
        qint64 start = 0, stop = 0, step = 1;
        bool ok = !a.isEmpty() && a.size() <= 3;
        for (int i = 0; ok && i < a.size(); ++i) {
            qint64 v = 0;
            ok = asInt(a[i], v);
            if (a.size() == 1)
                stop = v;
            else if (i == 0)
                start = v;
            else if (i == 1)
                stop = v;
            else
                step = v;
        }
        if (!ok || step == 0)
            return why = QStringLiteral("range() of something other than ints"), std::nullopt;
        PyValue v;
        v.kind = PyValue::Kind::List;
        v.line = line;
        for (qint64 i = start; step > 0 ? i < stop : i > stop; i += step) {
            if (v.items.size() >= kMaxSequence)
                return why = QStringLiteral("a range of more than %1 items").arg(kMaxSequence), std::nullopt;
            v.items << intValue(i, line);
        }
        return v;
    }
    if (name == QLatin1String("list") || name == QLatin1String("tuple")) {
        PyValue v;
        v.kind = name == QLatin1String("list") ? PyValue::Kind::List : PyValue::Kind::Tuple;
        v.line = line;
        if (a.size() > 1)
            return why = QStringLiteral("%1() with more than one argument").arg(name), std::nullopt;
        if (a.isEmpty())
            return v;
        if (a[0].isSequence()) {
            v.items = a[0].items;
        } else if (a[0].kind == PyValue::Kind::Dict) {
            for (const auto &kv : a[0].keywords)
                v.items << strValue(kv.first, line);
        } else if (a[0].isStr()) {
            for (char32_t c : a[0].str.toUcs4())
                v.items << strValue(QString::fromUcs4(&c, 1), line);
        } else {
            return why = QStringLiteral("%1() of something that is not a known sequence").arg(name), std::nullopt;
        }
        return v;
    }
    if (name == QLatin1String("enumerate") || name == QLatin1String("zip")) {
        QVector<QVector<PyValue>> seqs;
        for (const PyValue &s : a) {
            QVector<PyValue> items;
            if (!iterate(s, items))
                return why = QStringLiteral("%1() of something that is not a known sequence").arg(name), std::nullopt;
            seqs << items;
        }
        if (name == QLatin1String("enumerate")) {
            if (seqs.size() != 1)
                return why = QStringLiteral("enumerate() with other than one argument"), std::nullopt;
            QVector<PyValue> counts;
            for (int i = 0; i < seqs[0].size(); ++i)
                counts << intValue(i, line);
            seqs.prepend(counts);
        }
        PyValue v;
        v.kind = PyValue::Kind::List;
        v.line = line;
        int n = seqs.isEmpty() ? 0 : int(seqs[0].size());
        for (const auto &s : seqs)
            n = std::min(n, int(s.size()));
        for (int i = 0; i < n; ++i) {
            PyValue t;
            t.kind = PyValue::Kind::Tuple;
            t.line = line;
            for (const auto &s : seqs)
                t.items << s[i];
            v.items << t;
        }
        return v;
    }
    if (name == QLatin1String("dict")) {
        if (!a.isEmpty())
            return why = QStringLiteral("dict() with positional arguments"), std::nullopt;
        PyValue v;
        v.kind = PyValue::Kind::Dict;
        v.line = line;
        return v;
    }
    return why = QStringLiteral("%1() is not evaluated natively").arg(name), std::nullopt;
}

std::optional<PyValue> callStrMethod(const QString &s, const QString &method, const PyValue &args, int line, QString &why)
{
    const QVector<PyValue> &a = args.items;
    if (method == QLatin1String("format")) {
        std::optional<QString> t = pyeval::strFormat(s, a, args.keywords, why);
        if (!t)
            return why = QStringLiteral("str.format: %1").arg(why), std::nullopt;
        return strValue(*t, line);
    }
    if (!args.keywords.isEmpty())
        return why = QStringLiteral("str.%1() with keyword arguments").arg(method), std::nullopt;
    if (method == QLatin1String("join")) {
        if (a.size() != 1 || !a[0].isSequence())
            return why = QStringLiteral("str.join() of something that is not a known list or tuple"), std::nullopt;
        QStringList parts;
        for (const PyValue &p : a[0].items) {
            if (!p.isStr())
                return why = QStringLiteral("str.join() of an item that is not a str (TypeError)"), std::nullopt;
            parts << p.str;
        }
        const QString joined = parts.join(s);
        if (joined.size() > kMaxText)
            return why = QStringLiteral("text longer than %1 characters").arg(kMaxText), std::nullopt;
        return strValue(joined, line);
    }
    // Case mapping and stripping only where Python and Qt agree for certain: ASCII text.
    for (QChar c : s)
        if (c.unicode() > 0x7f && method != QLatin1String("replace") && method != QLatin1String("startswith")
            && method != QLatin1String("endswith"))
            return why = QStringLiteral("str.%1() of non-ASCII text").arg(method), std::nullopt;
    if (a.isEmpty() && method == QLatin1String("upper"))
        return strValue(s.toUpper(), line);
    if (a.isEmpty() && method == QLatin1String("lower"))
        return strValue(s.toLower(), line);
    if (a.isEmpty() && (method == QLatin1String("strip") || method == QLatin1String("lstrip") || method == QLatin1String("rstrip"))) {
        // Python strips ASCII whitespace and \x1c-\x1f here
        auto ws = [](QChar c) { return c == QLatin1Char(' ') || (c.unicode() >= 0x09 && c.unicode() <= 0x0d) || (c.unicode() >= 0x1c && c.unicode() <= 0x1f); };
        int b = 0, e = int(s.size());
        if (method != QLatin1String("rstrip"))
            while (b < e && ws(s.at(b)))
                ++b;
        if (method != QLatin1String("lstrip"))
            while (e > b && ws(s.at(e - 1)))
                --e;
        return strValue(s.mid(b, e - b), line);
    }
    if (method == QLatin1String("replace") && a.size() == 2 && a[0].isStr() && a[1].isStr() && !a[0].str.isEmpty()) {
        QString r = s;
        r.replace(a[0].str, a[1].str);
        if (r.size() > kMaxText)
            return why = QStringLiteral("text longer than %1 characters").arg(kMaxText), std::nullopt;
        return strValue(r, line);
    }
    if ((method == QLatin1String("startswith") || method == QLatin1String("endswith")) && a.size() == 1 && a[0].isStr())
        return boolValue(method == QLatin1String("startswith") ? s.startsWith(a[0].str) : s.endsWith(a[0].str), line);
    return why = QStringLiteral("str.%1() is not evaluated natively").arg(method), std::nullopt;
}

} // namespace retort::pyeval

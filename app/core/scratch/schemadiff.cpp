#include "schemadiff.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace retort {

namespace {

int kindRank(const QString &kind)
{
    static const QStringList order = {
        QStringLiteral("schema"),  QStringLiteral("extension"), QStringLiteral("type"),
        QStringLiteral("sequence"), QStringLiteral("table"),    QStringLiteral("foreign table"),
        QStringLiteral("column"),  QStringLiteral("constraint"), QStringLiteral("index"),
        QStringLiteral("view"),    QStringLiteral("materialized view"), QStringLiteral("function"),
        QStringLiteral("trigger"), QStringLiteral("policy"),
    };
    const int i = order.indexOf(kind);
    return i < 0 ? int(order.size()) : i;
}

bool isRelation(const QString &kind)
{
    return kind == QLatin1String("table") || kind == QLatin1String("view")
           || kind == QLatin1String("materialized view") || kind == QLatin1String("foreign table");
}

QString shown(const QString &value)
{
    QString v = value.simplified();
    if (v.size() > 120)
        v = v.left(117) + QStringLiteral("...");
    return v;
}

// Attributes that are there or not ("yes" or left out), by what each state
// is called in SQL.
struct Flag {
    QLatin1String attribute;
    QLatin1String set;
    QLatin1String unset;
};
const Flag kFlags[] = {
    {QLatin1String("not null"), QLatin1String("NOT NULL"), QLatin1String("nullable")},
    {QLatin1String("unlogged"), QLatin1String("UNLOGGED"), QLatin1String("logged")},
    {QLatin1String("cycle"), QLatin1String("CYCLE"), QLatin1String("NO CYCLE")},
};

// "type integer -> bigint", "NOT NULL -> nullable", "default 0 -> no
// default", "no comment -> comment people".
QString changeOf(const QString &attribute, const QString &from, const QString &to)
{
    for (const Flag &f : kFlags)
        if (attribute == f.attribute)
            return QStringLiteral("%1 -> %2").arg(from.isEmpty() ? f.unset : f.set, to.isEmpty() ? f.unset : f.set);
    if (from.isEmpty())
        return QStringLiteral("no %1 -> %1 %2").arg(attribute, shown(to));
    return QStringLiteral("%1 %2 -> %3").arg(attribute, shown(from), to.isEmpty() ? QStringLiteral("no ") + attribute : shown(to));
}

// "type text; default 'x'::text; NOT NULL": the type first, as DDL reads
QString attributesOf(const SchemaObject &o)
{
    QStringList parts;
    for (auto it = o.attributes.cbegin(); it != o.attributes.cend(); ++it) {
        const auto flag = std::find_if(std::begin(kFlags), std::end(kFlags),
                                       [&](const Flag &f) { return it.key() == f.attribute; });
        const QString part =
            flag != std::end(kFlags) ? QString(flag->set) : it.key() + QLatin1Char(' ') + it.value().simplified();
        if (it.key() == QLatin1String("type"))
            parts.prepend(part);
        else
            parts << part;
    }
    return parts.join(QStringLiteral("; "));
}

bool kindThenName(const SchemaObject *a, const SchemaObject *b)
{
    const int ra = kindRank(a->kind), rb = kindRank(b->kind);
    return ra != rb ? ra < rb : a->name < b->name;
}

} // namespace

QString SchemaChange::text() const
{
    const QString what = objectKind + QLatin1Char(' ') + name;
    switch (change) {
    case Kind::Added:
        return what + QStringLiteral(" added");
    case Kind::Dropped:
        return what + QStringLiteral(" dropped");
    case Kind::Changed:
        break;
    }
    return what + QStringLiteral(" changed: ") + details.join(QStringLiteral("; "));
}

QVector<SchemaChange> diffSchemas(const SchemaSnapshot &before, const SchemaSnapshot &after)
{
    QVector<SchemaChange> changes;
    QSet<QString> relationsComingOrGoing;
    auto consider = [&](const SchemaObject *a, const SchemaObject *b) {
        if (a && b) {
            if (a->attributes == b->attributes)
                return;
            SchemaChange c;
            c.change = SchemaChange::Kind::Changed;
            c.objectKind = a->kind;
            c.name = a->name;
            QStringList keys = a->attributes.keys() + b->attributes.keys();
            keys.removeDuplicates();
            std::sort(keys.begin(), keys.end());
            for (const QString &k : keys)
                if (a->attributes.value(k) != b->attributes.value(k))
                    c.details << changeOf(k, a->attributes.value(k), b->attributes.value(k));
            changes << c;
            return;
        }
        const SchemaObject *o = a ? a : b;
        SchemaChange c;
        c.change = a ? SchemaChange::Kind::Dropped : SchemaChange::Kind::Added;
        c.objectKind = o->kind;
        c.name = o->name;
        c.parent = o->parent;
        if (isRelation(o->kind))
            relationsComingOrGoing.insert(o->name);
        changes << c;
    };
    for (auto it = before.objects.cbegin(); it != before.objects.cend(); ++it) {
        const auto other = after.objects.constFind(it.key());
        consider(&it.value(), other == after.objects.cend() ? nullptr : &other.value());
    }
    for (auto it = after.objects.cbegin(); it != after.objects.cend(); ++it)
        if (!before.objects.contains(it.key()))
            consider(nullptr, &it.value());

    // a table added or dropped is one change, not one per column
    QVector<SchemaChange> kept;
    for (const SchemaChange &c : std::as_const(changes)) {
        if (c.change != SchemaChange::Kind::Changed && !isRelation(c.objectKind)
            && relationsComingOrGoing.contains(c.parent))
            continue;
        kept << c;
    }
    std::stable_sort(kept.begin(), kept.end(), [](const SchemaChange &a, const SchemaChange &b) {
        const int ra = kindRank(a.objectKind), rb = kindRank(b.objectKind);
        return ra != rb ? ra < rb : a.name < b.name;
    });
    return kept;
}

QStringList describeChanges(const QVector<SchemaChange> &changes, int limit)
{
    QStringList lines;
    for (const SchemaChange &c : changes) {
        if (limit > 0 && lines.size() == limit) {
            lines << QStringLiteral("... and %1 more").arg(changes.size() - limit);
            break;
        }
        lines << c.text();
    }
    return lines;
}

QStringList describeSnapshot(const SchemaSnapshot &snapshot)
{
    QSet<QString> relations;
    for (const SchemaObject &o : snapshot.objects)
        if (isRelation(o.kind))
            relations.insert(o.name);
    QVector<const SchemaObject *> top;
    QHash<QString, QVector<const SchemaObject *>> children;  // by parent
    for (const SchemaObject &o : snapshot.objects) {
        if (!isRelation(o.kind) && relations.contains(o.parent))
            children[o.parent] << &o;
        else
            top << &o;
    }
    std::sort(top.begin(), top.end(), kindThenName);
    QStringList lines;
    const auto line = [](const SchemaObject &o, const QString &indent) {
        const QString attributes = attributesOf(o);
        return indent + o.kind + QLatin1Char(' ') + o.name
               + (attributes.isEmpty() ? QString() : QStringLiteral(": ") + attributes);
    };
    for (const SchemaObject *o : std::as_const(top)) {
        lines << line(*o, QString());
        if (!isRelation(o->kind))
            continue;
        QVector<const SchemaObject *> under = children.value(o->name);
        std::sort(under.begin(), under.end(), kindThenName);
        for (const SchemaObject *c : std::as_const(under))
            lines << line(*c, QStringLiteral("    "));
    }
    return lines;
}

} // namespace retort

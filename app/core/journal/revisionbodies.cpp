#include "journal/revisionbodies.h"

#include "python/parser.h"

#include <QCryptographicHash>
#include <QFile>

namespace retort {

namespace {

// Revision files are read up to this size elsewhere too (RevisionReader).
constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;

QString textOf(std::string_view text)
{
    QString out = QString::fromUtf8(text.data(), qsizetype(text.size()));
    out.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    return out;
}

bool isDocstring(const py::Stmt *s)
{
    const auto *e = s->dyn<py::ExprStmt>();
    const auto *c = e ? e->value->dyn<py::Constant>() : nullptr;
    return c && c->isString();
}

// `revision = ...` and the like: what the graph reads, not what the SQL uses.
bool isHeader(const py::Stmt *s)
{
    const py::Expr *target = nullptr;
    if (const auto *a = s->dyn<py::Assign>(); a && a->targets.size() == 1)
        target = a->targets[0];
    else if (const auto *an = s->dyn<py::AnnAssign>())
        target = an->target;
    const auto *name = target ? target->dyn<py::Name>() : nullptr;
    if (!name)
        return false;
    for (const char *header : {"revision", "down_revision", "branch_labels", "depends_on"})
        if (name->id == header)
            return true;
    return false;
}

} // namespace

QString RevisionBodies::sha256(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<RevisionBodies> RevisionBodies::fromSource(const QByteArray &source, const QString &fileName)
{
    py::ParseOptions options;
    options.fileName = fileName;
    options.skipFunctionBodies = true;
    const py::ParseResult parsed = py::parseModule(std::string_view(source.constData(), size_t(source.size())), options);
    if (!parsed.ok())
        return parsed.error;
    RevisionBodies bodies;
    QStringList module;
    const py::Span<py::Stmt *> &body = parsed.module.body;
    for (uint32_t i = 0; i < body.size(); ++i) {
        const py::Stmt *s = body[i];
        if ((i == 0 && isDocstring(s)) || isHeader(s))
            continue;
        const auto *f = s->dyn<py::FunctionDef>();
        if (!f || (f->name != "upgrade" && f->name != "downgrade")) {
            module << textOf(parsed.module.text(s));
            continue;
        }
        // the last definition at module level is the one Python keeps
        (f->name == "upgrade" ? bodies.upgrade : bodies.downgrade) = textOf(parsed.module.text(f));
        // a decorator starts before `def`, outside the function's text
        for (const py::Expr *d : f->decoratorList)
            module << QLatin1Char('@') + textOf(parsed.module.text(d));
    }
    bodies.module = module.join(QLatin1Char('\n'));
    return bodies;
}

Result<RevisionBodies> RevisionBodies::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(Error::Kind::Io, QStringLiteral("%1: %2").arg(path, file.errorString()));
    const QByteArray source = file.read(kMaxFileBytes + 1);
    if (source.size() > kMaxFileBytes)
        return Error(Error::Kind::Io, QStringLiteral("%1: larger than 16 MiB").arg(path));
    return fromSource(source, path);
}

} // namespace retort

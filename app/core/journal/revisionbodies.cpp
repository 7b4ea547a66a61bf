#include "journal/revisionbodies.h"

#include "python/parser.h"

#include <QCryptographicHash>
#include <QFile>

namespace retort {

namespace {

// Revision files are read up to this size elsewhere too (RevisionReader).
constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;

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
    // the last definition at module level is the one Python keeps
    for (const py::Stmt *s : parsed.module.body) {
        const auto *f = s->dyn<py::FunctionDef>();
        if (!f)
            continue;
        const std::string_view text = parsed.module.text(f);
        QString body = QString::fromUtf8(text.data(), qsizetype(text.size()));
        body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        if (f->name == "upgrade")
            bodies.upgrade = body;
        else if (f->name == "downgrade")
            bodies.downgrade = body;
    }
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

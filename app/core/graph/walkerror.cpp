#include "walkerror.h"

namespace retort {

Error toError(const WalkError &e, const Catch &c)
{
    QString text;
    switch (e.type) {
    case WalkError::Type::RangeNotAncestor: {
        const QString start = c.hasStart ? c.start : e.lower;
        const QString end = c.hasEnd ? c.end : e.upper;
        QString fmt = c.ancestor.isEmpty()
                          ? QStringLiteral("Requested range %(start)s:%(end)s does not refer to "
                                           "ancestor/descendant revisions along the same branch")
                          : c.ancestor;
        text = fmt.replace(QStringLiteral("%(start)s"), start).replace(QStringLiteral("%(end)s"), end);
        break;
    }
    case WalkError::Type::MultipleHeads: {
        QString fmt = c.multipleHeads.isEmpty()
                          ? QStringLiteral("Multiple head revisions are present for given argument "
                                           "'%(head_arg)s'; please specify a specific target revision, "
                                           "'<branchname>@%(head_arg)s' to narrow to a specific head, "
                                           "or 'heads' for all heads")
                          : c.multipleHeads;
        const QString headArg = (c.hasEnd && !c.end.isEmpty()) ? c.end : e.argument;
        text = fmt.replace(QStringLiteral("%(head_arg)s"), headArg)
                   .replace(QStringLiteral("%(heads)s"), e.heads.join(QStringLiteral(", ")));
        return Error(Error::Kind::MultipleHeads, text).causedBy(Error(Error::Kind::Revision, e.message));
    }
    case WalkError::Type::Resolution:
        return Error(Error::Kind::Resolution,
                     QStringLiteral("Can't locate revision identified by '%1'").arg(e.argument))
            .causedBy(Error(Error::Kind::Revision, e.message));
    case WalkError::Type::Generic:
        text = e.message;
        break;
    }
    return Error(Error::Kind::Revision, text);
}
} // namespace retort

#include "db/environmentkind.h"

namespace retort {

const QStringList &environmentKindNames()
{
    static const QStringList names = {QStringLiteral("local"), QStringLiteral("development"),
                                      QStringLiteral("staging"), QStringLiteral("production")};
    return names;
}

QString environmentKindName(EnvironmentKind kind)
{
    return environmentKindNames().at(int(kind));
}

EnvironmentKind environmentKindFromName(const QString &name, EnvironmentKind fallback)
{
    const int i = int(environmentKindNames().indexOf(name));
    return i < 0 ? fallback : EnvironmentKind(i);
}

QString environmentKindColor(EnvironmentKind kind)
{
    switch (kind) {
    case EnvironmentKind::Local:
        return QStringLiteral("#6e7781");
    case EnvironmentKind::Development:
        return QStringLiteral("#0969da");
    case EnvironmentKind::Staging:
        return QStringLiteral("#bc4c00");
    case EnvironmentKind::Production:
        break;
    }
    return QStringLiteral("#cf222e");
}

} // namespace retort

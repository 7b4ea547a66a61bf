#include "bridge/reproducedversions.h"

namespace retort {

QString reproducedVersionsText()
{
    return QStringLiteral(
        "Retort reproduces alembic 1.8.1 with SQLAlchemy 1.4.46 (PostgreSQL dialect), as Debian 12 ships\n"
        "them: the command line's text and the --sql scripts byte for byte, natively rendered SQL by\n"
        "SQLAlchemy 1.4's rules. SQLAlchemy 2.0's type names (sa.Uuid, sa.UUID, sa.Double,\n"
        "sa.DOUBLE_PRECISION) are not rendered natively: their steps go to the project's own alembic,\n"
        "which renders them with SQLAlchemy 2.0 and fails on them with 1.4 (AttributeError), as\n"
        "alembic itself does.\n");
}

} // namespace retort

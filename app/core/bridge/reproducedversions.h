#pragma once

#include <QString>

namespace retort {

// Which alembic and SQLAlchemy output Retort reproduces, for `--help` and
// Help > About (plain text, lines of at most 100 characters).
QString reproducedVersionsText();

} // namespace retort

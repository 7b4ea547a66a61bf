#pragma once

#include <QString>
#include <QStringList>

namespace retort::testsupport {

// An alembic project written into `dir` for a test: a plain env.py (online:
// DATABASE_URL, one transaction, or one per step with `perMigration`), and
// one revision per entry of `upgrades`, "s1" <- "s2" <- ..., whose
// upgrade() is that entry (Python statements, one per line, unindented) and
// whose downgrade() is the same entry of `downgrades` (`pass` when there is
// none). Returns the alembic.ini path, or an empty string when a file cannot
// be written.
QString writeSmallProject(const QString &dir, const QStringList &upgrades, bool perMigration = false,
                          const QStringList &downgrades = QStringList());

// A project of three steps: s1 makes users (id, name), s2 adds
// users.email, s3 makes the index ix_users_name; and their downgrades, each
// undoing its upgrade.
QStringList usersUpgrades();
QStringList usersDowngrades();

// bench/generate_project.py into dir; empty string or the error.
QString generateProject(const QString &dir, const QStringList &options);

} // namespace retort::testsupport

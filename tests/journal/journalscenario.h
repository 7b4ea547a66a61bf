#pragma once

// What the journal suites share: one test's world (a small project, a fresh
// database of the private cluster, a journal folder) and small helpers.
// Header-only: Scenario::retort() runs the RETORT_BINARY of the test that
// includes it.
#include "journal/localjournal.h"
#include "processrunner.h"
#include "projectfixture.h"
#include "smallproject.h"
#include "testcluster.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>

namespace retort::testsupport {

inline QProcessEnvironment runEnv(const QString &url, const QString &journalDir)
{
    QProcessEnvironment e = alembicEnv(url);
    e.insert(QStringLiteral("RETORT_JOURNAL_DIR"), journalDir);
    return e;
}

// This journal folder's records; damaged lines into `damaged` when given.
inline QVector<JournalRecord> localRecords(const QString &dir, QVector<DamagedRecord> *damaged = nullptr)
{
    Result<JournalContents> c = LocalJournal(dir).read();
    if (!c)
        return {};
    if (damaged)
        *damaged = c->damaged;
    return c->records;
}

// A revision body line running `sql`.
inline QString exec(const QString &sql)
{
    return QStringLiteral("op.execute(\"%1\")").arg(sql);
}

// Replaces every `from` in the file with `to`; false when the file does not
// hold `from` or cannot be written.
inline bool replaceInFile(const QString &path, const QString &from, const QString &to)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QString text = QString::fromUtf8(f.readAll());
    f.close();
    if (!text.contains(from))
        return false;
    text.replace(from, to);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text.toUtf8()) > 0;
}

// One test's world in one temporary directory: a small project
// (writeSmallProject), a fresh database of the cluster, a journal folder.
struct Scenario {
    TestCluster cluster;
    QTemporaryDir tmp;
    QString ini;
    QString db;
    QString journal;
    QString error;  // why it could not be set up

    Scenario(const QStringList &upgrades, const QString &prefix, bool perMigration = false)
    {
        if (!cluster.available()) {
            error = cluster.missingReason();
            return;
        }
        ini = writeSmallProject(tmp.filePath(QStringLiteral("p")), upgrades, perMigration);
        db = cluster.createDatabase(prefix);
        journal = tmp.filePath(QStringLiteral("journal"));
        if (ini.isEmpty())
            error = QStringLiteral("the project was not written");
        else if (db.isEmpty())
            error = cluster.lastError();
    }
    ~Scenario()
    {
        if (!db.isEmpty())
            cluster.dropDatabase(db);
    }
    QProcessEnvironment env() const { return runEnv(cluster.url(db), journal); }
    // retort -c INI args..., against the database, with the journal folder
    ProcessResult retort(const QStringList &args) const
    {
        return runRetort(QStringList{QStringLiteral("-c"), ini} + args, tmp.path(), env());
    }
    QStringList rows(const QString &sql) { return queryRows(cluster, db, sql); }
    // alembic -c INI args... itself, against the database
    ProcessResult alembic(const QStringList &args) const
    {
        return runAlembic(ini, args, tmp.path(), alembicEnv(cluster.url(db)));
    }
    // the project's revision file s<i>.py
    QString file(int i) const { return tmp.filePath(QStringLiteral("p/migrations/versions/s%1.py").arg(i)); }
};

} // namespace retort::testsupport

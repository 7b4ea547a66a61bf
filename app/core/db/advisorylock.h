#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace retort {

// A bigint advisory lock key for a text (64-bit FNV-1a of its UTF-8).
qint64 advisoryKey(const QString &text);

// SQL matching pg_locks (alias l) rows of a granted bigint advisory lock:
// two placeholders, bound by bindAdvisoryKey. Advisory locks belong to the
// database they were taken in: `inDatabase` names it (a placeholder bound
// after the key), empty for the current one.
QString advisoryKeyMatch(bool namedDatabase = false);
void bindAdvisoryKey(class QSqlQuery &q, qint64 key);

// The earliest session but this one holding the advisory lock `key`.
struct AdvisoryHolder {
    bool found = false;
    QString error;  // why pg_locks could not be read
    int pid = 0;
    QString application, user, address;
    QDateTime since;

    // "pid 123, application "retort 0.1 (ann@box)", user retort, over a
    // Unix socket, connected since 2026-11-21 21:00:00 UTC", or why unknown.
    QString describe() const;
};
// `inDatabase`: the database the lock was taken in; empty for db's own.
AdvisoryHolder advisoryHolder(const QSqlDatabase &db, qint64 key, const QString &inDatabase = QString());

} // namespace retort

#pragma once

#include <QList>
#include <QPair>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace retort {

// The connection services libpq knows (service=NAME): the sections of the
// user's file (PGSERVICEFILE, else ~/.pg_service.conf), then of the system's
// (PGSYSCONFDIR/pg_service.conf, else /etc/postgresql-common/pg_service.conf),
// the user's first as libpq searches them. For the form to list them and show
// what one sets; libpq reads the files itself when connecting.
class PgServiceFile {
public:
    explicit PgServiceFile(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    // The files searched, in libpq's order.
    QStringList files() const { return m_files; }
    // Every service name, each once, in file order.
    QStringList names() const;
    // A service's keywords as its first section gives them (the password left
    // out), and the file it is in; empty when there is no such service.
    QList<QPair<QString, QString>> keywords(const QString &service, QString *file = nullptr) const;

private:
    struct Section {
        QString name;
        QString file;
        QList<QPair<QString, QString>> keywords;
    };
    QStringList m_files;
    QList<Section> m_sections;
};

} // namespace retort

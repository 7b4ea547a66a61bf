#include "passwordkeyring.h"

#include <qt6keychain/keychain.h>

namespace retort::gui {

namespace {

QString failure(const QKeychain::Job *job)
{
    return PasswordKeyring::tr("The desktop keyring cannot be used (%1): the password is kept for this session "
                               "only")
        .arg(job->errorString().isEmpty() ? PasswordKeyring::tr("error %1").arg(int(job->error()))
                                          : job->errorString());
}

} // namespace

PasswordKeyring::PasswordKeyring(QObject *parent) : QObject(parent) {}

QString PasswordKeyring::keyFor(const QString &projectKey, const QString &connection)
{
    return projectKey + QLatin1Char('/') + connection;
}

QString PasswordKeyring::service()
{
    return QStringLiteral("Retort");
}

void PasswordKeyring::store(const QString &key, const QString &password)
{
    auto *job = new QKeychain::WritePasswordJob(service(), this);
    job->setKey(key);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError;
        emit stored(key, ok, ok ? QString() : failure(j));
    });
    job->start();
}

void PasswordKeyring::read(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(service(), this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        const auto *r = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (j->error() == QKeychain::NoError)
            emit readFinished(key, true, r->textData(), QString());
        else if (j->error() == QKeychain::EntryNotFound)
            emit readFinished(key, false, QString(), QString());
        else
            emit readFinished(key, false, QString(), failure(j));
    });
    job->start();
}

void PasswordKeyring::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(service(), this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        emit removed(key, ok, ok ? QString() : failure(j));
    });
    job->start();
}

} // namespace retort::gui

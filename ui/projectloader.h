#pragma once

#include "loadedproject.h"
#include "result.h"

#include <QObject>
#include <QString>

namespace retort::gui {

// The worker that reads a project: alembic.ini, every revision file, the
// graph, alembic's history order and the lanes. It lives on a worker thread
// (see ProjectSession) and answers by signals, which reach the GUI queued.
class ProjectLoader : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // A folder means the alembic.ini inside it; the result is absolute.
    static QString resolveIniPath(const QString &path);
    // The whole load, synchronously, on the calling thread.
    static Result<LoadedProjectPtr> loadProject(const QString &path);

public slots:
    void load(quint64 request, const QString &path);
    void readSource(quint64 request, const QString &filePath);

signals:
    void loaded(quint64 request, retort::gui::LoadedProjectPtr project);
    void failed(quint64 request, const retort::Error &error, const QString &iniPath);
    void sourceRead(quint64 request, const QString &filePath, const QString &text, const QString &error);
};

} // namespace retort::gui

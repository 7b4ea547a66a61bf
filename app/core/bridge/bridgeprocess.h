#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <functional>
#include <memory>

namespace retort {

// One run of a child process that speaks JSON lines on stdout: arguments as a
// list (no shell), a request written to stdin, credentials only through the
// child's environment, stderr captured, a timeout, and cancellation by
// killing the child. Synchronous, without an event loop: call it from a
// worker thread (or the CLI), never from the GUI thread.
struct ProcessRequest {
    QString program;
    QStringList arguments;
    QString workDir;                 // empty: the current directory
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QByteArray stdinData;
    int timeoutMs = 10 * 60 * 1000;  // <= 0: none
    const std::atomic<bool> *cancel = nullptr;
    std::function<void(const QJsonObject &)> onEvent;   // each JSON line, as it arrives
    std::function<void(const QString &)> onStderrLine;  // each stderr line, as it arrives
    std::function<void()> onPoll;  // every few milliseconds while the child runs (before the cancel check)
};

struct ProcessOutcome {
    int exitCode = -1;
    QVector<QJsonObject> events;  // every JSON line of stdout, in order
    QByteArray stdoutNoise;       // stdout lines that were not JSON
    QByteArray stderrText;
};

// Fails (Kind::Io / Cancelled) when the child does not start, crashes, times
// out or is cancelled; a non-zero exit code is an outcome, not an error.
Result<ProcessOutcome> runJsonLinesProcess(const ProcessRequest &request);

// The same in two halves: start() launches the child at once (its start-up
// overlaps the caller's work), finish() writes the request and waits. Both
// on the same thread. Destroying a started, unfinished one kills the child.
class JsonLinesProcess {
public:
    explicit JsonLinesProcess(ProcessRequest request);
    ~JsonLinesProcess();
    JsonLinesProcess(const JsonLinesProcess &) = delete;
    JsonLinesProcess &operator=(const JsonLinesProcess &) = delete;

    Error start();
    // request.stdinData is ignored; `stdinData` is written instead.
    Result<ProcessOutcome> finish(const QByteArray &stdinData);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace retort

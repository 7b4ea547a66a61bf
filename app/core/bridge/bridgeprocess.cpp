#include "bridgeprocess.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QProcess>

#include <csignal>

#include <sys/prctl.h>
#include <unistd.h>

namespace retort {

namespace {

constexpr int kPollMs = 50;

class LineSplitter {
public:
    template <typename Fn>
    void feed(const QByteArray &bytes, Fn &&line)
    {
        m_pending += bytes;
        int start = 0;
        for (int nl = m_pending.indexOf('\n'); nl >= 0; nl = m_pending.indexOf('\n', start)) {
            line(m_pending.mid(start, nl - start));
            start = nl + 1;
        }
        m_pending.remove(0, start);
    }
    template <typename Fn>
    void finish(Fn &&line)
    {
        if (!m_pending.isEmpty())
            line(m_pending);
        m_pending.clear();
    }

private:
    QByteArray m_pending;
};

} // namespace

struct JsonLinesProcess::Private {
    ProcessRequest request;
    QProcess process;
    bool started = false;
};

JsonLinesProcess::JsonLinesProcess(ProcessRequest request) : d(std::make_unique<Private>())
{
    d->request = std::move(request);
}

JsonLinesProcess::~JsonLinesProcess()
{
    if (d->process.state() != QProcess::NotRunning) {
        d->process.kill();
        d->process.waitForFinished(5000);
    }
}

Error JsonLinesProcess::start()
{
    QProcess &process = d->process;
    const ProcessRequest &request = d->request;
    process.setProgram(request.program);
    process.setArguments(request.arguments);
    process.setProcessEnvironment(request.environment);
    if (!request.workDir.isEmpty())
        process.setWorkingDirectory(request.workDir);
    // The child must not outlive Retort (SIGKILL, a crash, the window
    // closed): alembic would go on migrating after the migration lock is
    // gone. The signal fires when the forking thread ends, and this thread
    // waits for the child in finish(). A parent that died before prctl()
    // took effect shows as a changed getppid().
    const pid_t parent = getpid();
    process.setChildProcessModifier([parent] {
        if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent)
            _exit(127);
    });
    process.start(QIODevice::ReadWrite);
    if (!process.waitForStarted(30000))
        return Error(Error::Kind::Io, QStringLiteral("cannot start %1: %2").arg(request.program, process.errorString()));
    d->started = true;
    return {};
}

Result<ProcessOutcome> JsonLinesProcess::finish(const QByteArray &stdinData)
{
    if (!d->started)
        return Error(Error::Kind::Internal, QStringLiteral("%1 was not started").arg(d->request.program));
    QProcess &process = d->process;
    const ProcessRequest &request = d->request;
    ProcessOutcome outcome;
    process.write(stdinData);
    process.closeWriteChannel();

    LineSplitter out, err;
    auto onOut = [&](const QByteArray &line) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            outcome.stdoutNoise += line + '\n';
            return;
        }
        outcome.events.append(doc.object());
        if (request.onEvent)
            request.onEvent(outcome.events.back());
    };
    auto onErr = [&](const QByteArray &line) {
        outcome.stderrText += line + '\n';
        if (request.onStderrLine)
            request.onStderrLine(QString::fromUtf8(line));
    };
    auto drain = [&] {
        out.feed(process.readAllStandardOutput(), onOut);
        err.feed(process.readAllStandardError(), onErr);
    };

    const QDeadlineTimer deadline = request.timeoutMs > 0 ? QDeadlineTimer(request.timeoutMs) : QDeadlineTimer::Forever;
    while (process.state() != QProcess::NotRunning) {
        if (request.onPoll)
            request.onPoll();
        if (request.cancel && request.cancel->load()) {
            process.kill();
            process.waitForFinished(5000);
            return Error(Error::Kind::Cancelled, QStringLiteral("cancelled: %1 was stopped").arg(request.program));
        }
        if (deadline.hasExpired()) {
            process.kill();
            process.waitForFinished(5000);
            drain();
            return Error(Error::Kind::Io, QStringLiteral("%1 did not finish within %2 s and was stopped")
                                              .arg(request.program).arg(request.timeoutMs / 1000));
        }
        process.waitForFinished(kPollMs);
        drain();
    }
    drain();
    out.finish(onOut);
    err.finish(onErr);
    if (process.exitStatus() == QProcess::CrashExit)
        return Error(Error::Kind::Io, QStringLiteral("%1 crashed: %2").arg(request.program, QString::fromUtf8(outcome.stderrText.right(2000))));
    outcome.exitCode = process.exitCode();
    return outcome;
}

Result<ProcessOutcome> runJsonLinesProcess(const ProcessRequest &request)
{
    JsonLinesProcess process(request);
    if (const Error e = process.start())
        return e;
    return process.finish(request.stdinData);
}

} // namespace retort

// How a long listing reaches the reader: `history` of a label-heavy project
// is tens of megabytes (alembic prints every label of a revision's line on
// every revision), and users pipe it into a pager or a script. The real
// binary writes into a real pipe read by this test; its text must be
// alembic's, and handing it over must not put the writer to sleep once per
// 64 KiB of pipe (counted as the voluntary context switches of the child's
// main thread while it writes, not timed).

#include "graph/revisiongraph.h"
#include "graph/revisionwalker.h"
#include "outputnormalizer.h"
#include "processrunner.h"
#include "project/projectconfig.h"
#include "project/scriptloader.h"
#include "revisionformat.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace retort;
using namespace retort::testsupport;

namespace {

// A chain of `revisions` revisions whose root carries `labels` long branch
// labels: every line of `history` names them all.
bool writeLabelledChain(const QString &dir, int revisions, int labels)
{
    if (!QDir().mkpath(dir + QStringLiteral("/migrations/versions")))
        return false;
    QFile ini(dir + QStringLiteral("/alembic.ini"));
    if (!ini.open(QIODevice::WriteOnly))
        return false;
    ini.write("[alembic]\nscript_location = %(here)s/migrations\n");
    ini.close();
    QFile env(dir + QStringLiteral("/migrations/env.py"));
    if (!env.open(QIODevice::WriteOnly))
        return false;
    env.close();
    QStringList names;
    for (int l = 0; l < labels; ++l)
        names << QStringLiteral("'feature_%1_with_a_rather_long_descriptive_name'").arg(l, 3, 10, QLatin1Char('0'));
    const auto id = [](int i) { return QStringLiteral("%1").arg(0xa00000000000ull + quint64(i), 12, 16); };
    for (int i = 0; i < revisions; ++i) {
        QFile f(dir + QStringLiteral("/migrations/versions/%1_step.py").arg(id(i)));
        if (!f.open(QIODevice::WriteOnly))
            return false;
        const QString down = i == 0 ? QStringLiteral("None") : QLatin1Char('\'') + id(i - 1) + QLatin1Char('\'');
        const QString branch = i == 0 ? QLatin1Char('(') + names.join(QStringLiteral(", ")) + QLatin1Char(')')
                                      : QStringLiteral("None");
        f.write(QStringLiteral("\"\"\"step %1\n\nRevision ID: %2\n\"\"\"\n"
                               "revision = '%2'\ndown_revision = %3\nbranch_labels = %4\ndepends_on = None\n\n\n"
                               "def upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n")
                    .arg(i)
                    .arg(id(i), down, branch)
                    .toUtf8());
    }
    return true;
}

struct PipedRun {
    QByteArray out;
    int exitStatus = -1;
    // the child's main thread, from its first byte in the pipe to its exit:
    // the listing's hand-over alone (the loader threads before it wait on
    // each other and on the allocator as a loaded machine makes them)
    long writerSwitches = -1;
    int pipeSize = -1;  // as the child left it when its first byte came
    QString error;
};

// voluntary_ctxt_switches of pid's main thread (a zombie keeps its count
// until it is reaped), or -1
long voluntarySwitchesOf(pid_t pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key("voluntary_ctxt_switches:");
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().toLong();
    return -1;
}

// The binary with args in workDir, its stdout a pipe drained here as fast
// as it fills (or, slowReader, 64 KiB every 5 ms from a pipe the child
// inherits non-blocking, as some parents leave it); its stderr and stdin
// are /dev/null.
PipedRun runIntoPipe(const QStringList &args, const QString &workDir, bool slowReader = false)
{
    PipedRun run;
    int fds[2];
    if (::pipe(fds) != 0) {
        run.error = QStringLiteral("pipe: %1").arg(errno);
        return run;
    }
    if (slowReader && ::fcntl(fds[1], F_SETFL, ::fcntl(fds[1], F_GETFL) | O_NONBLOCK) != 0) {
        run.error = QStringLiteral("fcntl: %1").arg(errno);
        return run;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[1]);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    const QByteArray dir = QFile::encodeName(workDir);
    posix_spawn_file_actions_addchdir_np(&actions, dir.constData());
    QList<QByteArray> argBytes{QByteArrayLiteral(RETORT_BINARY)};
    for (const QString &a : args)
        argBytes << a.toUtf8();
    std::vector<char *> argv;
    for (QByteArray &a : argBytes)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if (spawned != 0) {
        ::close(fds[0]);
        run.error = QStringLiteral("posix_spawn: %1").arg(spawned);
        return run;
    }
    QByteArray chunk(slowReader ? 1 << 16 : 1 << 20, Qt::Uninitialized);
    long atFirstByte = -1;
    for (;;) {
        if (slowReader)
            ::usleep(5000);
        const ssize_t n = ::read(fds[0], chunk.data(), size_t(chunk.size()));
        if (n > 0) {
            if (run.out.isEmpty()) {
                atFirstByte = voluntarySwitchesOf(pid);
                run.pipeSize = ::fcntl(fds[0], F_GETPIPE_SZ);
            }
            run.out.append(chunk.constData(), n);
        } else if (n == 0 || errno != EINTR) {
            break;
        }
    }
    ::close(fds[0]);
    siginfo_t exited {};
    if (::waitid(P_PID, id_t(pid), &exited, WEXITED | WNOWAIT) != 0) {
        run.error = QStringLiteral("waitid: %1").arg(errno);
        return run;
    }
    const long atExit = voluntarySwitchesOf(pid);
    if (atFirstByte >= 0 && atExit >= atFirstByte)
        run.writerSwitches = atExit - atFirstByte;
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid) {
        run.error = QStringLiteral("waitpid: %1").arg(errno);
        return run;
    }
    run.exitStatus = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

} // namespace

class TestListingOutput : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        qputenv("RETORT_CACHE_DIR", "off");
        QVERIFY(writeLabelledChain(m_tmp.filePath(QStringLiteral("chain")), 3000, 40));
    }

    // wide-merges: ten-parent merges of labelled branches make hundreds of
    // distinct label lists of the same few hundred names, each printed on
    // many lines. Each list is joined once, and each name encoded once for
    // all of them (not once per list it is in).
    void eachLabelNameEncodedOnce()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("wide"));
        const ProcessResult made = runProcess(alembicPython(),
                                              {QStringLiteral(RETORT_SOURCE_DIR "/bench/shapes.py"), dir,
                                               QStringLiteral("--shape"), QStringLiteral("wide-merges"),
                                               QStringLiteral("--revisions"), QStringLiteral("1000"),
                                               QStringLiteral("--quiet")},
                                              QString());
        QVERIFY2(made.ok(), qPrintable(made.describe()));
        Result<ProjectConfig> cfg = ProjectConfig::load(dir + QStringLiteral("/alembic.ini"));
        QVERIFY(cfg);
        Result<ScriptLoader::Loaded> loaded = ScriptLoader::load(cfg.value());
        QVERIFY(loaded);
        Result<RevisionGraph> built = RevisionGraph::build(loaded->scripts);
        QVERIFY(built);
        const RevisionGraph &g = built.value();
        Result<QVector<int>> order = RevisionWalker(g).history(QString(), QString());
        QVERIFY(order);
        cli::RevisionFormat format(g, loaded->scripts);
        cli::RevisionFormat::Options o;
        o.includeBranches = o.includeDoc = o.includeParents = true;
        QByteArray text;
        QSet<int> sets;
        qsizetype namesInLists = 0;
        for (int r : order.value()) {
            format.appendCmdFormat(text, r, false, o);
            text += '\n';
            const RevisionNode &n = g.node(r);
            if (!n.branchLabels.isEmpty() && !sets.contains(n.labelSet)) {
                sets.insert(n.labelSet);
                namesInLists += n.branchLabels.size();
            }
        }
        QVERIFY2(namesInLists > 10 * g.labels().size(),
                 qPrintable(QStringLiteral("%1 names in %2 lists").arg(namesInLists).arg(sets.size())));
        QCOMPARE(format.labelTextsBuilt(), int(sets.size()));
        QCOMPARE(format.labelNamesEncoded(), int(g.labels().size()));
        const ProcessResult expected = runAlembic(QStringLiteral("alembic.ini"), {QStringLiteral("history")}, dir);
        QVERIFY2(expected.ok(), qPrintable(expected.describe()));
        QVERIFY(normalizeSetOrder(text) == normalizeSetOrder(expected.out));
    }

    // 3,000 lines of 40 labels: 6 MB. A pipe holds 64 KiB unless the
    // writer widens it; each time it is full the writer sleeps (a voluntary
    // context switch) until the reader empties it: about 95 times for this
    // text in a 64 KiB pipe, a few in one piece's worth.
    void longHistoryIntoAPipe()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("chain"));
        const QStringList args{QStringLiteral("-c"), QStringLiteral("alembic.ini"), QStringLiteral("history")};
        const PipedRun piped = runIntoPipe(args, dir);
        QVERIFY2(piped.error.isEmpty(), qPrintable(piped.error));
        QCOMPARE(piped.exitStatus, 0);
        QVERIFY2(piped.out.size() > 5 * 1000 * 1000, qPrintable(QString::number(piped.out.size())));
        const long bound = long(piped.out.size() / (256 * 1024));
        QVERIFY2(piped.writerSwitches >= 0, "the child's switch count could not be read from /proc");
        qInfo("%ld voluntary context switches writing %lld bytes into a pipe of %d bytes", piped.writerSwitches,
              qlonglong(piped.out.size()), piped.pipeSize);
        QVERIFY2(piped.writerSwitches <= bound,
                 qPrintable(QStringLiteral("%1 voluntary context switches writing %2 bytes into a pipe of %4 bytes "
                                           "(at most %3)")
                                .arg(piped.writerSwitches)
                                .arg(piped.out.size())
                                .arg(bound)
                                .arg(piped.pipeSize)));

        const ProcessResult expected = runAlembic(QStringLiteral("alembic.ini"), {QStringLiteral("history")}, dir);
        QVERIFY2(expected.ok(), qPrintable(expected.describe()));
        QCOMPARE(piped.out.size(), expected.out.size());
        // the labels come in alembic's set order
        QVERIFY(normalizeSetOrder(piped.out) == normalizeSetOrder(expected.out));
    }

    // A pipe the parent left non-blocking, read slowly (a hostile try: the
    // text ended after the first 64 KiB, later 1 MiB, with exit 0): all of
    // it arrives, as into a blocking pipe.
    void aNonBlockingPipeGetsTheWholeText()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("chain"));
        const QStringList args{QStringLiteral("-c"), QStringLiteral("alembic.ini"), QStringLiteral("history")};
        const PipedRun fast = runIntoPipe(args, dir);
        QVERIFY2(fast.error.isEmpty(), qPrintable(fast.error));
        const PipedRun slow = runIntoPipe(args, dir, true);
        QVERIFY2(slow.error.isEmpty(), qPrintable(slow.error));
        QCOMPARE(slow.exitStatus, 0);
        QCOMPARE(slow.out.size(), fast.out.size());
        QVERIFY(slow.out == fast.out);
    }
};

QTEST_GUILESS_MAIN(TestListingOutput)
#include "tst_listingoutput.moc"

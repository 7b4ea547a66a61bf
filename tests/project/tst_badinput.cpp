// Files a user did not mean to give Retort, or cannot read: a damaged header
// cache, revision files alembic cannot import, FIFOs and devices in the
// versions folder, folders and files without read permission. Each must end
// in an error naming the file (or, for the cache, in the uncached answer),
// never in a hang, a crash or a wrong graph with exit 0.

#include "filetree.h"
#include "fuzzseed.h"
#include "processrunner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace retort::testsupport;

namespace {

const QString kSample = QStringLiteral(RETORT_SOURCE_DIR "/migrations/analytics");
const QString kPermissionDenied = QStringLiteral("Permission denied");

QByteArray revisionFile(const QByteArray &id, const QByteArray &down, const QByteArray &body = "    pass\n")
{
    return "\"\"\"" + id + "\n\nRevision ID: " + id + "\n\"\"\"\nfrom alembic import op\n\nrevision = '" + id
           + "'\ndown_revision = " + down + "\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n"
           + body + "\n\ndef downgrade():\n    pass\n";
}

// A small project: a1 <- b2 <- c3, alembic.ini and the sample's env.py.
void writeSmallProject(const QString &root)
{
    writeFile(root + QStringLiteral("/alembic.ini"),
              "[alembic]\nscript_location = %(here)s/mig\nsqlalchemy.url = postgresql://u@localhost/db\n");
    QFile env(QStringLiteral(RETORT_SOURCE_DIR "/migrations/analytics/alembic/env.py"));
    QVERIFY2(env.open(QIODevice::ReadOnly), qPrintable(env.fileName()));
    writeFile(root + QStringLiteral("/mig/env.py"), env.readAll());
    writeFile(root + QStringLiteral("/mig/versions/a1_first.py"), revisionFile("a1", "None"));
    writeFile(root + QStringLiteral("/mig/versions/b2_second.py"), revisionFile("b2", "'a1'"));
    writeFile(root + QStringLiteral("/mig/versions/c3_third.py"), revisionFile("c3", "'b2'"));
}

QString smallProject(const QString &root)
{
    writeSmallProject(root);
    return root + QStringLiteral("/alembic.ini");
}

QProcessEnvironment cacheEnv(const QString &dir)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("RETORT_CACHE_DIR"), dir);
    return env;
}

QString outcome(const ProcessResult &r)
{
    return QStringLiteral("%1 exit %2\n%3%4").arg(r.error).arg(r.exitCode).arg(QString::fromUtf8(r.out),
                                                                              QString::fromUtf8(r.err));
}

// A failure that names `path` and says `reason`, within the time limit.
void expectNamedFailure(const ProcessResult &r, const QString &path, const QString &reason)
{
    QVERIFY2(r.error.isEmpty(), qPrintable(outcome(r)));
    QVERIFY2(r.exitCode != 0, qPrintable(outcome(r)));
    const QString all = QString::fromUtf8(r.out + r.err);
    QVERIFY2(all.contains(path), qPrintable(QStringLiteral("%1 not named in:\n%2").arg(path, all)));
    QVERIFY2(all.contains(reason), qPrintable(QStringLiteral("'%1' not said in:\n%2").arg(reason, all)));
}

bool isRoot() { return ::geteuid() == 0; }

} // namespace

class TestBadInput : public QObject {
    Q_OBJECT

private:
    // Runs retort as a user the permission bits apply to: root reads
    // everything, so as root the binary runs as `nobody` (through runuser),
    // from a copy that user can reach.
    ProcessResult runUnprivileged(const QStringList &args, const QString &workDir)
    {
        QProcessEnvironment env = cacheEnv(QStringLiteral("off"));
        if (!isRoot())
            return runRetort(args, workDir, env, 60000);
        return runProcess(QStringLiteral("runuser"),
                          QStringList{QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"),
                                      m_binaryCopy} + args,
                          workDir, env, 60000);
    }

    // b2's upgrade() body replaced by `body`: alembic fails to import it
    // with a SyntaxError, and Retort fails the same way (exit, stdout), naming
    // file:line, with its header cache cold, warm and off.
    void expectFailureAsAlembic(const QByteArray &body, int line, std::initializer_list<const char *> commands)
    {
        QTemporaryDir dir;
        const QString ini = smallProject(dir.path());
        const QString broken = dir.filePath(QStringLiteral("mig/versions/b2_second.py"));
        writeFile(broken, revisionFile("b2", "'a1'", body));
        for (const char *command : commands) {
            const QStringList args{QStringLiteral("-c"), ini, QString::fromLatin1(command)};
            const ProcessResult alembic = runAlembic(ini, args.mid(2), dir.path());
            QVERIFY2(alembic.error.isEmpty() && alembic.exitCode != 0, qPrintable(outcome(alembic)));
            QVERIFY2(alembic.err.contains("SyntaxError") || alembic.err.contains("IndentationError"),
                     alembic.err.constData());
            for (const QString &cache : {dir.filePath(QStringLiteral("cache")), QStringLiteral("off")}) {
                // twice with the cache: cold, then warm
                for (int run = 0; run < 2; ++run) {
                    const ProcessResult r = runRetort(args, dir.path(), cacheEnv(cache));
                    // alembic's traceback: exit 1, nothing on stdout; Retort adds file:line
                    expectNamedFailure(r, QStringLiteral("%1:%2").arg(broken).arg(line), QString());
                    QCOMPARE(r.exitCode, alembic.exitCode);
                    QCOMPARE(r.out, alembic.out);
                }
            }
        }
    }

    QTemporaryDir m_shared;  // world-reachable, for runUnprivileged
    QString m_binaryCopy;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_shared.isValid());
        QVERIFY(QFile::setPermissions(m_shared.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                           | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                                           | QFileDevice::ExeOther | QFileDevice::ReadGroup
                                                           | QFileDevice::ExeGroup));
        m_binaryCopy = m_shared.filePath(QStringLiteral("retort"));
        QVERIFY(QFile::copy(QStringLiteral(RETORT_BINARY), m_binaryCopy));
        QVERIFY(QFile::setPermissions(m_binaryCopy, QFile::permissions(m_binaryCopy) | QFileDevice::ExeOther
                                                        | QFileDevice::ReadOther));
    }

    // Item 12: every damaged copy of a real cache file either is rejected
    // (the files are read again) or still says what the files say; the graph
    // never changes.
    void damagedCacheNeverChangesTheGraph()
    {
        QTemporaryDir dir, cacheDir;
        QVERIFY(copyTree(kSample, dir.path()));
        const QString ini = dir.filePath(QStringLiteral("alembic.ini"));
        const QStringList commands[] = {{QStringLiteral("-c"), ini, QStringLiteral("heads")},
                                        {QStringLiteral("-c"), ini, QStringLiteral("history")}};
        QString expected[2];
        for (int c = 0; c < 2; ++c) {
            const ProcessResult r = runRetort(commands[c], dir.path(), cacheEnv(QStringLiteral("off")));
            QVERIFY2(r.ok(), qPrintable(outcome(r)));
            expected[c] = outcome(r);
        }
        QVERIFY(runRetort(commands[0], dir.path(), cacheEnv(cacheDir.path())).ok());
        const QStringList files = QDir(cacheDir.path()).entryList(QDir::Files);
        QCOMPARE(files.size(), 1);
        const QString cacheFile = cacheDir.filePath(files.front());
        QFile f(cacheFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray good = f.readAll();
        f.close();
        QVERIFY(good.size() > 100);

        const quint32 seed = fuzzSeed(20261207u);
        qInfo("seed %u, cache file of %lld bytes", seed, qlonglong(good.size()));
        QRandomGenerator random(seed);
        for (int n = 0; n < 300; ++n) {
            const qint64 bit = random.bounded(qint64(good.size()) * 8);
            QByteArray damaged = good;
            damaged[bit / 8] = char(damaged[bit / 8] ^ (1 << (bit % 8)));
            for (int c = 0; c < 2; ++c) {
                writeFile(cacheFile, damaged);
                const ProcessResult r = runRetort(commands[c], dir.path(), cacheEnv(cacheDir.path()));
                if (outcome(r) != expected[c]) {
                    const QString keep = QDir::temp().filePath(QStringLiteral("retort-damaged-cache-%1.bin").arg(seed));
                    writeFile(keep, damaged);
                    QFAIL(qPrintable(QStringLiteral("seed %1, bit %2 (damaged cache kept in %3), %4:\n%5\nexpected:\n%6")
                                         .arg(seed)
                                         .arg(bit)
                                         .arg(keep, commands[c].last(), outcome(r), expected[c])));
                }
            }
        }
    }

    // A cache folder another user can write is neither read nor written:
    // its digest catches accidents, not someone who forges an entry and
    // recomputes it (here a revision's message, with a valid digest).
    void cacheOthersCanWriteIsNotTrusted()
    {
        QTemporaryDir dir, cacheDir;
        QVERIFY(copyTree(kSample, dir.path()));
        const QString ini = dir.filePath(QStringLiteral("alembic.ini"));
        const QStringList history{QStringLiteral("-c"), ini, QStringLiteral("history")};
        const ProcessResult plain = runRetort(history, dir.path(), cacheEnv(QStringLiteral("off")));
        QVERIFY2(plain.ok() && plain.out.contains("Track request ids"), qPrintable(outcome(plain)));
        QVERIFY(runRetort(history, dir.path(), cacheEnv(cacheDir.path())).ok());
        const QStringList files = QDir(cacheDir.path()).entryList(QDir::Files);
        QCOMPARE(files.size(), 1);
        const QString cacheFile = cacheDir.filePath(files.front());
        QFile f(cacheFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        f.close();
        bytes.chop(16);
        QVERIFY(bytes.contains("Track request ids"));
        bytes.replace("Track request ids", "Track FORGED! ids");
        bytes += QCryptographicHash::hash(bytes, QCryptographicHash::Md5);
        writeFile(cacheFile, bytes);
        QCOMPARE(::chmod(QFile::encodeName(cacheDir.path()).constData(), 0777), 0);
        const ProcessResult r = runRetort(history, dir.path(), cacheEnv(cacheDir.path()));
        QCOMPARE(outcome(r), outcome(plain));
    }

    // A cache file that is a link is never written through: QSaveFile would
    // replace the link's target (once /dev/zero itself) with the cache.
    void cacheLinkIsNotWrittenThrough()
    {
        QTemporaryDir dir, cacheDir, elsewhere;
        QVERIFY(copyTree(kSample, dir.path()));
        const QString ini = dir.filePath(QStringLiteral("alembic.ini"));
        const QStringList heads{QStringLiteral("-c"), ini, QStringLiteral("heads")};
        const ProcessResult plain = runRetort(heads, dir.path(), cacheEnv(QStringLiteral("off")));
        QVERIFY2(plain.ok(), qPrintable(outcome(plain)));
        QVERIFY(runRetort(heads, dir.path(), cacheEnv(cacheDir.path())).ok());
        const QStringList files = QDir(cacheDir.path()).entryList(QDir::Files);
        QCOMPARE(files.size(), 1);
        const QString cacheFile = cacheDir.filePath(files.front());
        const QString target = elsewhere.filePath(QStringLiteral("precious"));
        writeFile(target, "precious\n");
        QVERIFY(QFile::remove(cacheFile));
        QVERIFY(QFile::link(target, cacheFile));
        const ProcessResult r = runRetort(heads, dir.path(), cacheEnv(cacheDir.path()));
        QCOMPARE(outcome(r), outcome(plain));
        QFile kept(target);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("precious\n"));
    }

    // The bridge's script, which Python runs with the user's credentials in
    // its environment, is never written into a folder another user can write
    // (there it could be swapped between Retort's check and Python's open).
    void bridgeScriptNeverInAFolderOthersCanWrite()
    {
        QTemporaryDir tmp;
        const QString planted = tmp.filePath(QStringLiteral("retort-bridge-%1").arg(::geteuid()));
        QVERIFY(QDir().mkpath(planted));
        QCOMPARE(::chmod(QFile::encodeName(planted).constData(), 0777), 0);
        QTemporaryDir dir;
        QVERIFY(copyTree(kSample, dir.path()));
        const QString ini = dir.filePath(QStringLiteral("alembic.ini"));
        QProcessEnvironment env = cacheEnv(QStringLiteral("off"));
        env.insert(QStringLiteral("TMPDIR"), tmp.path());
        const ProcessResult r = runRetort(QStringList{QStringLiteral("-c"), ini, QStringLiteral("upgrade"),
                                                      QStringLiteral("base:heads"), QStringLiteral("--sql"),
                                                      QStringLiteral("--engine"), QStringLiteral("python")},
                                          dir.path(), env, 120000);
        QVERIFY2(r.ok() && r.out.contains("CREATE TABLE alembic_version"), qPrintable(outcome(r)));
        QCOMPARE(QDir(planted).entryList(QDir::Files), QStringList());
    }

    // Item 14: a FIFO, a device or an oversized file among the revisions, or
    // as env.py, is an error naming it, at once.
    void specialFilesAreNamedErrors_data()
    {
        QTest::addColumn<QString>("file");     // relative to the project
        QTest::addColumn<QString>("kind");     // fifo, zero, big
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("reason");
        const QStringList heads{QStringLiteral("heads")};
        const QStringList sql{QStringLiteral("upgrade"), QStringLiteral("head"), QStringLiteral("--sql")};
        QTest::newRow("revision fifo") << "mig/versions/d4_fifo.py" << "fifo" << heads << "not a regular file";
        QTest::newRow("revision /dev/zero") << "mig/versions/d4_zero.py" << "zero" << heads << "not a regular file";
        QTest::newRow("revision of 17 MiB") << "mig/versions/d4_big.py" << "big" << heads << "larger than";
        QTest::newRow("env.py fifo") << "mig/env.py" << "fifo" << sql << "not a regular file";
        QTest::newRow("env.py /dev/zero") << "mig/env.py" << "zero" << sql << "not a regular file";
        QTest::newRow("alembic.ini of 17 MiB") << "alembic.ini" << "big" << heads << "larger than";
    }

    void specialFilesAreNamedErrors()
    {
        QFETCH(QString, file);
        QFETCH(QString, kind);
        QFETCH(QStringList, args);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString ini = smallProject(dir.path());
        const QString path = dir.filePath(file);
        QFile::remove(path);
        if (kind == QLatin1String("fifo")) {
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0644), 0);
        } else if (kind == QLatin1String("zero")) {
            QVERIFY(QFile::link(QStringLiteral("/dev/zero"), path));
        } else {
            QByteArray big = file.endsWith(QLatin1String(".ini")) ? QByteArray("[alembic]\nscript_location = mig\n")
                                                                  : revisionFile("d4", "'c3'");
            big += '#';
            big += QByteArray(17 * 1024 * 1024, 'x');
            big += '\n';
            writeFile(path, big);
        }
        const ProcessResult r = runRetort(QStringList{QStringLiteral("-c"), ini} + args, dir.path(),
                                          cacheEnv(QStringLiteral("off")), 20000);
        expectNamedFailure(r, path, reason);
    }

    // Item 15: what the user cannot read is an error naming it and saying
    // "Permission denied", never a missing file or an empty project.
    void unreadableIsPermissionDenied_data()
    {
        QTest::addColumn<QString>("locations");  // version_locations, or empty
        QTest::addColumn<QString>("target");     // made unreadable (mode 000)
        QTest::addColumn<QStringList>("args");
        const QStringList heads{QStringLiteral("heads")};
        const QStringList sql{QStringLiteral("upgrade"), QStringLiteral("heads"), QStringLiteral("--sql")};
        QTest::newRow("script directory, heads") << QString() << "mig" << heads;
        QTest::newRow("script directory, offline sql") << QString() << "mig" << sql;
        // the revisions readable, env.py (with the version table's name) not
        QTest::newRow("script directory, versions elsewhere, offline sql") << "%(here)s/more/v" << "mig" << sql;
        QTest::newRow("versions folder") << QString() << "mig/versions" << heads;
        QTest::newRow("revision file") << QString() << "mig/versions/b2_second.py" << heads;
        QTest::newRow("env.py, offline sql") << QString() << "mig/env.py" << sql;
        QTest::newRow("alembic.ini") << QString() << "alembic.ini" << heads;
        QTest::newRow("explicit version location")
            << "%(here)s/mig/versions %(here)s/more/v" << "more" << heads;
    }

    void unreadableIsPermissionDenied()
    {
        QFETCH(QString, locations);
        QFETCH(QString, target);
        QFETCH(QStringList, args);
        QTemporaryDir dir(m_shared.filePath(QStringLiteral("perm-XXXXXX")));
        QVERIFY(QFile::setPermissions(dir.path(), QFile::permissions(m_shared.path())));
        const QString ini = smallProject(dir.path());
        if (!locations.isEmpty()) {
            writeFile(ini, "[alembic]\nscript_location = %(here)s/mig\nversion_locations = " + locations.toUtf8() + "\n");
            const bool alone = !locations.contains(QLatin1String("mig/versions"));
            writeFile(dir.filePath(QStringLiteral("more/v/d4_more.py")), revisionFile("d4", alone ? "None" : "'c3'"));
        }
        // everything readable by all, then the target by nobody
        const ProcessResult chmod = runProcess(QStringLiteral("chmod"), {QStringLiteral("-R"), QStringLiteral("a+rX"), dir.path()}, QString());
        QVERIFY2(chmod.ok(), qPrintable(outcome(chmod)));
        const QString path = dir.filePath(target);
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0), 0);
        const ProcessResult r = runUnprivileged(QStringList{QStringLiteral("-c"), ini} + args, dir.path());
        ::chmod(QFile::encodeName(path).constData(), 0755);
        QVERIFY2(!r.out.contains("No such file"), qPrintable(outcome(r)));
        expectNamedFailure(r, path, kPermissionDenied);
    }

    // Item 13: a revision file alembic cannot import is an error with its
    // file and line, wherever the syntax error is, as alembic fails on it.
    void bodySyntaxErrorsFailAsInAlembic_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("line");
        QTest::newRow("x = 1 +") << QByteArray("    x = 1 +\n") << 14;
        QTest::newRow("return return") << QByteArray("    return return\n") << 14;
        QTest::newRow("stray indent") << QByteArray("    pass\n        pass\n") << 15;
        QTest::newRow("unclosed bracket") << QByteArray("    op.execute((\n") << 14;
        // compiler checks, after the parser (found by tst_inputfuzz)
        QTest::newRow("keyword argument repeated") << QByteArray("    op.execute('x', a=1, a=2)\n") << 14;
        QTest::newRow("await outside async function") << QByteArray("    await op.f('x')\n") << 14;
        QTest::newRow("break outside loop") << QByteArray("    break\n") << 14;
        QTest::newRow("bare except not last")
            << QByteArray("    try:\n        pass\n    except:\n        pass\n    except ValueError:\n        pass\n") << 16;
    }

    void bodySyntaxErrorsFailAsInAlembic()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, line);
        expectFailureAsAlembic(body, line, {"heads", "history", "branches"});
    }

    // What only Python's compiler and symbol table refuse (ast.parse()
    // accepts it): importing the file fails, so alembic does; one command
    // each (tst_compilecheck holds the checks to compile() itself).
    void compilerErrorsFailAsInAlembic_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("line");
        QTest::newRow("late __future__ import") << QByteArray("    from __future__ import annotations\n") << 14;
        QTest::newRow("global after assignment") << QByteArray("    x = 1\n    global x\n") << 15;
        QTest::newRow("global after use") << QByteArray("    print(x)\n    global x\n") << 15;
        QTest::newRow("starred target alone") << QByteArray("    *a = 1\n") << 14;
        QTest::newRow("starred value alone") << QByteArray("    a = [1]\n    x = *a\n") << 15;
        QTest::newRow("walrus rebinds iteration variable") << QByteArray("    [y := 1 for y in 'ab']\n") << 14;
        QTest::newRow("int of 4301 digits") << "    x = " + QByteArray(4301, '7') + "\n" << 14;
        QTest::newRow("assignment to __debug__") << QByteArray("    __debug__ = 1\n") << 14;
        QTest::newRow("nonlocal without binding") << QByteArray("    def f():\n        nonlocal q\n") << 15;
    }

    void compilerErrorsFailAsInAlembic()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, line);
        expectFailureAsAlembic(body, line, {"heads"});
    }

    // alembic runs env.py for --sql: one it cannot compile fails the command
    // (exit 1), and Retort must not render with alembic's defaults instead
    // (found by tst_inputfuzz).
    void envSyntaxErrorStopsOfflineSql()
    {
        QTemporaryDir dir;
        const QString ini = smallProject(dir.path());
        const QString env = dir.filePath(QStringLiteral("mig/env.py"));
        QFile f(env);
        QVERIFY(f.open(QIODevice::Append));
        f.write("\ndef broken(:\n    pass\n");
        f.close();
        const QStringList args{QStringLiteral("upgrade"), QStringLiteral("heads"), QStringLiteral("--sql")};
        const ProcessResult alembic = runAlembic(ini, args, dir.path());
        QVERIFY2(alembic.exitCode == 1 && alembic.err.contains("SyntaxError"), qPrintable(outcome(alembic)));
        const ProcessResult r = runRetort(QStringList{QStringLiteral("-c"), ini} + args, dir.path(),
                                          cacheEnv(QStringLiteral("off")));
        expectNamedFailure(r, env + QLatin1Char(':'), QString());
        QCOMPARE(r.exitCode, alembic.exitCode);
    }

    // retort execs its window program (retort-window) for a project path: a
    // copy of retort without one, or with one it cannot execute, says which
    // file it looked at and exits 1, instead of crashing or hanging.
    void missingWindowProgramIsNamed()
    {
        const QString folder = QFileInfo(m_binaryCopy).canonicalPath();
        const QString beside = folder + QStringLiteral("/retort-window");
        QProcessEnvironment env;
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        ProcessResult r = runRetortBinary(m_binaryCopy, {kSample + QStringLiteral("/alembic.ini")}, m_shared.path(),
                                          env, 30000);
        expectNamedFailure(r, beside, QStringLiteral("the window program is missing"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("/retort/retort-window"), r.err.constData());  // the installed place too

        QFile notExecutable(beside);
        QVERIFY(notExecutable.open(QIODevice::WriteOnly));
        notExecutable.close();
        r = runRetortBinary(m_binaryCopy, {}, m_shared.path(), env, 30000);
        QVERIFY(notExecutable.remove());
        expectNamedFailure(r, beside, QStringLiteral("Permission denied"));
        QCOMPARE(r.exitCode, 1);
    }

    // `retort history > history`: the shell makes ./history before retort
    // starts, and retort opened the window on it (Qt's abort on a server,
    // an empty file and exit 0 with a display). A command word is the command;
    // a mistyped one is alembic's usage error; no display is said plainly.
    // The copy has no window program beside it: any window attempt shows.
    void aCommandWordIsNeverTakenForAProject()
    {
        QTemporaryDir dir;
        QVERIFY(copyTree(kSample, dir.path()));
        QFile history(dir.filePath(QStringLiteral("history")));
        QVERIFY(history.open(QIODevice::WriteOnly));
        history.close();
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("heads")));
        QProcessEnvironment env;
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        for (const QString &command : {QStringLiteral("history"), QStringLiteral("heads")}) {
            const ProcessResult r = runRetortBinary(m_binaryCopy, {command}, dir.path(), env, 30000);
            QVERIFY2(r.ok() && !r.out.isEmpty(), qPrintable(outcome(r)));
            QVERIFY2(!r.err.contains("window"), qPrintable(outcome(r)));
        }
        ProcessResult r = runRetortBinary(m_binaryCopy, {QStringLiteral("hist")}, dir.path(), env, 30000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("invalid choice: 'hist'"), qPrintable(outcome(r)));

        // No display: said, not Qt's abort (and before looking for the window).
        const QByteArray saved[] = {qgetenv("DISPLAY"), qgetenv("WAYLAND_DISPLAY"), qgetenv("QT_QPA_PLATFORM")};
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
        qunsetenv("QT_QPA_PLATFORM");
        r = runRetortBinary(m_binaryCopy, {dir.filePath(QStringLiteral("alembic.ini"))}, dir.path(), {}, 30000);
        // Qt's -platform option is a display of its own: the window program is looked for.
        const ProcessResult withPlatform = runRetortBinary(
            m_binaryCopy, {QStringLiteral("-platform"), QStringLiteral("offscreen"), dir.filePath(QStringLiteral("alembic.ini"))},
            dir.path(), {}, 30000);
        const char *names[] = {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"};
        for (int i = 0; i < 3; ++i)
            if (!saved[i].isNull())
                qputenv(names[i], saved[i]);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("retort: no display for the window"), qPrintable(outcome(r)));
        QVERIFY2(withPlatform.err.contains("the window program is missing"), qPrintable(outcome(withPlatform)));
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"

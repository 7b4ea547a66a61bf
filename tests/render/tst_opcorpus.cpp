// Differential corpus of op rendering: every project under
// tests/render/corpus/*/alembic.ini, one small revision per form. For each
// revision and direction the real alembic's offline section (`-- Running
// ...` up to the next one) must equal Retort's byte for byte, or Retort
// must refuse with "needs Python". A line marked `# retort: needs-python`
// inside upgrade()/downgrade() must make Retort refuse that direction at
// exactly that line; a marker outside the functions says the file as a
// whole needs Python somewhere: each direction is refused (naming the file)
// or exact.
//
// alembic runs once per project and direction over the whole range
// (base:heads, heads:base), its output split at the step markers; only when
// that run fails (a form alembic itself cannot render) are the revisions it
// did not reach run one by one.

#include "filetree.h"
#include "processrunner.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace retort::testsupport;

namespace {

const char kMarker[] = "# retort: needs-python";

struct Revision {
    QString id;
    QStringList parents;      // empty: a root
    QString file;             // absolute path in the copy
    int upgradeMarker = 0;    // line of a marker inside upgrade(), 0: none
    int downgradeMarker = 0;
    bool fileMarker = false;  // a marker outside the two functions
};

struct Project {
    QString name;
    QString dir;  // the copy alembic and retort run in
    QVector<Revision> revisions;
    QHash<QString, QString> upSections;    // "<from> -> <to>" text: section
    QHash<QString, QString> downSections;
};

// Steps of an offline script, keyed by what follows "-- Running upgrade " /
// "-- Running downgrade ". A section runs from its marker to the next one,
// without the transaction edges around it.
QHash<QString, QString> sections(const QByteArray &out, const QString &direction)
{
    QHash<QString, QString> result;
    const QString text = QString::fromUtf8(out);
    const QString prefix = QStringLiteral("-- Running ") + direction + QLatin1Char(' ');
    static const QRegularExpression marker(QStringLiteral("(?m)^-- Running "));
    QVector<qsizetype> starts;
    for (auto it = marker.globalMatch(text); it.hasNext();)
        starts << it.next().capturedStart();
    for (int i = 0; i < starts.size(); ++i) {
        const qsizetype end = i + 1 < starts.size() ? starts[i + 1] : text.size();
        QString section = text.mid(starts[i], end - starts[i]);
        for (bool trimmed = true; trimmed;) {
            trimmed = false;
            for (const QString &edge : {QStringLiteral("COMMIT;\n\n"), QStringLiteral("BEGIN;\n\n")})
                if (section.endsWith(edge)) {
                    section.chop(edge.size());
                    trimmed = true;
                }
        }
        if (!section.startsWith(prefix))
            continue;
        const qsizetype eol = section.indexOf(QLatin1Char('\n'));
        result.insert(section.mid(prefix.size(), eol - prefix.size()), section);
    }
    return result;
}

QString stepKey(const QStringList &from, const QString &to)
{
    return from.join(QStringLiteral(", ")) + QStringLiteral(" -> ") + to;
}

// revision/down_revision and the needs-python markers of one file; false
// when the file is not a revision.
bool readRevision(const QString &path, Revision &rev)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    static const QRegularExpression revisionRe(QStringLiteral("^revision\\s*(?::[^=]*)?=\\s*['\"]([^'\"]+)['\"]"));
    static const QRegularExpression downRe(QStringLiteral("^down_revision\\s*(?::[^=]*)?=\\s*(.+)$"));
    static const QRegularExpression quoted(QStringLiteral("['\"]([^'\"]+)['\"]"));
    static const QRegularExpression def(QStringLiteral("^def\\s+(\\w+)"));
    static const QRegularExpression topLevel(QStringLiteral("^\\S"));
    bool hasDown = false;
    QString function;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        if (auto m = revisionRe.match(line); m.hasMatch())
            rev.id = m.captured(1);
        if (auto m = downRe.match(line); m.hasMatch()) {
            hasDown = true;
            for (auto it = quoted.globalMatch(m.captured(1)); it.hasNext();)
                rev.parents << it.next().captured(1);
        }
        if (auto m = def.match(line); m.hasMatch())
            function = m.captured(1);
        else if (topLevel.match(line).hasMatch() && !line.startsWith(QLatin1Char('#')))
            function.clear();
        if (!line.contains(QLatin1String(kMarker)))
            continue;
        if (function == QLatin1String("upgrade") && !line.trimmed().startsWith(QLatin1Char('#')))
            rev.upgradeMarker = i + 1;
        else if (function == QLatin1String("downgrade") && !line.trimmed().startsWith(QLatin1Char('#')))
            rev.downgradeMarker = i + 1;
        else
            rev.fileMarker = true;
    }
    rev.file = path;
    return !rev.id.isEmpty() && hasDown;
}

} // namespace

class TestOpCorpus : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QVector<Project> m_projects;
    int m_compared = 0;
    int m_refused = 0;
    int m_listedNeedsPython = 0;
    QStringList m_needsPython;

    const Project &project(const QString &name) const
    {
        for (const Project &p : m_projects)
            if (p.name == name)
                return p;
        Q_UNREACHABLE();
    }

    static bool anyUnmarked(const Project &p, bool upgrade)
    {
        for (const Revision &r : p.revisions)
            if (!(upgrade ? r.upgradeMarker : r.downgradeMarker))
                return true;
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY2(!alembicPython().isEmpty(),
                 "no Python interpreter can import alembic: install python3-alembic (scripts/run-tests.sh does)");
        QElapsedTimer timer;
        timer.start();
        const QDir corpus(QStringLiteral(RETORT_SOURCE_DIR "/tests/render/corpus"));
        const QStringList dirs = corpus.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &name : dirs) {
            if (!QFile::exists(corpus.filePath(name + QStringLiteral("/alembic.ini"))))
                continue;
            Project p;
            p.name = name;
            p.dir = m_tmp.filePath(name);
            QVERIFY2(copyTree(corpus.filePath(name), p.dir), qPrintable(QStringLiteral("cannot copy ") + name));
            QDirIterator it(p.dir, {QStringLiteral("*.py")}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                Revision r;
                const QString path = it.next();
                if (path.contains(QLatin1String("/versions/")) && readRevision(path, r))
                    p.revisions << r;
            }
            std::sort(p.revisions.begin(), p.revisions.end(),
                      [](const Revision &a, const Revision &b) { return a.file < b.file; });
            QVERIFY2(!p.revisions.isEmpty(), qPrintable(name + QStringLiteral(": no revisions")));
            const QString ini = QStringLiteral("alembic.ini");
            // a direction whose every revision is marked is never asked of alembic
            if (anyUnmarked(p, true)) {
                const ProcessResult up = runAlembic(ini, {QStringLiteral("upgrade"), QStringLiteral("base:heads"),
                                                          QStringLiteral("--sql")}, p.dir);
                QVERIFY2(up.error.isEmpty(), qPrintable(up.describe()));
                p.upSections = sections(up.out, QStringLiteral("upgrade"));
            }
            if (anyUnmarked(p, false)) {
                const ProcessResult down = runAlembic(ini, {QStringLiteral("downgrade"), QStringLiteral("heads:base"),
                                                            QStringLiteral("--sql")}, p.dir);
                QVERIFY2(down.error.isEmpty(), qPrintable(down.describe()));
                p.downSections = sections(down.out, QStringLiteral("downgrade"));
            }
            m_projects << p;
        }
        QVERIFY2(!m_projects.isEmpty(), "no corpus project under tests/render/corpus");
        qInfo("alembic over %lld projects: %lld ms", qint64(m_projects.size()), timer.elapsed());
    }

    void compare_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<int>("index");
        QTest::addColumn<bool>("upgrade");
        for (const Project &p : std::as_const(m_projects)) {
            for (int i = 0; i < p.revisions.size(); ++i) {
                const Revision &r = p.revisions[i];
                const QString file = QFileInfo(r.file).fileName();
                QTest::addRow("%s/%s upgrade", qPrintable(p.name), qPrintable(file)) << p.name << i << true;
                // a merge's downgrade goes to several parents at once; not compared
                if (r.parents.size() <= 1)
                    QTest::addRow("%s/%s downgrade", qPrintable(p.name), qPrintable(file)) << p.name << i << false;
            }
        }
    }

    void compare()
    {
        QFETCH(QString, project);
        QFETCH(int, index);
        QFETCH(bool, upgrade);
        const Project &p = this->project(project);
        const Revision &r = p.revisions[index];
        const QString ini = QStringLiteral("alembic.ini");
        const QString parent = r.parents.size() == 1 ? r.parents.front() : QStringLiteral("base");
        QStringList args;
        if (upgrade)
            args << QStringLiteral("upgrade") << (r.parents.size() > 1 ? QStringLiteral("base") : parent) + QLatin1Char(':') + r.id;
        else
            args << QStringLiteral("downgrade") << r.id + QLatin1Char(':') + parent;
        args << QStringLiteral("--sql");
        // native only: under --engine auto a refused step would be rendered by alembic itself
        const ProcessResult actual = runRetort(QStringList{QStringLiteral("-c"), ini} + args
                                                   + QStringList{QStringLiteral("--engine"), QStringLiteral("native")},
                                               p.dir);
        QVERIFY2(actual.error.isEmpty(), qPrintable(actual.describe()));
        const QString out = QString::fromUtf8(actual.out);
        const bool refused = actual.exitCode != 0 && out.contains(QLatin1String("needs Python to render"));
        static const QRegularExpression refusal(
            QStringLiteral("^FAILED: (\\S+\\.py):(\\d+): revision (\\S+) needs Python to render \\((.+)\\)\\n$"));
        const QRegularExpressionMatch m = refusal.match(out);
        const int marker = upgrade ? r.upgradeMarker : r.downgradeMarker;
        if (marker) {
            QVERIFY2(refused, qPrintable(QStringLiteral("%1 is marked needs-python at line %2 but retort printed:\n%3")
                                             .arg(r.file).arg(marker).arg(out)));
            QVERIFY2(m.hasMatch(), qPrintable(out));
            QCOMPARE(QFileInfo(m.captured(1)).fileName(), QFileInfo(r.file).fileName());
            QCOMPARE(m.captured(2).toInt(), marker);
            ++m_refused;
            return;
        }
        if (refused) {
            QVERIFY2(m.hasMatch(), qPrintable(out));
            QCOMPARE(QFileInfo(m.captured(1)).fileName(), QFileInfo(r.file).fileName());
            if (!r.fileMarker) {
                // not expected to need Python: listed, not failed
                ++m_listedNeedsPython;
                m_needsPython << QStringLiteral("%1 %2: %3").arg(QFileInfo(r.file).fileName(),
                                                                  QLatin1String(upgrade ? "upgrade" : "downgrade"),
                                                                  m.captured(4));
                qInfo("needs Python: %s", qPrintable(m.captured(4)));
            } else {
                ++m_refused;
            }
            return;
        }
        QCOMPARE(actual.exitCode, 0);
        const QString key = upgrade ? stepKey(r.parents, r.id) : stepKey({r.id}, r.parents.value(0));
        const QString direction = upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade");
        QHash<QString, QString> expectedSections = upgrade ? p.upSections : p.downSections;
        if (!expectedSections.contains(key)) {
            // the whole-range run stopped before this step: ask alembic for it alone
            const ProcessResult expected = runAlembic(ini, args, p.dir);
            QVERIFY2(expected.ok(), qPrintable(expected.describe()));
            expectedSections = sections(expected.out, direction);
        }
        QVERIFY2(expectedSections.contains(key), qPrintable(QStringLiteral("alembic printed no step %1").arg(key)));
        const QHash<QString, QString> actualSections = sections(actual.out, direction);
        QVERIFY2(actualSections.contains(key), qPrintable(QStringLiteral("retort printed no step %1:\n%2").arg(key, out)));
        QCOMPARE(actualSections.value(key), expectedSections.value(key));
        ++m_compared;
    }

    void cleanupTestCase()
    {
        qInfo("compared byte for byte: %d steps; refused as marked: %d; listed as needing Python: %d", m_compared,
              m_refused, m_listedNeedsPython);
        for (const QString &s : std::as_const(m_needsPython))
            qInfo("  %s", qPrintable(s));
    }
};

QTEST_GUILESS_MAIN(TestOpCorpus)
#include "tst_opcorpus.moc"

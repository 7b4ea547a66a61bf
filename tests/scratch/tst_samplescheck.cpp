// The four bundled sample projects pass `retort check` (on a scratch
// database of the test cluster; bridged steps through their own alembic).
#include "processrunner.h"
#include "testcluster.h"

#include <QFileInfo>
#include <QtTest>

using namespace retort::testsupport;

class TestSamplesCheck : public QObject {
    Q_OBJECT

private:
    TestCluster m_cluster;

private slots:
    void initTestCase() { RETORT_REQUIRE_CLUSTER(m_cluster); }

    void bundledSamplesPassCheck_data()
    {
        QTest::addColumn<QString>("sample");
        for (const char *s : {"analytics", "auditing", "jobs", "projects"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }

    void bundledSamplesPassCheck()
    {
        QFETCH(QString, sample);
        const QString ini = QStringLiteral(RETORT_SOURCE_DIR "/migrations/%1/alembic.ini").arg(sample);
        QProcessEnvironment env;
        env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
        const ProcessResult r = runRetort({QStringLiteral("--scratch-url"), m_cluster.url(QStringLiteral("postgres")),
                                           QStringLiteral("-c"), ini, QStringLiteral("check")},
                                          QFileInfo(ini).path(), env);
        QVERIFY2(r.ok(), qPrintable(r.describe() + QString::fromUtf8(r.out)));
        QVERIFY2(QString::fromUtf8(r.out).contains(QStringLiteral("revisions checked: each downgrade undoes")),
                 qPrintable(r.out));
    }

};

QTEST_GUILESS_MAIN(TestSamplesCheck)
#include "tst_samplescheck.moc"

#include "alembiccompare.h"

#include "outputnormalizer.h"
#include "processrunner.h"

#include <QtTest>

namespace retort::testsupport {

void compareWithAlembic(const Project &p, const QStringList &args)
{
    const ProcessResult expected = runAlembic(p.ini, args, p.dir);
    QVERIFY2(expected.error.isEmpty(), qPrintable(expected.describe()));
    const ProcessResult actual = runRetort(QStringList{QStringLiteral("-c"), p.ini} + args, p.dir);
    QVERIFY2(actual.error.isEmpty(), qPrintable(actual.describe()));
    if (expected.exitCode != 0 && !expected.out.startsWith("FAILED:")) {
        // alembic died with a Python traceback (e.g. a KeyError for a
        // missing parent): retort must fail too, with a message.
        QVERIFY2(actual.exitCode != 0, actual.out.constData());
        QVERIFY(!actual.out.isEmpty() || !actual.err.isEmpty());
        return;
    }
    QCOMPARE(QString::fromUtf8(normalizeSetOrder(actual.out)), QString::fromUtf8(normalizeSetOrder(expected.out)));
    QCOMPARE(actual.exitCode, expected.exitCode);
}

} // namespace retort::testsupport

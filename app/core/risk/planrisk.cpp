#include "risk/planrisk.h"

#include "risk/scriptrisk.h"

#include <QMap>
#include <QRegularExpression>
#include <QSet>

namespace retort::risk {

namespace {

using K = PlannedStatement::Kind;

QString shortId(const QString &revision)
{
    return revision.isEmpty() ? QStringLiteral("(run)") : revision;
}

// The locks of the transaction in progress: relation -> span being built.
struct OpenTransaction {
    QHash<QString, LockSpan> spans;
    QVector<QString> order;  // relations in the order first locked
    bool lockTimeoutLocal = false;
};

} // namespace

QString PlanRisk::describe(const LockSpan &span) const
{
    const StatementReport &a = statements[span.from];
    const StatementReport &b = statements[span.to];
    QString text = QStringLiteral("%1 on %2 from revision %3 statement %4")
                       .arg(lockModeName(span.mode), span.relation, shortId(a.revision))
                       .arg(a.number);
    if (span.autocommit)
        return text + QStringLiteral(" (autocommit: that statement only)");
    return text + QStringLiteral(" to revision %1 COMMIT (%2 statement%3, %4 revision%5)")
                      .arg(shortId(b.revision))
                      .arg(span.statements)
                      .arg(span.statements == 1 ? QString() : QStringLiteral("s"))
                      .arg(span.revisions)
                      .arg(span.revisions == 1 ? QString() : QStringLiteral("s"));
}

int PlanRisk::countAtLeast(Severity severity, bool includeAllowed) const
{
    int n = 0;
    for (const StatementReport &s : statements)
        for (const Finding &f : s.risk.findings)
            if (f.severity >= severity && (includeAllowed || f.allowedBecause.isEmpty()))
                ++n;
    return n;
}

PlanRisk analyzePlan(const QVector<PlannedStep> &steps, const QVector<PlannedStatement> &statements,
                     SchemaCatalog catalog, const PlanRiskOptions &options)
{
    PlanRisk out;
    out.allowProblems = options.allowed.problems;
    StatementAnalyzer analyzer(catalog);
    OpenTransaction tx;
    bool inTransaction = false;
    bool sessionLockTimeout = options.lockTimeoutSet;
    QHash<int, int> perStep;  // statements seen per step (-1: the run's own), for `number`

    auto closeTransaction = [&] {
        for (const QString &relation : std::as_const(tx.order)) {
            LockSpan span = tx.spans.value(relation);
            span.to = int(out.statements.size()) - 1;
            span.statements = span.to - span.from + 1;
            QSet<QString> revisions;
            for (int i = span.from; i <= span.to; ++i)
                revisions.insert(out.statements[i].revision);
            span.revisions = int(revisions.size());
            out.spans.append(span);
        }
        tx = OpenTransaction();
    };

    for (int i = 0; i < statements.size(); ++i) {
        const PlannedStatement &ps = statements[i];
        switch (ps.kind) {
        case K::Begin:
        case K::LeaveAutocommit:
            inTransaction = true;
            continue;
        case K::Commit:
        case K::EnterAutocommit:
            if (!out.statements.isEmpty())
                closeTransaction();
            inTransaction = false;
            continue;
        case K::StepStart:
            continue;
        case K::CreateVersionTable:
        case K::Purge:
        case K::Body:
        case K::VersionRow:
            break;
        }
        StatementReport r;
        r.statement = i;
        r.step = ps.step;
        if (ps.step >= 0 && ps.step < steps.size()) {
            const PlannedStep &step = steps[ps.step];
            r.revision = step.revision;
            r.upgrade = step.step.kind != MigrationStep::Kind::Downgrade;
            r.file = step.file;
        }
        r.number = ++perStep[ps.step];
        r.sql = ps.sql;
        r.line = ps.line;
        r.inTransaction = inTransaction;
        r.risk = analyzer.analyze(ps.sql);
        StatementRisk &risk = r.risk;

        addTransactionFindings(risk, inTransaction);
        if (risk.setsLockTimeout)
            (ps.sql.contains(QRegularExpression(QStringLiteral("^\\s*SET\\s+LOCAL\\b"),
                                                QRegularExpression::CaseInsensitiveOption))
                 ? tx.lockTimeoutLocal
                 : sessionLockTimeout) = true;
        const bool timeout = sessionLockTimeout || tx.lockTimeoutLocal;
        if (!timeout && blocksWrites(risk.strongestOnExisting))
            risk.findings.append(Finding::of(
                rules::MissingLockTimeout,
                QStringLiteral("takes %1 with no lock_timeout set: a long query ahead of it queues every later query")
                    .arg(lockModeName(risk.strongestOnExisting))));
        if (!r.revision.isEmpty()) {
            const QHash<QString, QString> allowed = options.allowed.byRevision.value(r.revision);
            for (Finding &f : risk.findings)
                if (allowed.contains(f.rule))
                    f.allowedBecause = allowed.value(f.rule);
        }

        out.statements.append(r);
        const int at = int(out.statements.size()) - 1;
        if (!inTransaction) {
            for (const RelationLock &l : risk.locks) {
                LockSpan span;
                span.relation = l.relation;
                span.mode = l.mode;
                span.from = span.to = at;
                span.statements = span.revisions = 1;
                span.autocommit = true;
                out.spans.append(span);
            }
            continue;
        }
        for (const RelationLock &l : risk.locks) {
            auto it = tx.spans.find(l.relation);
            if (it == tx.spans.end()) {
                LockSpan span;
                span.relation = l.relation;
                span.mode = l.mode;
                span.from = at;
                tx.spans.insert(l.relation, span);
                tx.order.append(l.relation);
            } else if (l.mode > it->mode) {
                it->mode = l.mode;
                it->from = at;
            }
        }
    }
    if (!tx.order.isEmpty())
        closeTransaction();
    return out;
}

QVector<RelationLock> PlanRisk::strongestLocks() const
{
    QVector<RelationLock> out;
    for (const LockSpan &span : strongestSpans())
        out.append(RelationLock{span.relation, span.mode});
    return out;
}

QVector<LockSpan> PlanRisk::strongestSpans() const
{
    QMap<QString, LockSpan> best;
    for (const LockSpan &span : spans) {
        auto it = best.find(span.relation);
        if (it == best.end() || span.mode > it->mode || (span.mode == it->mode && span.statements > it->statements))
            best.insert(span.relation, span);
    }
    return best.values().toVector();
}

} // namespace retort::risk

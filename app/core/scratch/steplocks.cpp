#include "steplocks.h"

#include "db/connection.h"
#include "db/versionstate.h"
#include "risk/livecatalog.h"
#include "risk/planrisk.h"
#include "risk/relationname.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace retort {

StepLockWatch::StepLockWatch(const ProjectContext &project, const ConnectionSettings &scratch,
                             const StepRenderer &render, const Operation &operation)
{
    const VersionTable table = project.versionTable();
    m_versionTable = risk::regclassText(table.schema, table.name);
    m_perMigration = project.env.transactionPerMigration;
    RunOptions options;
    options.transactionPerMigration = m_perMigration;
    MigrationRunner runner(project, scratch, options);
    if (render)
        runner.setStepRenderer(render);
    Result<RunPreview> preview = runner.preview(operation);
    if (!preview) {
        m_problem = QStringLiteral("the plan could not be read for the lock model: %1").arg(preview.error().message());
        return;
    }
    Result<std::unique_ptr<Connection>> second = Connection::open(scratch);
    if (!second) {
        m_problem = QStringLiteral("no second session on the scratch database: %1").arg(second.error().message());
        return;
    }
    m_second = std::move(second.value());
    Result<risk::SchemaCatalog> catalog = risk::readSchemaCatalog(m_second->database());
    const risk::PlanRisk plan = risk::analyzePlan(preview->steps, preview->statements,
                                                  catalog ? catalog.value() : risk::SchemaCatalog());
    m_steps.resize(preview->steps.size());
    m_predicted.resize(preview->steps.size());
    for (int i = 0; i < preview->steps.size(); ++i) {
        m_steps[i].revision = preview->steps[i].revision;
        m_steps[i].online = preview->steps[i].sql.online;
    }
    for (const risk::StatementReport &st : plan.statements) {
        if (st.step < 0 || st.step >= m_predicted.size())
            continue;
        for (const risk::RelationLock &lock : st.risk.locks) {
            risk::LockMode &mode = m_predicted[st.step][lock.relation];
            mode = std::max(mode, lock.mode);
        }
    }
}

StepLockWatch::~StepLockWatch() = default;

void StepLockWatch::afterStep(int step, int backendPid)
{
    if (!m_second || step < 0 || step >= m_steps.size())
        return;
    QSqlQuery q(m_second->database());
    // Relations only (tables, views, materialized views, foreign tables), as
    // the lock model names them; a relation the run made in its open
    // transaction has no catalog row this session can see, so none here.
    q.prepare(QStringLiteral("SELECT l.relation::regclass::text, l.mode FROM pg_locks l "
                             "JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace "
                             "WHERE l.pid = ? AND l.locktype = 'relation' AND l.granted "
                             "AND c.relkind IN ('r', 'p', 'v', 'm', 'f') "
                             "AND n.nspname NOT IN ('pg_catalog', 'information_schema')"));
    q.addBindValue(backendPid);
    if (!q.exec()) {
        m_problem = QStringLiteral("reading pg_locks: %1").arg(q.lastError().text());
        return;
    }
    QSet<QString> held;
    QHash<QString, risk::LockMode> taken;
    while (q.next()) {
        const QString relation = q.value(0).toString();
        const QString modeName = q.value(1).toString();
        held.insert(relation + QLatin1Char(' ') + modeName);
        // in one transaction for the whole run, what earlier steps took is still held
        if (relation == m_versionTable || (!m_perMigration && m_held.contains(relation + QLatin1Char(' ') + modeName)))
            continue;
        const risk::LockMode mode = risk::lockModeFromName(modeName).value_or(risk::LockMode::None);
        risk::LockMode &strongest = taken[relation];
        strongest = std::max(strongest, mode);
    }
    const QSet<QString> before = m_perMigration ? QSet<QString>() : m_held;
    m_held = held;

    StepLocks &s = m_steps[step];
    s.observed = true;
    s.locks.clear();
    QStringList relations = taken.keys();
    for (auto it = m_predicted[step].cbegin(); it != m_predicted[step].cend(); ++it)
        if (it.key() != m_versionTable && !taken.contains(it.key()))
            relations << it.key();
    std::sort(relations.begin(), relations.end());
    for (const QString &relation : std::as_const(relations)) {
        StepLock lock;
        lock.relation = relation;
        lock.taken = risk::lockModeName(taken.value(relation, risk::LockMode::None));
        lock.predicted = risk::lockModeName(m_predicted[step].value(relation, risk::LockMode::None));
        if (lock.taken.isEmpty() && before.contains(relation + QLatin1Char(' ') + lock.predicted)) {
            lock.taken = lock.predicted;
            lock.heldBefore = true;
        } else if (lock.taken.isEmpty()) {
            QSqlQuery visible(m_second->database());
            visible.prepare(QStringLiteral("SELECT to_regclass(?) IS NULL"));
            visible.addBindValue(relation);
            lock.invisible = visible.exec() && visible.next() && visible.value(0).toBool();
        }
        s.locks << lock;
    }
}

} // namespace retort

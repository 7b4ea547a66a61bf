#pragma once

#include <QString>
#include <QVector>

namespace retort::risk {

enum class Severity { Info, Warning, Error };

QString severityName(Severity severity);  // "info", "warning", "error"

// One rule of the model: what it is about, why it matters on a live
// database, what to do instead, and the PostgreSQL release its facts hold
// from.
struct RiskRule {
    QString id;           // "index-without-concurrently"
    Severity severity = Severity::Warning;
    QString why;          // one sentence
    QString alternative;  // the safer way
    QString postgresVersion;  // "11": the facts hold from this release on
};

// Every rule, in a stable order.
const QVector<RiskRule> &riskRules();
// The rule with that id; nullptr for an unknown id.
const RiskRule *findRule(const QString &id);

namespace rules {
inline const QString IndexWithoutConcurrently = QStringLiteral("index-without-concurrently");
inline const QString DropIndexWithoutConcurrently = QStringLiteral("drop-index-without-concurrently");
inline const QString ConcurrentlyInTransaction = QStringLiteral("concurrently-in-transaction");
inline const QString RefusedInTransaction = QStringLiteral("refused-in-transaction");
inline const QString ConstraintWithoutNotValid = QStringLiteral("constraint-without-not-valid");
inline const QString SetNotNullScan = QStringLiteral("set-not-null-scan");
inline const QString AlterColumnTypeRewrite = QStringLiteral("alter-column-type-rewrite");
inline const QString AddColumnVolatileDefault = QStringLiteral("add-column-volatile-default");
inline const QString AddColumnNotNullWithoutDefault = QStringLiteral("add-column-not-null-without-default");
inline const QString UniqueWithoutIndex = QStringLiteral("unique-without-index");
inline const QString RenameTable = QStringLiteral("rename-table");
inline const QString RenameColumn = QStringLiteral("rename-column");
inline const QString DropTable = QStringLiteral("drop-table");
inline const QString DropColumn = QStringLiteral("drop-column");
inline const QString EnumAddValueInTransaction = QStringLiteral("enum-add-value-in-transaction");
inline const QString TableRewrite = QStringLiteral("table-rewrite");
inline const QString MissingLockTimeout = QStringLiteral("missing-lock-timeout");
inline const QString NotUnderstood = QStringLiteral("sql-not-understood");
} // namespace rules

} // namespace retort::risk

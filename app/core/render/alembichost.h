#pragma once

#include "eval/host.h"
#include "render/opcall.h"

#include <QVector>

namespace retort {

// Which run a body is evaluated for: `alembic upgrade --sql` (Offline) or a
// run against a database (Online). Only context.is_offline_mode() tells them apart.
enum class RenderMode { Offline, Online };

// What alembic and SQLAlchemy mean to a revision body evaluated without
// Python: the modules alembic, alembic.op, alembic.context, sqlalchemy (and
// its sql, types, schema modules) and sqlalchemy.dialects.postgresql under
// their canonical names ("op.", "context.", "sa.", "postgresql."); op.<name>(...)
// and batch_op.<name>(...) recorded as op calls in the order alembic runs
// them, `with op.batch_alter_table(...)` (its ops queued until the block
// ends, as alembic does on PostgreSQL), `with
// op.get_context().autocommit_block()`, the migration context's dialect
// (always PostgreSQL) and offline flag, and `<enum>.create(op.get_bind(), ...)`
// / `.drop(...)` on a named sa.Enum/postgresql.ENUM as the calls
// "enum_create"/"enum_drop": op.get_bind(), called there or kept in a local
// name, is accepted as their bind and nowhere else. Queries, engines,
// reflection and any other use of the connection need Python.
class AlembicHost : public pyeval::Host {
public:
    explicit AlembicHost(RenderMode mode) : m_mode(mode) {}

    // Records the op calls of the next body run into `calls`.
    void start(QVector<OpCall> *calls);

    QString libraryName(const QString &dotted) const override;
    std::optional<PyValue> attribute(pyeval::Evaluator &ev, const PyValue &base, const QString &attr,
                                     const py::Expr *e) override;
    std::optional<PyValue> call(pyeval::Evaluator &ev, const PyValue &callee, const py::Call *call) override;
    std::optional<PyValue> readName(pyeval::Evaluator &ev, const PyValue &value, const QString &name,
                                    const py::Expr *e) override;
    Handled callStatement(pyeval::Evaluator &ev, const py::Call *call, bool assigned, PyValue &result) override;
    Handled assignment(pyeval::Evaluator &ev, const py::Assign *a) override;
    pyeval::Flow withStatement(pyeval::Evaluator &ev, const py::With *w) override;

private:
    // PyValue::hostKind of the references this host hands out.
    enum Object { MigrationDialect = 1, AutocommitBlock, BatchMethod, MigrationBind };
    struct Batch {
        PyValue table;
        PyValue schema;  // None when not given
        QVector<OpCall> queued;
        bool open = true;
    };

    std::optional<OpCall> batchCall(pyeval::Evaluator &ev, const PyValue &ref, const PyValue &args, int line);
    // `<enum>.create(op.get_bind(), checkfirst=...)` / `.drop(...)`: true when
    // the call has that shape (then `ok` says whether it was recorded).
    bool enumDdl(pyeval::Evaluator &ev, const py::Call *call, bool assigned, bool &ok);
    // `name = op.get_bind()` where every read of name is an enum's bind.
    bool storesMigrationBind(pyeval::Evaluator &ev, const py::Assign *a) const;


    RenderMode m_mode;
    QVector<OpCall> *m_calls = nullptr;
    QVector<Batch> m_batches;
    int m_autocommitDepth = 0;
};

} // namespace retort

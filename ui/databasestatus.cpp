#include "databasestatus.h"

#include "databasesession.h"
#include "icons.h"

#include <QActionGroup>
#include <QMenu>
#include <QPainter>

namespace retort::gui {

namespace {

QIcon dot(const QString &color, bool filled)
{
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(color), 1.6));
    p.setBrush(filled ? QBrush(QColor(color)) : QBrush(Qt::NoBrush));
    p.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    return QIcon(pm);
}

} // namespace

DatabaseStatus::DatabaseStatus(DatabaseSession *session, QWidget *parent) : QToolButton(parent), m_session(session)
{
    setObjectName(QStringLiteral("statusDatabase"));
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setPopupMode(QToolButton::InstantPopup);
    setMenu(new QMenu(this));
    connect(menu(), &QMenu::aboutToShow, this, &DatabaseStatus::rebuildMenu);
    update();
}

void DatabaseStatus::rebuildMenu()
{
    QMenu *m = menu();
    m->clear();
    auto *group = new QActionGroup(m);
    for (const DatabaseSession::Entry &e : m_session->entries()) {
        const QString name = e.connection.name;
        QAction *a = m->addAction(dot(e.connection.color, true), name + QStringLiteral("  ") + e.connection.url);
        a->setCheckable(true);
        a->setChecked(name == m_session->activeName());
        group->addAction(a);
        connect(a, &QAction::triggered, m_session, [this, name] { m_session->setActive(name); });
    }
    if (!m_session->entries().isEmpty())
        m->addSeparator();
    m->addAction(icons::database(), tr("Connections…"), this, &DatabaseStatus::connectionsRequested);
    m->addAction(icons::reload(), tr("Read Databases Again"), this, &DatabaseStatus::refreshRequested);
}

void DatabaseStatus::update()
{
    const DatabaseSession::Entry *e = m_session->entry(m_session->activeName());
    if (!e) {
        setIcon(icons::database());
        setText(tr("No database"));
        setToolTip(tr("Add a connection (Database ▸ Connections…) to see where a database stands on the graph"));
        return;
    }
    const QString color = e->connection.color;
    if (e->reading && !e->last) {
        setIcon(dot(color, false));
        setText(tr("%1: reading…").arg(e->connection.name));
        setToolTip(e->connection.url);
        return;
    }
    if (!e->last || !e->last->ok) {
        setIcon(dot(QStringLiteral("#cf222e"), false));
        const QString message = e->last ? e->last->error.message() : QString();
        const bool cancelled = e->last && e->last->error.kind() == Error::Kind::Cancelled;
        setText((cancelled ? tr("%1: not read (cancelled)") : tr("%1: not connected")).arg(e->connection.name));
        setToolTip(e->connection.url + QLatin1Char('\n') + message);
        return;
    }
    const DatabaseRead &r = *e->last;
    QStringList current = r.version.rows;
    for (QString &id : current)
        id = id.left(12);
    const QString at = current.isEmpty() ? tr("at base (no revision)") : tr("at %1").arg(current.join(QStringLiteral(", ")));
    setIcon(dot(color, true));
    setText(QStringLiteral("%1 · %2 @ %3 · PostgreSQL %4 · %5%6")
                .arg(e->connection.name, r.database, r.host, r.serverVersion, at,
                     e->reading ? tr(" (reading…)") : QString()));
    setToolTip(tr("%1\nversion table %2%3\n%4 applied, %5 pending")
                   .arg(e->connection.url, r.version.table.displayName(),
                        r.version.tableExists ? QString() : tr(" (not created yet)"))
                   .arg(r.state.appliedCount)
                   .arg(r.state.pendingCount));
}

} // namespace retort::gui

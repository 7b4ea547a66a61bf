#include "graphlegend.h"

#include "db/savedconnections.h"
#include "graphstyle.h"
#include "historydelegate.h"

#include <QPainter>

namespace retort::gui {

namespace {

constexpr int kPadding = 6;
constexpr int kSpacing = 16;

struct Entry {
    RevisionDbState state;  // the node drawn before the text; Current stands for the marker pill
    const char *text;
    bool edited = false;    // the "edited" mark instead of a node
};

const Entry kEntries[] = {
    {RevisionDbState::Applied, QT_TRANSLATE_NOOP("GraphLegend", "applied")},
    {RevisionDbState::Pending, QT_TRANSLATE_NOOP("GraphLegend", "pending")},
    {RevisionDbState::Unknown, QT_TRANSLATE_NOOP("GraphLegend", "unknown (database not read)")},
    {RevisionDbState::Current, QT_TRANSLATE_NOOP("GraphLegend", "where a database is")},
    {RevisionDbState::Applied, QT_TRANSLATE_NOOP("GraphLegend", "edited since it was applied"), true},
};

} // namespace

GraphLegend::GraphLegend(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("graphLegend"));
    setToolTip(tr("Filled: applied in the active database. Ring: pending there. Dashed grey ring: its state "
                  "was not read (no database, still reading, or the read failed). A coloured pill marks each "
                  "database's current revision. An orange \"edited\" mark: the revision was applied to the "
                  "active database (per the run journal) and its upgrade() or downgrade() changed since."));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

QStringList GraphLegend::entries() const
{
    QStringList out;
    for (const Entry &e : kEntries)
        out << tr(e.text);
    return out;
}

QSize GraphLegend::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    const int lane = HistoryDelegate::laneWidth(fm);
    int width = kPadding;
    for (const QString &text : entries())
        width += lane + 4 + fm.horizontalAdvance(text) + kSpacing;
    return QSize(width, fm.height() + 2 * kPadding);
}

QSize GraphLegend::minimumSizeHint() const
{
    return QSize(0, sizeHint().height());
}

void GraphLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    p.setPen(graphstyle::dimText(pal));
    p.drawLine(rect().topLeft(), rect().topRight());
    const QFontMetrics fm = fontMetrics();
    const int lane = HistoryDelegate::laneWidth(fm);
    qreal x = kPadding;
    const QStringList texts = entries();
    for (int i = 0; i < texts.size(); ++i) {
        const QRectF box(x, 0, lane, height());
        if (kEntries[i].edited) {
            const QColor edited = graphstyle::editedColor(pal);
            const QRectF mark(x, height() / 2.0 - fm.height() / 2.0, lane, fm.height());
            p.setPen(QPen(edited, 1.2));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(mark, mark.height() / 2, mark.height() / 2);
            p.drawText(mark, Qt::AlignCenter, QStringLiteral("!"));
        } else if (kEntries[i].state == RevisionDbState::Current) {
            // the marker pill, as the rows draw it
            const QColor marker(SavedConnections::defaultColor({}));
            const QRectF pill(x, height() / 2.0 - fm.height() / 2.0, lane, fm.height());
            p.setPen(Qt::NoPen);
            p.setBrush(marker);
            p.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
            p.setBrush(Qt::white);
            p.drawEllipse(pill.center(), pill.height() * 0.18, pill.height() * 0.18);
        } else {
            HistoryDelegate::paintNodeSample(&p, box, kEntries[i].state, pal);
        }
        x += lane + 4;
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(x, 0, fm.horizontalAdvance(texts[i]) + 1, height()), Qt::AlignVCenter | Qt::AlignLeft,
                   texts[i]);
        x += fm.horizontalAdvance(texts[i]) + kSpacing;
    }
}

} // namespace retort::gui

#include "historydelegate.h"

#include "graphstyle.h"
#include "historymodel.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace retort::gui {

namespace {

constexpr int kGraphMargin = 6;  // left of lane 0
constexpr int kGap = 10;         // between the graph, the id, the pills and the message

struct RowGeometry {
    QRectF rect;
    qreal lane = 16;
    qreal top() const { return rect.top(); }
    qreal bottom() const { return rect.bottom() + 1; }
    qreal middle() const { return rect.center().y() + 0.5; }
    qreal x(int laneIndex) const { return rect.left() + kGraphMargin + (laneIndex + 0.5) * lane; }
};

QPen edgePen(const GraphEdge &e, const QPalette &palette, qreal scale)
{
    if (e.type == GraphEdge::Type::DependsOn) {
        QPen pen(graphstyle::dependsColor(palette), 1.4 * scale, Qt::CustomDashLine, Qt::FlatCap);
        pen.setDashPattern({3.0, 2.5});
        return pen;
    }
    // A line has the colour of the lane it runs down: the lane it leaves a
    // row by, or the lane it enters a row from.
    const int lane = e.part == GraphEdge::Part::Out ? e.toLane : e.fromLane;
    return QPen(graphstyle::laneColor(lane, palette), 2.0 * scale, Qt::SolidLine, Qt::RoundCap);
}

// A downward chevron whose tip is at (x, y).
void drawArrowhead(QPainter *p, qreal x, qreal y, qreal size)
{
    const QPointF points[3] = {QPointF(x - size, y - size), QPointF(x, y), QPointF(x + size, y - size)};
    p->drawPolyline(points, 3);
}

void drawEdge(QPainter *p, const RowGeometry &g, const GraphEdge &e)
{
    const qreal x1 = g.x(e.fromLane), x2 = g.x(e.toLane);
    qreal y1 = g.top(), y2 = g.bottom();
    const qreal arrow = g.lane * 0.22;
    switch (e.part) {
    case GraphEdge::Part::Through:
        break;
    case GraphEdge::Part::In:
        y2 = g.middle();
        break;
    case GraphEdge::Part::Out:
        y1 = g.middle();
        break;
    case GraphEdge::Part::BrokenOut: {
        // The line leaves the node down and to the right and stops in an
        // arrowhead, pointing to a parent far below; slanted, it never lies
        // on a line running down the node's lane.
        const QPointF end(x1 + g.lane * 0.42, g.middle() + (g.bottom() - g.middle()) * 0.8);
        p->drawLine(QPointF(x1, g.middle()), end);
        drawArrowhead(p, end.x(), end.y(), arrow);
        return;
    }
    case GraphEdge::Part::BrokenIn: {
        // and arrives from the upper left, from a child far above (the other
        // side, so a stub under one row and one over the next never look
        // like one line)
        const QPointF start(x1 - g.lane * 0.42, g.top() + (g.middle() - g.top()) * 0.2);
        p->drawLine(start, QPointF(x1, g.middle()));
        drawArrowhead(p, start.x(), start.y() + arrow, arrow);
        return;
    }
    }
    if (x1 == x2) {
        p->drawLine(QPointF(x1, y1), QPointF(x2, y2));
        return;
    }
    // Changing lane: leave and arrive vertically, so the curve joins the
    // straight segments of the neighbouring rows without a kink.
    const qreal mid = (y1 + y2) / 2;
    QPainterPath path(QPointF(x1, y1));
    path.cubicTo(QPointF(x1, mid), QPointF(x2, mid), QPointF(x2, y2));
    p->drawPath(path);
}

// How a node is drawn: in the lane's colour when applied, a ring in the
// lane's colour when pending, a dashed grey ring when its state was not read.
struct NodeLook {
    QColor fill;
    QColor ring;
    bool hollow = false;
    bool dashed = false;
};

NodeLook nodeLook(RevisionDbState state, const QColor &laneColor, const QPalette &palette, const QColor &ringColor)
{
    switch (state) {
    case RevisionDbState::Pending:
        return {palette.color(QPalette::Base), laneColor, true, false};
    case RevisionDbState::Unknown:
        return {palette.color(QPalette::Base), graphstyle::unknownColor(palette), true, true};
    case RevisionDbState::Applied:
    case RevisionDbState::Current:
        break;
    }
    return {laneColor, ringColor, false, false};
}

void drawNode(QPainter *p, const RowGeometry &g, int lane, int flags, const NodeLook &look)
{
    const QPointF c(g.x(lane), g.middle());
    const qreal r = g.lane * 0.29;
    QPen pen(look.ring, look.hollow ? std::max(1.8, g.lane * 0.13) : std::max(1.5, g.lane * 0.11));
    if (look.dashed) {
        pen.setCapStyle(Qt::FlatCap);
        pen.setDashPattern({1.6, 1.3});
    }
    p->setPen(pen);
    if (flags & HistoryModel::Head) {
        // a halo around heads: where new revisions will go
        QColor halo = look.hollow ? look.ring : look.fill;
        halo.setAlphaF(0.28f);
        p->setBrush(halo);
        p->setPen(Qt::NoPen);
        p->drawEllipse(c, r * 1.75, r * 1.75);
        p->setPen(pen);
    }
    p->setBrush(look.fill);
    if (flags & HistoryModel::MergePoint) {
        const qreal d = r * 1.35;
        const QPointF diamond[] = {{c.x(), c.y() - d}, {c.x() + d, c.y()}, {c.x(), c.y() + d}, {c.x() - d, c.y()}};
        p->drawPolygon(diamond, 4);
    } else if (flags & HistoryModel::BranchPoint) {
        const qreal d = r * 1.05;
        p->drawRoundedRect(QRectF(c.x() - d, c.y() - d, 2 * d, 2 * d), d * 0.3, d * 0.3);
    } else if ((flags & HistoryModel::Base) && !look.hollow) {
        // the start of a line of history: the node inside a ring of its own colour
        p->drawEllipse(c, r * 0.8, r * 0.8);
        p->setBrush(Qt::NoBrush);
        p->setPen(QPen(look.fill, std::max(1.2, g.lane * 0.09)));
        p->drawEllipse(c, r * 1.35, r * 1.35);
    } else {
        p->drawEllipse(c, r, r);
    }
}

// A rounded label; returns the x after it.
qreal drawPill(QPainter *p, qreal x, const QRectF &row, const QString &text, const QFontMetricsF &fm,
               const QColor &border, const QColor &fill, const QColor &textColor)
{
    const qreal padding = fm.height() * 0.45;
    const qreal h = std::round(fm.height() + 4);
    const QRectF box(x, std::round(row.center().y() - h / 2), fm.horizontalAdvance(text) + 2 * padding, h);
    p->setPen(QPen(border, 1));
    p->setBrush(fill);
    p->drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), h / 2, h / 2);
    p->setPen(textColor);
    p->drawText(box, Qt::AlignCenter, text);
    return box.right() + 6;
}

} // namespace

HistoryDelegate::HistoryDelegate(QObject *parent) : QStyledItemDelegate(parent)
{
    setBaseFont(QApplication::font());
}

void HistoryDelegate::setBaseFont(const QFont &font)
{
    m_base = font;
    m_baseMetrics = QFontMetricsF(font);
    m_mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (font.pointSizeF() > 0)
        m_mono.setPointSizeF(font.pointSizeF() * 0.95);
    m_monoMetrics = QFontMetricsF(m_mono);
    m_pill = font;
    if (font.pointSizeF() > 0)
        m_pill.setPointSizeF(font.pointSizeF() * 0.85);
    m_pill.setBold(true);
    m_pillMetrics = QFontMetricsF(m_pill);
    m_idWidth = m_monoMetrics.horizontalAdvance(QStringLiteral("0")) * 12;
    m_laneWidth = laneWidth(QFontMetrics(font));
}

QPointF HistoryDelegate::nodeCentre(const QRectF &row, int lane) const
{
    RowGeometry g;
    g.rect = row;
    g.lane = m_laneWidth;
    return QPointF(g.x(lane), g.middle());
}

void HistoryDelegate::paintNodeSample(QPainter *painter, const QRectF &box, RevisionDbState state,
                                      const QPalette &palette)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    RowGeometry g;
    g.lane = std::min(box.width(), box.height());
    g.rect = QRectF(box.center().x() - g.lane / 2 - kGraphMargin, box.top(), box.width(), box.height() - 1);
    const QColor lane = graphstyle::laneColor(0, palette);
    drawNode(painter, g, 0, 0, nodeLook(state, lane, palette, palette.color(QPalette::Base)));
    painter->restore();
}

int HistoryDelegate::rowHeight(const QFontMetrics &fm)
{
    return std::max(24, fm.height() + 12);
}

int HistoryDelegate::laneWidth(const QFontMetrics &fm)
{
    return std::max(14, int(std::lround(rowHeight(fm) * 0.62)));
}

QSize HistoryDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(400, rowHeight(option.fontMetrics));
}

void HistoryDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setClipRect(option.rect);
    painter->setRenderHint(QPainter::Antialiasing);

    // The native selection / hover background, without the default text.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &background, painter, widget);

    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QColor text = palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = selected ? text : graphstyle::dimText(palette, group);
    if (selected)
        dim.setAlphaF(0.78f);
    const QColor ringColor = selected ? palette.color(group, QPalette::Highlight) : palette.color(QPalette::Base);

    RowGeometry g;
    g.rect = option.rect;
    g.lane = m_laneWidth;
    const qreal scale = g.lane / 16.0;

    // Edges: depends_on lines under the down_revision lines, the node on top.
    const EdgeSpan edges = index.data(HistoryModel::EdgesRole).value<EdgeSpan>();
    painter->setBrush(Qt::NoBrush);
    for (auto type : {GraphEdge::Type::DependsOn, GraphEdge::Type::Parent}) {
        for (const GraphEdge *e = edges.begin; e != edges.end; ++e) {
            if (e->type != type)
                continue;
            painter->setPen(edgePen(*e, palette, scale));
            drawEdge(painter, g, *e);
        }
    }
    const int lane = index.data(HistoryModel::LaneRole).toInt();
    const int flags = index.data(HistoryModel::FlagsRole).toInt();
    const int dbState = index.data(HistoryModel::DbStateRole).toInt();
    const QColor laneColor = graphstyle::laneColor(lane, palette);
    drawNode(painter, g, lane, flags, nodeLook(RevisionDbState(dbState), laneColor, palette, ringColor));

    // Text: id, pills, message, date.
    if (!index.data(HistoryModel::SearchMatchRole).toBool())
        painter->setOpacity(0.38);
    const int lanes = index.data(HistoryModel::GraphLanesRole).toInt();
    qreal x = g.rect.left() + kGraphMargin + lanes * g.lane + kGap;
    const qreal right = g.rect.right() - 8;

    const QString id = index.data(HistoryModel::RevisionIdRole).toString();
    painter->setFont(m_mono);
    painter->setPen(dim);
    const qreal idWidth = id.size() <= 12 ? m_idWidth : std::max(m_idWidth, m_monoMetrics.horizontalAdvance(id));
    painter->drawText(QRectF(x, g.top(), idWidth, option.rect.height()), Qt::AlignVCenter | Qt::AlignLeft, id);
    x += idWidth + kGap;

    // The date keeps its place on every row, pills or not, whenever the row
    // is wide enough; pills and the message are cut before it.
    const QFontMetricsF &fm = m_baseMetrics;
    const QString date = index.data(HistoryModel::CreateDateRole).toString();
    const qreal dateWidth = fm.horizontalAdvance(date);
    qreal messageRight = right;
    if (!date.isEmpty() && right - x > dateWidth + 160) {
        painter->setFont(m_base);
        painter->setPen(dim);
        painter->drawText(QRectF(right - dateWidth, g.top(), dateWidth, option.rect.height()),
                          Qt::AlignVCenter | Qt::AlignRight, date);
        messageRight = right - dateWidth - kGap * 2;
    }
    painter->setClipRect(QRectF(x, option.rect.top(), std::max<qreal>(0, messageRight - x), option.rect.height()),
                         Qt::IntersectClip);

    const QFontMetricsF &pillFm = m_pillMetrics;
    painter->setFont(m_pill);
    if (flags & HistoryModel::Head) {
        const QColor head = graphstyle::headColor(palette);
        const bool effective = flags & HistoryModel::EffectiveHead;
        x = drawPill(painter, x, g.rect, effective ? tr("effective head") : tr("head"), pillFm, head,
                     effective ? QColor(Qt::transparent) : head, effective ? (selected ? text : head) : QColor(Qt::white));
    }
    const QVariant markers = index.data(HistoryModel::DbMarkersRole);
    if (markers.isValid()) {
        // Where each database stands: a solid pill in the connection's colour,
        // bordered in its kind's; staging and production say so; a drift badge
        // when its schema is not the one its version rows give.
        for (const DbMarker &m : markers.value<DbMarkers>()) {
            const bool named = m.kind == EnvironmentKind::Staging || m.kind == EnvironmentKind::Production;
            const QString text = QStringLiteral("● ") + m.name
                + (named ? QStringLiteral(" · ") + environmentKindName(m.kind) : QString());
            x = drawPill(painter, x, g.rect, text, pillFm, QColor(environmentKindColor(m.kind)), m.color, Qt::white);
            if (m.drift) {
                const QColor drift = graphstyle::editedColor(palette);
                x = drawPill(painter, x, g.rect, tr("⚠ drift"), pillFm, drift, drift, Qt::white);
            }
        }
    }
    if (!index.data(HistoryModel::EditedRole).toString().isEmpty()) {
        // applied, then its file changed: what the database ran is not what the file says
        const QColor edited = graphstyle::editedColor(palette);
        x = drawPill(painter, x, g.rect, tr("⚠ edited"), pillFm, edited, Qt::transparent, selected ? text : edited);
    }
    if (index.data(HistoryModel::NeedsPythonRole).toBool()) {
        const QColor py = graphstyle::isDark(palette) ? QColor(0xd7c48f) : QColor(0x7d6a1f);
        x = drawPill(painter, x, g.rect, tr("py"), pillFm, py, Qt::transparent, selected ? text : py);
    }
    if (!index.data(HistoryModel::IrreversibleRole).toString().isEmpty()) {
        // a fact about the revision, not an error: the calm colour of a label
        const QColor oneWay = graphstyle::isDark(palette) ? QColor(0x9db4d6) : QColor(0x3b5b8a);
        x = drawPill(painter, x, g.rect, tr("irreversible"), pillFm, oneWay, Qt::transparent,
                     selected ? text : oneWay);
    }
    for (const QString &label : index.data(HistoryModel::LabelsRole).toStringList()) {
        QColor fill = laneColor;
        fill.setAlphaF(0.16f);
        x = drawPill(painter, x, g.rect, label, pillFm, laneColor, fill, selected ? text : laneColor);
    }
    if (x > g.rect.left() + kGraphMargin + lanes * g.lane + kGap + idWidth + kGap)
        x += 2;

    painter->setFont(m_base);
    if (messageRight > x) {
        const QString message = index.data(HistoryModel::MessageRole).toString().simplified();
        painter->setPen(text);
        painter->drawText(QRectF(x, g.top(), messageRight - x, option.rect.height()), Qt::AlignVCenter | Qt::AlignLeft,
                          fm.elidedText(message, Qt::ElideRight, messageRight - x));
    }
    painter->restore();
}

} // namespace retort::gui

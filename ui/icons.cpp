#include "icons.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

#include <functional>

namespace retort::gui::icons {

namespace {

using Drawing = std::function<void(QPainter &, const QColor &)>;

// Paints a drawing made for a 16x16 canvas at whatever size is asked for.
class PaintedIconEngine : public QIconEngine {
public:
    explicit PaintedIconEngine(Drawing drawing) : m_drawing(std::move(drawing)) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const QPalette palette = QApplication::palette();
        QColor color = palette.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
                                     mode == QIcon::Selected ? QPalette::HighlightedText : QPalette::WindowText);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->translate(rect.topLeft());
        painter->scale(rect.width() / 16.0, rect.height() / 16.0);
        m_drawing(*painter, color);
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pm(size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(), size), mode, state);
        return pm;
    }

    QIconEngine *clone() const override { return new PaintedIconEngine(m_drawing); }

private:
    Drawing m_drawing;
};

QIcon painted(Drawing drawing)
{
    return QIcon(new PaintedIconEngine(std::move(drawing)));
}

QPen stroke(const QColor &c, qreal width = 1.4)
{
    return QPen(c, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
}

} // namespace

QIcon open()
{
    return painted([](QPainter &p, const QColor &c) {
        p.setPen(stroke(c));
        p.setBrush(Qt::NoBrush);
        QPainterPath folder;
        folder.moveTo(1.5, 13.5);
        folder.lineTo(1.5, 3.5);
        folder.lineTo(6, 3.5);
        folder.lineTo(7.5, 5);
        folder.lineTo(13, 5);
        folder.lineTo(13, 7);
        p.drawPath(folder);
        QPainterPath front;
        front.moveTo(1.5, 13.5);
        front.lineTo(4, 7.5);
        front.lineTo(15, 7.5);
        front.lineTo(12.5, 13.5);
        front.closeSubpath();
        p.drawPath(front);
    });
}

QIcon reload()
{
    return painted([](QPainter &p, const QColor &c) {
        p.setPen(stroke(c, 1.6));
        p.setBrush(Qt::NoBrush);
        p.drawArc(QRectF(2.5, 2.5, 11, 11), 60 * 16, 280 * 16);
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        const QPointF head[] = {{10.2, 0.8}, {14.2, 3.6}, {9.6, 5.6}};
        p.drawPolygon(head, 3);
    });
}

QIcon find()
{
    return painted([](QPainter &p, const QColor &c) {
        p.setPen(stroke(c, 1.6));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QRectF(2, 2, 8.5, 8.5));
        p.setPen(stroke(c, 2.2));
        p.drawLine(QPointF(9.6, 9.6), QPointF(14, 14));
    });
}

QIcon about()
{
    return painted([](QPainter &p, const QColor &c) {
        p.setPen(stroke(c));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QRectF(1.5, 1.5, 13, 13));
        p.setPen(stroke(c, 1.8));
        p.drawLine(QPointF(8, 7), QPointF(8, 11.5));
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(QPointF(8, 4.6), 1.1, 1.1);
    });
}

QIcon close()
{
    return painted([](QPainter &p, const QColor &c) {
        p.setPen(stroke(c, 1.6));
        p.drawLine(QPointF(4, 4), QPointF(12, 12));
        p.drawLine(QPointF(12, 4), QPointF(4, 12));
    });
}

QIcon parent()
{
    // down the history, towards the parent: an arrow onto a node
    return painted([](QPainter &p, const QColor &c) {
        p.setPen(stroke(c, 1.5));
        p.setBrush(Qt::NoBrush);
        p.drawLine(QPointF(8, 1.5), QPointF(8, 8.5));
        p.drawPolyline(QPolygonF({{4.8, 5.6}, {8, 8.8}, {11.2, 5.6}}));
        p.drawEllipse(QPointF(8, 12.6), 2.1, 2.1);
    });
}

QIcon child()
{
    // up the history, towards a child: an arrow away from a node
    return painted([](QPainter &p, const QColor &c) {
        p.setPen(stroke(c, 1.5));
        p.setBrush(Qt::NoBrush);
        p.drawLine(QPointF(8, 14.5), QPointF(8, 7.5));
        p.drawPolyline(QPolygonF({{4.8, 10.4}, {8, 7.2}, {11.2, 10.4}}));
        p.drawEllipse(QPointF(8, 3.4), 2.1, 2.1);
    });
}

QIcon up()
{
    return painted([](QPainter &p, const QColor &c) {
        p.setPen(stroke(c, 1.6));
        p.drawPolyline(QPolygonF({{3.5, 10.5}, {8, 6}, {12.5, 10.5}}));
    });
}

QIcon down()
{
    return painted([](QPainter &p, const QColor &c) {
        p.setPen(stroke(c, 1.6));
        p.drawPolyline(QPolygonF({{3.5, 5.5}, {8, 10}, {12.5, 5.5}}));
    });
}

QIcon copy()
{
    return painted([](QPainter &p, const QColor &c) {
        p.setPen(stroke(c, 1.3));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(QRectF(5.5, 5.5, 8.5, 9), 1.5, 1.5);
        p.drawPolyline(QPolygonF({{3.5, 11}, {2, 11}, {2, 2}, {10, 2}, {10, 3.5}}));
    });
}

QIcon save()
{
    return painted([](QPainter &p, const QColor &c) {
        p.setPen(stroke(c, 1.3));
        p.setBrush(Qt::NoBrush);
        p.drawPolygon(QPolygonF({{2, 2}, {12, 2}, {14, 4}, {14, 14}, {2, 14}}));
        p.drawRect(QRectF(5, 2, 5.5, 3.5));
        p.drawRoundedRect(QRectF(4.5, 8.5, 7, 5.5), 1, 1);
    });
}

QIcon database()
{
    return painted([](QPainter &p, const QColor &c) {
        p.setPen(stroke(c, 1.3));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QRectF(2.5, 1.5, 11, 4));
        p.drawLine(QPointF(2.5, 3.5), QPointF(2.5, 12.5));
        p.drawLine(QPointF(13.5, 3.5), QPointF(13.5, 12.5));
        p.drawArc(QRectF(2.5, 10.5, 11, 4), 180 * 16, 180 * 16);
        p.drawArc(QRectF(2.5, 6, 11, 4), 180 * 16, 180 * 16);
    });
}

QIcon current()
{
    return painted([](QPainter &p, const QColor &c) {
        p.setPen(stroke(c, 1.4));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(8, 8), 5.5, 5.5);
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(QPointF(8, 8), 2.3, 2.3);
    });
}

QIcon preview()
{
    return painted([](QPainter &p, const QColor &c) {
        p.setPen(stroke(c, 1.3));
        p.setBrush(Qt::NoBrush);
        p.drawPolygon(QPolygonF({{2.5, 1.5}, {9.5, 1.5}, {12.5, 4.5}, {12.5, 8}, {2.5, 8}}));
        p.drawLine(QPointF(2.5, 8), QPointF(2.5, 14.5));
        p.drawLine(QPointF(2.5, 14.5), QPointF(7, 14.5));
        p.drawLine(QPointF(4.5, 5), QPointF(9.5, 5));
        p.setPen(stroke(c, 1.6));
        p.drawLine(QPointF(9, 11.5), QPointF(14.5, 11.5));
        p.drawPolyline(QPolygonF({{12, 9}, {14.5, 11.5}, {12, 14}}));
    });
}

QIcon application()
{
    return painted([](QPainter &p, const QColor &) {
        // A rounded tile with a branch and a merge, in the graph's lane colours.
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x24324a));
        p.drawRoundedRect(QRectF(0.5, 0.5, 15, 15), 3.5, 3.5);
        const QColor blue(0x5b9bff), orange(0xf08a4b);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(orange, 1.5, Qt::SolidLine, Qt::RoundCap));
        QPainterPath side(QPointF(5.5, 11.5));
        side.cubicTo(QPointF(5.5, 9.5), QPointF(10.5, 10), QPointF(10.5, 8));
        side.cubicTo(QPointF(10.5, 6), QPointF(5.5, 6.5), QPointF(5.5, 4.5));
        p.drawPath(side);
        p.setPen(QPen(blue, 1.5, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(5.5, 3.5), QPointF(5.5, 12.5));
        p.setPen(Qt::NoPen);
        p.setBrush(blue);
        p.drawEllipse(QPointF(5.5, 3.5), 1.7, 1.7);
        p.drawEllipse(QPointF(5.5, 12.5), 1.7, 1.7);
        p.setBrush(orange);
        p.drawEllipse(QPointF(10.5, 8), 1.7, 1.7);
    });
}

} // namespace retort::gui::icons

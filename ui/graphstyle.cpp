#include "graphstyle.h"

#include <array>

namespace retort::gui::graphstyle {

namespace {

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

QColor laneColor(int lane, const QPalette &palette)
{
    // Hues spaced so neighbouring lanes differ, tuned for light backgrounds;
    // lightened on dark ones.
    static const std::array<QRgb, 8> hues = {
        0x2f6fde,  // blue
        0xe06a2c,  // orange
        0x1f9d63,  // green
        0x9b4fd6,  // purple
        0xd1427d,  // pink
        0x0f97a8,  // teal
        0xb8901a,  // amber
        0x6b7a8c,  // slate
    };
    const QColor c(hues[size_t(lane < 0 ? 0 : lane) % hues.size()]);
    return isDark(palette) ? c.lighter(135) : c;
}

QColor dependsColor(const QPalette &palette)
{
    return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.45);
}

QColor dimText(const QPalette &palette, QPalette::ColorGroup group)
{
    return mix(palette.color(group, QPalette::Text), palette.color(group, QPalette::Base), 0.42);
}

QColor headColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x4cc38a) : QColor(0x17814f);
}

QColor unknownColor(const QPalette &palette)
{
    return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.5);
}

QColor editedColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf0883e) : QColor(0xbc4c00);
}

} // namespace retort::gui::graphstyle

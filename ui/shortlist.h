#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace retort::gui {

// A revision carries every label of its line and may have many children:
// thousands on long histories, more than anyone reads and costly to lay out.
// Such lists show their first kListed entries, then how many more there are.
constexpr int kListed = 20;

inline QString listed(const QStringList &shown, qsizetype total, const QString &separator)
{
    if (total <= shown.size())
        return shown.join(separator);
    return shown.join(separator) + separator
           + QCoreApplication::translate("retort::gui::ShortList", "… and %n more", nullptr, int(total - shown.size()));
}

} // namespace retort::gui

#include "labellist.h"

namespace retort {

const std::vector<int> &LabelList::labelIds() const
{
    static const std::vector<int> none;
    return m_table ? ids() : none;
}

const QStringList &LabelList::names() const
{
    static const QStringList none;
    return m_table ? m_table->names : none;
}

bool LabelList::contains(const QString &label) const
{
    for (const QString &l : *this)
        if (l == label)
            return true;
    return false;
}

QString LabelList::join(const QString &separator) const
{
    QString out;
    bool first = true;
    for (const QString &l : *this) {
        if (!first)
            out += separator;
        out += l;
        first = false;
    }
    return out;
}

QStringList LabelList::toList() const
{
    QStringList out;
    out.reserve(size());
    for (const QString &l : *this)
        out << l;
    return out;
}

} // namespace retort

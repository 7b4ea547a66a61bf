#pragma once

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace retort {

// One graph's label names and its distinct label sets (label ids in the
// order they are printed), shared by every LabelList of that graph.
struct LabelTable {
    QStringList names;
    std::vector<std::vector<int>> sets;
};

// The branch labels a revision carries after alembic's propagation: a view
// of one of the graph's distinct sets, read like a QStringList. A history
// that merges hundreds of labelled branches over and over has thousands of
// distinct sets of thousands of labels; a name list per set cost a
// quarter of loading such a graph, and most lists are never read.
class LabelList {
public:
    class const_iterator {
    public:
        const_iterator(const QStringList *names, const int *at) : m_names(names), m_at(at) {}
        const QString &operator*() const { return (*m_names)[*m_at]; }
        const_iterator &operator++()
        {
            ++m_at;
            return *this;
        }
        bool operator!=(const const_iterator &o) const { return m_at != o.m_at; }
        bool operator==(const const_iterator &o) const { return m_at == o.m_at; }

    private:
        const QStringList *m_names;
        const int *m_at;
    };

    LabelList() = default;
    LabelList(std::shared_ptr<const LabelTable> table, int set) : m_table(std::move(table)), m_set(set) {}

    qsizetype size() const { return m_table ? qsizetype(ids().size()) : 0; }
    bool isEmpty() const { return size() == 0; }
    const QString &at(qsizetype i) const { return m_table->names[ids()[size_t(i)]]; }
    const QString &front() const { return at(0); }
    const_iterator begin() const { return m_table ? const_iterator(&m_table->names, ids().data()) : const_iterator(nullptr, nullptr); }
    const_iterator end() const
    {
        return m_table ? const_iterator(&m_table->names, ids().data() + ids().size()) : const_iterator(nullptr, nullptr);
    }

    // The labels as indices into names(): set-wide work (a search) tests
    // each name once, not once per list.
    const std::vector<int> &labelIds() const;
    const QStringList &names() const;

    bool contains(const QString &label) const;
    QString join(const QString &separator) const;
    QString join(QChar separator) const { return join(QString(separator)); }
    QStringList toList() const;

private:
    const std::vector<int> &ids() const { return m_table->sets[size_t(m_set)]; }

    std::shared_ptr<const LabelTable> m_table;
    int m_set = 0;
};

} // namespace retort

#include "loadedproject.h"

#include "pytext.h"

namespace retort::gui {

QString revisionMessage(const RevisionScript &script)
{
    if (!script.hasDocstring)
        return {};
    const QString text = pyStrip(script.docstring);
    const int cut = text.indexOf(QStringLiteral("\n\n"));
    return cut < 0 ? text : text.left(cut);
}

} // namespace retort::gui

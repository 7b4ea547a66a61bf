#include "bridgedtemplate.h"

#include "bridge/alembicbridge.h"
#include "bridge/interpreterfinder.h"

#include <QJsonArray>
#include <QJsonObject>

namespace retort {

namespace {

QJsonObject valuesJson(const TemplateValues &values)
{
    QJsonObject out;
    for (auto it = values.begin(); it != values.end(); ++it) {
        QJsonObject v;
        switch (it.value().kind) {
        case TemplateValue::Kind::Undefined:
            continue;
        case TemplateValue::Kind::None:
            v.insert(QLatin1String("kind"), QStringLiteral("none"));
            break;
        case TemplateValue::Kind::Str:
            v.insert(QLatin1String("kind"), QStringLiteral("str"));
            v.insert(QLatin1String("text"), it.value().text);
            break;
        case TemplateValue::Kind::Tuple:
        case TemplateValue::Kind::List:
            v.insert(QLatin1String("kind"), it.value().kind == TemplateValue::Kind::Tuple ? QStringLiteral("tuple")
                                                                                           : QStringLiteral("list"));
            v.insert(QLatin1String("items"), QJsonArray::fromStringList(it.value().items));
            break;
        }
        out.insert(it.key(), v);
    }
    return out;
}

} // namespace

BridgeTemplateRenderer bridgeTemplateRenderer(const TemplateBridgeSettings &settings, bool merge)
{
    return [settings, merge](const QString &templatePath, const TemplateValues &values) -> Result<QString> {
        InterpreterQuery query;
        query.explicitPath = settings.python;
        query.iniPath = settings.iniPath;
        Result<Interpreter> python = InterpreterFinder::find(query);
        if (!python)
            return python.error();
        BridgeProject project;
        project.python = python->path;
        project.iniPath = settings.iniPath;
        project.section = settings.section;
        project.x = settings.x;
        project.tomlPath = settings.tomlPath;
        return AlembicBridge(project).renderTemplate(templatePath, valuesJson(values), merge);
    };
}

} // namespace retort

#include "bridgeconfig.h"

#include "project/alembicoptions.h"
#include "project/projectconfig.h"

#include <QJsonArray>

namespace retort {

QJsonObject resolvedBridgeConfig(const QString &iniPath, const QString &section, const QString &tomlPath)
{
    Result<AlembicOptions> options = AlembicOptions::load(iniPath, tomlPath, section);
    if (!options || (!options->hasToml() && !options->inIni(QStringLiteral("path_separator"))))
        return {};
    Result<ProjectConfig> config = ProjectConfig::load(iniPath, section, tomlPath);
    if (!config)
        return {};
    QJsonObject out;
    QJsonObject scalars;
    // alembic's own keys only: env.py's config.get_main_option() sees the
    // ini alone in alembic 1.16, so nothing else of the TOML is put there
    static const QStringList alembicKeys = {
        QStringLiteral("script_location"), QStringLiteral("file_template"), QStringLiteral("truncate_slug_length"),
        QStringLiteral("timezone"), QStringLiteral("output_encoding"), QStringLiteral("sourceless"),
        QStringLiteral("revision_environment"), QStringLiteral("recursive_version_locations")};
    if (options->hasToml()) {
        for (const QString &key : alembicKeys) {
            if (options->inIni(key) || !options->toml()->has(key))
                continue;
            const TomlValue *v = options->toml()->find(key);
            if (v->kind == TomlValue::Kind::Boolean) {
                scalars.insert(key, v->boolean ? QStringLiteral("true") : QStringLiteral("false"));
            } else if (v->kind == TomlValue::Kind::String || v->kind == TomlValue::Kind::Integer) {
                Result<std::optional<QString>> text = options->text(key);
                if (text && text.value())
                    scalars.insert(key, **text);
            }
        }
    }
    out.insert(QLatin1String("options"), scalars);
    if (config->explicitVersionLocations)
        out.insert(QLatin1String("version_locations"), QJsonArray::fromStringList(config->versionLocations));
    if (options->has(QStringLiteral("prepend_sys_path")))
        out.insert(QLatin1String("prepend_sys_path"), QJsonArray::fromStringList(config->prependSysPath));
    return out;
}

} // namespace retort

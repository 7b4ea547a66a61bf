#include "authoringcommand.h"

#include "authoring/bridgedtemplate.h"
#include "project/projectconfig.h"
#include "cliargs.h"

#include <QFileInfo>

namespace retort::cli {

bool takeAuthoringOption(const QString &command, const QString &arg, AuthoringArgs &into,
                         const std::function<QString(const QString &, QString *)> &takeValue, QString *error)
{
    const bool merge = command == QLatin1String("merge");
    if (!merge && command != QLatin1String("revision"))
        return false;
    const QString key = arg.section(QLatin1Char('='), 0, 0);
    QString value;
    auto optional = [&](const QString &name, std::optional<QString> *slot) {
        *error = takeValue(name, &value);
        *slot = value;
        return true;
    };
    if ((arg.startsWith(QLatin1String("-m")) && !arg.startsWith(QLatin1String("--")))
        || key == QLatin1String("--message"))
        return optional(QStringLiteral("-m/--message"), &into.message);
    if (key == QLatin1String("--branch-label"))
        return optional(QStringLiteral("--branch-label"), &into.branchLabel);
    if (key == QLatin1String("--rev-id")) {
        *error = takeValue(QStringLiteral("--rev-id"), &into.revId);
        return true;
    }
    if (merge)
        return false;
    if (key == QLatin1String("--head"))
        return optional(QStringLiteral("--head"), &into.head);
    if (key == QLatin1String("--version-path"))
        return optional(QStringLiteral("--version-path"), &into.versionPath);
    if (key == QLatin1String("--depends-on")) {
        *error = takeValue(QStringLiteral("--depends-on"), &value);
        into.dependsOn << value;
        return true;
    }
    if (arg == QLatin1String("--splice")) {
        into.splice = true;
        return true;
    }
    if (arg == QLatin1String("--autogenerate")) {
        into.autogenerate = true;
        return true;
    }
    return false;
}

RevisionRequest revisionRequest(const CliArgs &args)
{
    const AuthoringArgs &a = args.authoring;
    RevisionRequest request;
    request.merge = args.command == QLatin1String("merge");
    request.message = a.message;
    request.heads = request.merge ? args.positionals : (a.head ? QStringList{*a.head} : QStringList());
    request.splice = a.splice;
    request.branchLabel = a.branchLabel;
    request.versionPath = a.versionPath;
    request.revId = a.revId;
    request.dependsOn = a.dependsOn;
    return request;
}

AuthoringResult runAuthoringCommand(const CliArgs &args, const ProjectConfig &config,
                                    const QVector<RevisionScript> &scripts, const RevisionGraph &graph)
{
    AuthoringResult result;
    const AuthoringArgs &a = args.authoring;
    const bool merge = args.command == QLatin1String("merge");
    if (!merge && a.autogenerate) {
        result.error = args.sql ? Error(Error::Kind::Revision,
                                        QStringLiteral("Using --sql with --autogenerate does not make any sense"))
                                : Error(Error::Kind::Unresolved,
                                        QStringLiteral("revision --autogenerate compares the database with the "
                                                       "project's models through env.py, which Retort does not do; "
                                                       "run `alembic revision --autogenerate`"));
        return result;
    }
    if (!merge && args.sql) {
        // alembic's words when revision_environment is off; when it is on,
        // RevisionWriter refuses the project anyway (env.py would run)
        result.error = Error(Error::Kind::Revision,
                             QStringLiteral("Using --sql with the revision command when revision_environment is not "
                                            "configured does not make any sense"));
        return result;
    }
    const RevisionRequest request = revisionRequest(args);
    RevisionWriter writer(config, scripts, graph);
    writer.setBridgeRenderer(bridgeTemplateRenderer({args.python, args.config, args.name, args.x, config.tomlPath}, request.merge));
    Result<PlannedRevision> planned = writer.plan(request);
    if (!planned) {
        result.error = planned.error();
        return result;
    }
    if (!planned->createDirectory.isEmpty())
        result.out += "Creating directory " + planned->createDirectory.toUtf8() + " ...";
    const QByteArray generating = "Generating " + planned->path.toUtf8() + " ...";
    if (const Error e = RevisionWriter::write(planned.value())) {
        if (!planned->createDirectory.isEmpty() && !QFileInfo::exists(planned->createDirectory))
            result.out += "  FAILED\n";
        else
            result.out += (planned->createDirectory.isEmpty() ? "" : "  done\n") + generating + "  FAILED\n";
        result.error = e;
        return result;
    }
    if (!planned->createDirectory.isEmpty())
        result.out += "  done\n";
    result.out += generating + "  done\n";
    return result;
}

} // namespace retort::cli

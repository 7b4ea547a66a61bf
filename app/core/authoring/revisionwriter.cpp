#include "revisionwriter.h"

#include "authoring/revisionfilename.h"
#include "graph/revisiongraph.h"
#include "graph/revisionwalker.h"
#include "project/alembicoptions.h"
#include "project/projectconfig.h"
#include "project/projectfile.h"
#include "project/revisionreader.h"
#include "pytext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <cerrno>

namespace retort {

QString newRevisionId()
{
    return QUuid::createUuid().toString(QUuid::Id128).right(12);
}

namespace {

// The options generate_revision reads, besides the locations.
struct AuthoringOptions {
    QString fileTemplate = QStringLiteral("%(rev)s_%(slug)s");
    int truncateSlugLength = 40;
    std::optional<QString> timezone;
    QString outputEncoding = QStringLiteral("utf-8");
    bool revisionEnvironment = false;
    Location fileTemplateWhere;
    QString hooks;  // [post_write_hooks] hooks, or the names of [[tool.alembic.post_write_hooks]]
    Location hooksWhere;
};

Result<AuthoringOptions> loadOptions(const ProjectConfig &config)
{
    Result<AlembicOptions> loaded = AlembicOptions::load(config.iniPath, config.tomlPath, config.section);
    if (!loaded)
        return loaded.error();
    const AlembicOptions &options = loaded.value();
    AuthoringOptions o;
    auto option = [&](const char *key, QString *into) -> Error {
        Result<std::optional<QString>> v = options.text(QLatin1String(key));
        if (!v)
            return v.error();
        if (v.value())
            *into = **v;
        return {};
    };
    if (const Error e = option("file_template", &o.fileTemplate))
        return e;
    o.fileTemplateWhere = options.where(QStringLiteral("file_template"));
    QString text;
    if (options.has(QStringLiteral("truncate_slug_length"))) {
        if (const Error e = option("truncate_slug_length", &text))
            return e;
        const std::optional<long long> n = pyInt(text);
        if (!n) {
            const Location at = options.where(QStringLiteral("truncate_slug_length"));
            return configError(at.file, at.line,
                               QStringLiteral("truncate_slug_length: invalid literal for int() with base 10: %1")
                                   .arg(pyRepr(text)));
        }
        o.truncateSlugLength = *n != 0 ? int(qBound(-1000000LL, *n, 1000000LL)) : 40;  // alembic: `or 40`
    }
    if (options.has(QStringLiteral("timezone"))) {
        if (const Error e = option("timezone", &text))
            return e;
        o.timezone = text;
    }
    if (const Error e = option("output_encoding", &o.outputEncoding))
        return e;
    if (options.inIni(QStringLiteral("revision_environment"))) {
        text.clear();
        if (const Error e = option("revision_environment", &text))
            return e;
        const QString flag = text.trimmed().toLower();
        o.revisionEnvironment = QStringList{QStringLiteral("true"), QStringLiteral("yes"), QStringLiteral("on"),
                                            QStringLiteral("y"), QStringLiteral("t"), QStringLiteral("1")}
                                    .contains(flag);
    } else {
        Result<bool> flag = options.boolean(QStringLiteral("revision_environment"));
        if (!flag)
            return flag.error();
        o.revisionEnvironment = flag.value();
    }
    const std::optional<IniFile> &ini = options.ini();
    if (ini && ini->hasSection(QStringLiteral("post_write_hooks"))) {
        if (ini->hasOption(QStringLiteral("post_write_hooks"), QStringLiteral("hooks"))) {
            Result<QString> hooks = ini->value(QStringLiteral("post_write_hooks"), QStringLiteral("hooks"));
            if (!hooks)
                return hooks.error();
            o.hooks = hooks->trimmed();
            o.hooksWhere.file = config.iniPath;
            o.hooksWhere.line = ini->lineOf(QStringLiteral("post_write_hooks"), QStringLiteral("hooks"));
        }
    } else {
        Result<QList<QList<QPair<QString, QString>>>> hooks = options.tomlTables(QStringLiteral("post_write_hooks"));
        if (!hooks)
            return hooks.error();
        QStringList names;
        for (const auto &hook : hooks.value())
            for (const auto &[key, value] : hook)
                if (key == QLatin1String("name"))
                    names << value;
        o.hooks = names.join(QStringLiteral(", "));
        o.hooksWhere = options.where(QStringLiteral("post_write_hooks"));
    }
    return o;
}

Error commandError(const QString &message)
{
    return Error(Error::Kind::Revision, message);
}

// tuple_rev_as_scalar: None for none, the str for one, else the sequence.
TemplateValue scalarOrSequence(const QStringList &ids, bool asList)
{
    if (ids.isEmpty())
        return TemplateValue::none();
    if (ids.size() == 1)
        return TemplateValue::str(ids.front());
    return asList ? TemplateValue::list(ids) : TemplateValue::tuple(ids);
}

} // namespace

RevisionWriter::RevisionWriter(const ProjectConfig &config, const QVector<RevisionScript> &scripts,
                               const RevisionGraph &graph)
    : m_config(config), m_scripts(scripts), m_graph(graph)
{
}

Result<PlannedRevision> RevisionWriter::plan(const RevisionRequest &request) const
{
    Result<AuthoringOptions> loaded = loadOptions(m_config);
    if (!loaded)
        return loaded.error();
    const AuthoringOptions &options = loaded.value();
    if (!request.merge && options.revisionEnvironment)
        return Error(Error::Kind::Unresolved,
                     QStringLiteral("revision_environment is set: alembic runs env.py to write a new revision, "
                                    "which Retort does not do; run `alembic revision` for this project"));
    if (!options.hooks.isEmpty())
        return configError(options.hooksWhere.file, options.hooksWhere.line,
                           QStringLiteral("post_write_hooks (%1) run Python tools on the new file, which Retort does "
                                          "not do; run `alembic %2` for this project")
                               .arg(options.hooks, request.merge ? QStringLiteral("merge") : QStringLiteral("revision")));
    const QString encoding = options.outputEncoding.toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
    if (encoding != QLatin1String("utf-8") && encoding != QLatin1String("utf8"))
        return Error(Error::Kind::Unresolved,
                     QStringLiteral("output_encoding '%1': Retort writes revision files in UTF-8 only")
                         .arg(options.outputEncoding));

    PlannedRevision planned;
    planned.revId = request.revId.isEmpty() ? newRevisionId() : request.revId;
    static const QRegularExpression illegal(QStringLiteral("[@+-]"));
    if (planned.revId.contains(illegal)) {
        QStringList chars;
        for (const QChar c : {QLatin1Char('+'), QLatin1Char('-'), QLatin1Char('@')})
            if (planned.revId.contains(c))
                chars << QString(c);
        return commandError(QStringLiteral("Character(s) '%1' not allowed in revision identifier '%2'")
                                .arg(chars.join(QStringLiteral(", ")), planned.revId));
    }

    const RevisionWalker walker(m_graph);
    const RevArg headArg = request.merge ? RevArg::tuple(request.heads)
                                         : RevArg::one(request.heads.isEmpty() ? QStringLiteral("head")
                                                                               : request.heads.front());
    Result<QVector<RevRef>> resolved = walker.revisions(headArg);
    if (!resolved) {
        if (resolved.error().kind() == Error::Kind::MultipleHeads)
            return Error(Error::Kind::MultipleHeads,
                         QStringLiteral("Multiple heads are present; please specify the head revision on which "
                                        "the new revision should be based, or perform a merge."));
        return resolved.error();
    }
    QVector<int> heads;
    QStringList downRevisions;
    for (const RevRef &r : resolved.value())
        if (r.isRevision()) {
            heads << r.index;
            downRevisions << m_graph.node(r.index).id;
        }
    if (QSet<QString>(downRevisions.begin(), downRevisions.end()).size() != downRevisions.size())
        return commandError(QStringLiteral("Duplicate head revisions specified"));

    const qint64 now = request.nowMicroseconds ? *request.nowMicroseconds : currentMicroseconds();
    Result<CreateDate> date = createDateAt(now, options.timezone);
    if (!date)
        return date.error();

    QString versionPath;
    if (request.versionPath) {
        versionPath = *request.versionPath;
    } else if (m_config.versionLocations.size() > 1) {
        if (heads.isEmpty())
            return commandError(QStringLiteral("Multiple version locations present, please specify --version-path"));
        versionPath = QFileInfo(m_scripts[m_graph.node(heads.front()).script].path).path();
    } else {
        versionPath = m_config.versionLocations.front();
    }
    const QString normPath = pyAbsPath(versionPath);
    bool represented = false;
    for (const QString &location : m_config.versionLocations)
        represented = represented || QDir::cleanPath(location) == normPath;
    if (!represented)
        return commandError(QStringLiteral("Path %1 is not represented in current version locations").arg(versionPath));
    if (m_config.explicitVersionLocations && !QFileInfo::exists(normPath))
        planned.createDirectory = normPath;

    Result<QString> fileName = revisionFileName(
        options.fileTemplate, planned.revId, revisionSlug(request.message.value_or(QString()), options.truncateSlugLength),
        date.value());
    if (!fileName)
        return fileName.error();
    planned.path = QDir::cleanPath(normPath + QLatin1Char('/') + fileName.value());
    // alembic would open() whatever the name says: only file_template's own
    // "/" may make sub-folders (alembic ≥1.16), and only inside the location
    const QString folder = QFileInfo(planned.path).path();
    if (planned.revId.contains(QLatin1Char('/')) || fileName->contains(QChar(0))
        || !planned.path.startsWith(normPath + QLatin1Char('/')) || QFileInfo(fileName.value()).isAbsolute())
        return Error(Error::Kind::Config,
                     QStringLiteral("the file name %1 (from file_template and the revision id) is not a file in the "
                                    "version location %2")
                         .arg(pyRepr(fileName.value()), normPath));
    if (folder != normPath) {
        // alembic reads sub-folders of a version location only with this option:
        // the new revision would be written and then never found
        if (!m_config.recursiveVersionLocations)
            return configError(options.fileTemplateWhere.file, options.fileTemplateWhere.line,
                               QStringLiteral("file_template %1 puts the new revision in the sub-folder %2 of %3, and "
                                              "alembic reads sub-folders only when recursive_version_locations is "
                                              "true; set it, or write the template without '/'")
                                   .arg(pyRepr(options.fileTemplate), pyRepr(QDir(normPath).relativeFilePath(folder)),
                                        normPath));
        // the walk does not follow links to folders: a file written through
        // one is never found (and lands wherever the link points)
        const QStringList parts = QDir(normPath).relativeFilePath(folder).split(QLatin1Char('/'));
        QString at = normPath;
        for (const QString &part : parts) {
            at += QLatin1Char('/') + part;
            if (QFileInfo(at).isSymLink())
                return configError(options.fileTemplateWhere.file, options.fileTemplateWhere.line,
                                   QStringLiteral("file_template %1 puts the new revision in %2, a link: alembic does "
                                                  "not follow links to folders when it reads sub-folders, so the new "
                                                  "revision would be written where the link points and never found")
                                       .arg(pyRepr(options.fileTemplate), at));
        }
        if (!QFileInfo::exists(folder))
            planned.createDirectory = folder;
    }

    if (!request.splice)
        for (int h : std::as_const(heads))
            if (!m_graph.node(h).isHead())
                return commandError(QStringLiteral("Revision %1 is not a head revision; please specify --splice to "
                                                   "create a new branch from this revision")
                                        .arg(m_graph.node(h).id));

    QStringList dependsOn;
    for (const QString &dep : request.dependsOn) {
        Result<RevRef> r = walker.revision(dep);
        if (!r)
            return r.error();
        if (!r->isRevision())
            return commandError(QStringLiteral("Can't locate revision identified by '%1'").arg(dep));
        const RevisionNode &node = m_graph.node(r->index);
        dependsOn << (node.branchLabels.contains(dep) ? dep : node.id);
    }

    // alembic writes the file first and fails on reading it back; Retort
    // refuses before writing anything.
    if (m_graph.indexOf(planned.revId) >= 0)
        return commandError(QStringLiteral("Revision %1 is present more than once").arg(planned.revId));
    // Likewise what would leave a project the graph refuses to read (alembic
    // writes the file, then fails on a reused label; it reads these ids as
    // its symbols wherever it resolves one).
    if (planned.revId == QLatin1String("head") || planned.revId == QLatin1String("heads")
        || planned.revId == QLatin1String("base"))
        return commandError(QStringLiteral("Revision identifier '%1' is one of alembic's symbols (head, heads, base) "
                                           "and cannot name a revision")
                                .arg(planned.revId));
    if (request.branchLabel) {
        const int owner = m_graph.lookup(*request.branchLabel);
        if (owner >= 0)
            return commandError(QStringLiteral("Branch name '%1' in revision %2 already used by revision %3")
                                    .arg(*request.branchLabel, planned.revId, m_graph.node(owner).id));
    }

    const QString templatePath = QDir::cleanPath(m_config.scriptDirectory + QStringLiteral("/script.py.mako"));
    Result<QByteArray> bytes = readProjectFile(templatePath, FileLimit::kRevision, QStringLiteral("template"));
    if (!bytes)
        return bytes.error();
    Result<RevisionTemplate> tmpl = RevisionTemplate::parse(templatePath, bytes.value());
    if (!tmpl)
        return tmpl.error();

    TemplateValues values;
    values.insert(QStringLiteral("up_revision"), TemplateValue::str(planned.revId));
    values.insert(QStringLiteral("down_revision"), scalarOrSequence(downRevisions, false));
    values.insert(QStringLiteral("branch_labels"), request.branchLabel ? TemplateValue::tuple({*request.branchLabel})
                                                                       : TemplateValue::none());
    values.insert(QStringLiteral("depends_on"), scalarOrSequence(dependsOn, true));
    values.insert(QStringLiteral("create_date"), TemplateValue::str(date->toString()));
    values.insert(QStringLiteral("message"), TemplateValue::str(request.message.value_or(QStringLiteral("empty message"))));

    Result<QString> text = QString();
    if (tmpl->isNative()) {
        text = tmpl->render(values);
    } else if (m_bridge) {
        text = m_bridge(templatePath, values);
        if (!text && text.error().where().file == templatePath)
            return Error(Error::Kind::Config, QStringLiteral("Template rendering failed: %1").arg(text.error().message()),
                         text.error().where());
    } else {
        Error e = tmpl->bridgeReason();
        return Error(Error::Kind::Unresolved, QStringLiteral("script.py.mako cannot be rendered without Python: %1")
                                                  .arg(e.message()), e.where());
    }
    if (!text)
        return text.error();
    planned.content = text->toUtf8();

    // What alembic reads back (Script._from_path) must be the revision asked for.
    const RevisionScript back = readRevisionScript(planned.path, planned.content);
    if (back.hasSyntaxError && !back.problems.isEmpty()) {
        Location where;
        where.file = templatePath;
        return Error(Error::Kind::Syntax, QStringLiteral("the rendered template is not valid Python (line %1 of the "
                                                         "new file): %2")
                                              .arg(back.problems.front().where().line)
                                              .arg(back.problems.front().message()),
                     where);
    }
    if (request.branchLabel && (!back.branchLabels.isLiteral() || back.branchLabels.isNone
                                || back.branchLabels.items.isEmpty()))
        return commandError(QStringLiteral("Version %1 specified branch_labels %2, however the migration file %3 "
                                           "does not have them; have you upgraded your script.py.mako to include "
                                           "the 'branch_labels' section?")
                                .arg(planned.revId, *request.branchLabel, planned.path));
    return planned;
}

Error RevisionWriter::write(const PlannedRevision &planned)
{
    if (!planned.createDirectory.isEmpty() && !QDir().mkpath(planned.createDirectory))
        return fileError(planned.createDirectory, errno ? errno : EACCES);
    QFile file(planned.path);
    // NewOnly is O_EXCL: an existing file or a link in its place is refused.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return fileError(planned.path, QFileInfo::exists(planned.path) || QFileInfo(planned.path).isSymLink()
                                           ? EEXIST : (errno ? errno : EACCES));
    if (file.write(planned.content) != planned.content.size() || !file.flush())
        return Error(Error::Kind::Io, QStringLiteral("%1: %2").arg(planned.path, file.errorString()));
    return {};
}

} // namespace retort

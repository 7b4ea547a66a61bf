#include "bridge/pythonheaders.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace retort {

namespace {

HeaderValue* headerFields(RevisionScript &s, int i)
{
    HeaderValue *fields[] = {&s.revision, &s.downRevision, &s.branchLabels, &s.dependsOn};
    return fields[i];
}

const char *const kNames[] = {"revision", "down_revision", "branch_labels", "depends_on"};

bool needsPython(const RevisionScript &s)
{
    if (s.hasSyntaxError)
        return false;
    for (const HeaderValue *h : {&s.revision, &s.downRevision, &s.branchLabels, &s.dependsOn})
        if (h->state == HeaderValue::State::Unresolved)
            return true;
    return false;
}

// What Python's module held, in the static reader's terms.
HeaderValue fromPython(const QJsonObject &v, const HeaderValue &was)
{
    HeaderValue h;
    h.line = was.line;
    const QString kind = v.value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("absent"))
        return HeaderValue{};
    h.state = HeaderValue::State::Literal;
    if (kind == QLatin1String("none")) {
        h.isNone = true;
    } else if (kind == QLatin1String("str")) {
        h.items << v.value(QLatin1String("text")).toString();
    } else if (kind == QLatin1String("tuple") || kind == QLatin1String("list")) {
        h.isSequence = true;
        for (const QJsonValue &item : v.value(QLatin1String("items")).toArray())
            h.items << item.toString();
    } else {
        // alembic takes it as it is and fails, or not, later: Retort says what it is
        h.state = HeaderValue::State::Unresolved;
        h.expression = QStringLiteral("Python gives %1").arg(v.value(QLatin1String("repr")).toString());
    }
    return h;
}

} // namespace

bool headersDependOnEnv(const QVector<RevisionScript> &scripts)
{
    for (const RevisionScript &s : scripts)
        for (const HeaderValue *h : {&s.revision, &s.downRevision, &s.branchLabels, &s.dependsOn})
            if (h->envDependent)
                return true;
    return false;
}

bool headersNeedPython(const QVector<RevisionScript> &scripts)
{
    for (const RevisionScript &s : scripts)
        if (needsPython(s))
            return true;
    return false;
}

Result<PythonReading> readHeadersWithPython(const PythonHeaderSettings &settings, QVector<RevisionScript> &scripts,
                                            const std::atomic<bool> *cancel, bool *alembicRan)
{
    PythonReading reading;
    QStringList paths;
    QVector<int> wanted;
    for (int i = 0; i < scripts.size(); ++i) {
        if (!needsPython(scripts[i]))
            continue;
        wanted << i;
        paths << QFileInfo(scripts[i].path).canonicalFilePath();
    }
    if (wanted.isEmpty() && !settings.forImportTimeCode)
        return reading;
    BridgeProject project = settings.bridge;
    if (project.python.isEmpty()) {
        Result<Interpreter> python = InterpreterFinder::find(settings.interpreter);
        if (!python)
            return python.error();
        project.python = python->path;
    }
    QString unavailable;
    Result<AlembicBridge::Headers> read = AlembicBridge(project).readHeaders(paths, cancel, &unavailable);
    if (!read) {
        if (alembicRan && unavailable.isEmpty())
            *alembicRan = true;
        return read.error();
    }
    reading.ran = true;
    reading.printed = read->printed;
    reading.stderrText = read->stderrText;
    reading.exitCode = read->exitCode;
    reading.failure = read->failure;
    if (reading.exitCode || reading.failure)
        return reading;  // the headers are not all read: nothing more to put in place
    for (int k = 0; k < wanted.size(); ++k) {
        const auto found = read->values.constFind(paths[k]);
        if (found == read->values.constEnd())
            continue;  // alembic did not load it (a duplicate): the graph says so as before
        RevisionScript &s = scripts[wanted[k]];
        for (int f = 0; f < 4; ++f) {
            HeaderValue *h = headerFields(s, f);
            *h = fromPython(found->value(QLatin1String(kNames[f])).toObject(), *h);
        }
        s.problems.removeIf([](const Error &e) { return e.kind() == Error::Kind::Unresolved; });
        s.headersFromPython = true;
        ++reading.headersRead;
    }
    return reading;
}

} // namespace retort

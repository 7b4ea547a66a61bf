#include "project/importedconstants.h"

#include "project/projectfile.h"
#include "project/revisionreader.h"
#include "pytext.h"

#include <QFileInfo>
#include <QSet>

#include <utility>

namespace retort {

namespace {

// Constants that import constants that import ...: beyond this it is a cycle
// Python would stop with an ImportError.
constexpr int kMaxDepth = 16;

Error notStatic(const QString &message)
{
    return Error(Error::Kind::Unresolved, message);
}

} // namespace

ImportedConstants::ImportedConstants(QStringList searchPath) : m_searchPath(std::move(searchPath)) {}

QString ImportedConstants::searchPathText() const
{
    QStringList quoted;
    for (const QString &dir : m_searchPath)
        quoted << pyRepr(dir);
    return QLatin1Char('[') + quoted.join(QStringLiteral(", ")) + QLatin1Char(']');
}

// Python's path finder, one dotted step at a time: a folder with
// __init__.py is a regular package and ends the search, then name.py, and
// folders without __init__.py are portions of a namespace package.
std::optional<ImportedConstants::Module> ImportedConstants::findModule(const QString &dotted)
{
    const auto known = m_modules.constFind(dotted);
    if (known != m_modules.constEnd())
        return *known;
    QStringList dirs = m_searchPath;
    std::optional<Module> found;
    const QStringList parts = dotted.split(QLatin1Char('.'));
    for (int i = 0; i < parts.size(); ++i) {
        const QString &part = parts[i];
        const bool last = i + 1 == parts.size();
        found.reset();
        QStringList portions;
        for (const QString &dir : std::as_const(dirs)) {
            const QString folder = dir + QLatin1Char('/') + part;
            if (QFileInfo(folder + QStringLiteral("/__init__.py")).isFile()) {
                found = Module{folder + QStringLiteral("/__init__.py"), parts.mid(0, i + 1).join(QLatin1Char('.'))};
                portions = {folder};
                break;
            }
            if (QFileInfo(folder + QStringLiteral(".py")).isFile()) {
                if (!last)
                    break;  // a module has no submodules
                found = Module{folder + QStringLiteral(".py"), parts.mid(0, i).join(QLatin1Char('.'))};
                break;
            }
            if (QFileInfo(folder).isDir())
                portions << folder;
        }
        if (!found && !portions.isEmpty())
            found = Module{QString(), parts.mid(0, i + 1).join(QLatin1Char('.'))};
        if (!found)
            break;
        dirs = portions;
    }
    m_modules.insert(dotted, found);
    return found;
}

const ImportedConstants::Constants &ImportedConstants::constantsOf(const QString &name, const Module &module)
{
    auto it = m_constants.find(name);
    if (it != m_constants.end())
        return *it;
    Constants c;
    c.file = module.file;
    if (!module.file.isEmpty()) {
        Result<QByteArray> bytes = readProjectFile(module.file, FileLimit::kRevision, QStringLiteral("a Python module"));
        if (!bytes) {
            c.error = bytes.error();
        } else {
            Result<ModuleConstants> read = readModuleConstants(module.file, bytes.value(), module.package);
            if (read)
                c.read = read.value();
            else
                c.error = read.error();
        }
    }
    return *m_constants.insert(name, c);
}

Error ImportedConstants::importError(const QString &name)
{
    const QStringList parts = name.split(QLatin1Char('.'));
    for (int k = 1; k <= parts.size(); ++k) {
        const QString prefix = parts.mid(0, k).join(QLatin1Char('.'));
        const std::optional<Module> module = findModule(prefix);
        if (!module) {
            // a top-level name outside the search path is not the project's
            if (k > 1)
                return notStatic(QStringLiteral("No module named %1 (on prepend_sys_path %2)")
                                     .arg(pyRepr(prefix), searchPathText()));
            return {};
        }
        // Its packages are imported first, and may be importing still (a
        // package's __init__ importing its own submodules): only the module
        // an import statement names must not be.
        if (Error error = moduleError(prefix, *module, k == parts.size()))
            return error;
    }
    return {};
}

Error ImportedConstants::moduleError(const QString &name, const Module &module, bool named)
{
    if (const int at = m_importing.indexOf(name); at >= 0) {
        if (!named)
            return {};
        // Python hands out the half-run module: what it holds then depends on
        // which module the program imported first.
        const QStringList chain = m_importing.mid(at) << name;
        return notStatic(QStringLiteral("%1 is imported while it is still being imported (a circular import: %2); "
                                        "whether Python can load it depends on the order the modules run in")
                             .arg(name, chain.join(QStringLiteral(" -> "))));
    }
    const auto known = m_importErrors.constFind(name);
    if (known != m_importErrors.constEnd())
        return *known;
    m_importing << name;
    const Constants &constants = constantsOf(name, module);
    Error error = constants.error;
    for (const QString &imported : constants.read.imports) {
        if (error)
            break;
        error = importError(imported);
    }
    for (const QString &imported : constants.read.fromImports) {
        if (error)
            break;
        // from a import b: b is a's name, or else its submodule
        error = findModule(imported) ? importError(imported) : importError(imported.section(QLatin1Char('.'), 0, -2));
    }
    m_importing.removeLast();
    m_importErrors.insert(name, error);
    return error;
}

void ImportedConstants::setRevisions(const QVector<RevisionScript> &scripts)
{
    for (const RevisionScript &s : scripts) {
        m_revisionImports += s.imports;
        m_revisionStores += s.stores;
    }
}

void ImportedConstants::setEnvironment(const QString &envPath)
{
    if (!QFileInfo(envPath).isFile())
        return;
    Result<QByteArray> bytes = readProjectFile(envPath, FileLimit::kRevision, QStringLiteral("env.py"));
    if (!bytes)
        return;  // env.py's own problems are reported where it is run
    Result<ModuleConstants> env = readModuleConstants(envPath, bytes.value(), QString());
    if (!env)
        return;
    for (ModuleStore store : env->stores) {
        store.inEnv = true;
        m_revisionStores << store;
    }
    m_revisionImports += env->anyImports;
}

void ImportedConstants::collectStores()
{
    if (m_storesCollected)
        return;
    m_storesCollected = true;
    // Whether an import fails matters only for the header that needs it;
    // here every module reached, by any import statement anywhere in a file
    // (a block, a function), is read for what it changes.
    // By rounds: the names of a round read some modules, whose imports are
    // the next round's names.
    QStringList round = m_revisionImports;
    QSet<QString> seen, expanded;
    while (!round.isEmpty()) {
        for (const QString &name : std::as_const(round)) {
            if (name.isEmpty() || seen.contains(name))
                continue;
            seen.insert(name);
            // `from a import b`: b is a's name, or else its submodule
            importError(findModule(name) || !name.contains(QLatin1Char('.')) ? name
                                                                            : name.section(QLatin1Char('.'), 0, -2));
        }
        round.clear();
        for (auto it = m_constants.cbegin(); it != m_constants.cend(); ++it) {
            if (!expanded.contains(it.key())) {
                expanded.insert(it.key());
                round += it->read.anyImports;
            }
        }
    }
    for (const ModuleStore &store : std::as_const(m_revisionStores))
        addStore(store);
    for (const Constants &c : std::as_const(m_constants)) {
        for (const ModuleStore &store : c.read.stores)
            addStore(store);
    }
}

QString ImportedConstants::importTimeCodeWhere()
{
    collectStores();
    QStringList found;
    for (const Constants &c : std::as_const(m_constants)) {
        if (c.error)
            found << c.error.toString();
        else if (c.read.importTimeLine > 0 && !c.file.isEmpty())
            found << QStringLiteral("%1:%2: %3").arg(c.file).arg(c.read.importTimeLine).arg(c.read.importTimeCode);
    }
    // one answer whatever the hash order
    std::sort(found.begin(), found.end());
    return found.value(0);
}

void ImportedConstants::addStore(const ModuleStore &store)
{
    if (store.target == QLatin1String("*")) {
        if (!m_anyStore)
            m_anyStore = store;
        return;
    }
    if (store.handedOn && findModule(store.target)) {
        // a module handed to code that may set any of its attributes
        ModuleStore all = store;
        all.mutation = false;
        m_stores[store.target].insert(QStringLiteral("*"), all);
        return;
    }
    const std::optional<std::pair<QString, QString>> at = storedAttribute(store.target, 0);
    if (!at)
        return;
    // a module used as a module (`cli.X`) is not a list changed in place
    if (store.mutation && findModule(at->first + QLatin1Char('.') + at->second))
        return;
    QHash<QString, ModuleStore> &stores = m_stores[at->first];
    const auto known = stores.constFind(at->second);
    // a rebinding says more than a change in place
    if (known == stores.constEnd() || (known->mutation && !store.mutation))
        stores.insert(at->second, store);
}

std::optional<std::pair<QString, QString>> ImportedConstants::storedAttribute(const QString &dotted, int depth)
{
    if (depth > kMaxDepth)
        return std::nullopt;
    const QStringList parts = dotted.split(QLatin1Char('.'));
    for (int k = int(parts.size()) - 1; k >= 1; --k) {
        const QString moduleName = parts.mid(0, k).join(QLatin1Char('.'));
        const std::optional<Module> module = findModule(moduleName);
        if (!module)
            continue;
        if (k + 1 == parts.size())
            return std::make_pair(moduleName, parts[k]);
        const HeaderValue bound = constantsOf(moduleName, *module).read.values.value(parts[k]);
        if (bound.state != HeaderValue::State::Imported || bound.isSequence || bound.items.size() != 1)
            return std::nullopt;
        return storedAttribute(bound.items.front() + QLatin1Char('.') + parts.mid(k + 1).join(QLatin1Char('.')),
                               depth + 1);
    }
    return std::nullopt;
}

Error ImportedConstants::storeError(const QStringList &parts, int k, const HeaderValue *value) const
{
    const auto at = [](const ModuleStore &store, const QString &message) {
        Location where;
        where.file = store.file;
        where.line = store.line;
        return Error(Error::Kind::Unresolved, message, where);
    };
    const auto changed = [&](const ModuleStore &store) {
        const QString constant = parts.mid(0, k + 1).join(QLatin1Char('.'));
        return at(store, store.inEnv
                             ? QStringLiteral("%1 is changed by env.py (`%2`), which alembic runs for upgrade, "
                                              "downgrade and stamp but not for heads or history: the two see "
                                              "different values, so Retort cannot say which graph you mean")
                                   .arg(constant, store.what)
                             : QStringLiteral("%1 is changed while the modules are imported (`%2`), so its value "
                                              "depends on the order Python runs them in")
                                   .arg(constant, store.what));
    };
    if (m_anyStore)
        return at(*m_anyStore, QStringLiteral("`%1` can change any module's constants while the modules are imported")
                                   .arg(m_anyStore->what));
    // the constant itself, or a submodule on the way rebound in its package
    for (int j = k; j >= 1; --j) {
        const auto module = m_stores.constFind(parts.mid(0, j).join(QLatin1Char('.')));
        if (module == m_stores.constEnd())
            continue;
        for (const QString &attribute : {parts[j], QStringLiteral("*")}) {
            const auto store = module->constFind(attribute);
            if (store == module->constEnd())
                continue;
            // changed in place: matters for the constant itself when it is a list
            if (store->mutation && (j != k || !value || !value->isSequence))
                continue;
            return changed(*store);
        }
    }
    return {};
}

Result<HeaderValue> ImportedConstants::constant(const QString &dotted, int depth)
{
    if (depth > kMaxDepth)
        return notStatic(QStringLiteral("%1 is imported in a cycle").arg(dotted));
    const QStringList parts = dotted.split(QLatin1Char('.'));
    // The longest prefix that is a module, as `import a.b` makes submodule b
    // an attribute of a; the rest names a constant of it (or of a module
    // it imports).
    for (int k = int(parts.size()) - 1; k >= 1; --k) {
        const QString moduleName = parts.mid(0, k).join(QLatin1Char('.'));
        const std::optional<Module> module = findModule(moduleName);
        if (!module)
            continue;
        if (Error error = importError(moduleName))
            return error;
        // A package whose __init__ binds the submodule's name itself
        // (`from . import real as consts`): `from pkg import consts` takes
        // that binding, `import pkg.consts` the file, and the last import wins.
        for (int j = 1; j < k; ++j) {
            const QString package = parts.mid(0, j).join(QLatin1Char('.'));
            const std::optional<Module> p = findModule(package);
            if (p && constantsOf(package, *p).read.values.contains(parts[j]))
                return notStatic(QStringLiteral("%1 binds the name %2 itself, and %3 is also a module: which one %3 "
                                                "is depends on the order of the imports")
                                     .arg(p->file.isEmpty() ? package : p->file, parts[j],
                                          parts.mid(0, j + 1).join(QLatin1Char('.'))));
        }
        const Constants &constants = constantsOf(moduleName, *module);
        const QString &name = parts[k];
        const auto value = constants.read.values.constFind(name);
        if (Error error = storeError(parts, k, value == constants.read.values.constEnd() ? nullptr : &*value))
            return error;
        if (value == constants.read.values.constEnd())
            return notStatic(QStringLiteral("%1 is not a constant of %2 (%3) that can be read without Python")
                                 .arg(name, moduleName, module->file.isEmpty() ? QStringLiteral("a namespace package")
                                                                               : module->file));
        HeaderValue v = *value;
        const QStringList rest = parts.mid(k + 1);
        if (!rest.isEmpty()) {
            // cli.consts.EXPAND where cli imported consts
            if (v.state != HeaderValue::State::Imported || v.isSequence || v.items.size() != 1)
                return notStatic(QStringLiteral("%1.%2 is not a module").arg(moduleName, name));
            return constant(v.items.front() + QLatin1Char('.') + rest.join(QLatin1Char('.')), depth + 1);
        }
        return literalOf(v, depth + 1);
    }
    return notStatic(QStringLiteral("no module named %1 on prepend_sys_path %2")
                         .arg(pyRepr(parts.front()), searchPathText()));
}

// An Imported value (a lone dotted path, or a sequence with some) as the
// literal it names; a Literal is returned as it is.
Result<HeaderValue> ImportedConstants::literalOf(HeaderValue value, int depth)
{
    if (value.state != HeaderValue::State::Imported)
        return value;
    if (!value.isSequence) {
        Result<HeaderValue> v = constant(value.items.front(), depth);
        if (!v)
            return v;
        HeaderValue out = v.value();
        out.line = value.line;
        return out;
    }
    for (qint32 i : std::as_const(value.importedItems)) {
        Result<HeaderValue> item = constant(value.items[i], depth);
        if (!item)
            return item.error();
        if (item->isNone || item->isSequence)
            return notStatic(QStringLiteral("%1 is not a string").arg(value.items[i]));
        value.items[i] = item->items.front();
    }
    value.importedItems.clear();
    value.state = HeaderValue::State::Literal;
    return value;
}

void ImportedConstants::resolve(HeaderValue &value)
{
    if (value.state != HeaderValue::State::Imported)
        return;
    collectStores();
    Result<HeaderValue> literal = literalOf(value, 0);
    if (literal) {
        value = literal.value();
        return;
    }
    const Error &why = literal.error();
    value.state = HeaderValue::State::Unresolved;
    value.envDependent = why.message().contains(QLatin1String("is changed by env.py"));
    value.expression += QStringLiteral(": ") + why.message();
    if (!why.where().file.isEmpty())
        value.expression += QStringLiteral(" (%1)").arg(why.where().toString());
    value.importedItems.clear();
}

} // namespace retort

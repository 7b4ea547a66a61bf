// checkCompiles (app/core/python/compilecheck.cpp) against the real
// compiler: each module below is put through Retort's parser and compiler
// checks and through Python 3.11's compile(), and both must accept it or
// both refuse it with the same message on the same line. These are the
// errors ast.parse() does not raise and importing a revision file does.

#include "python/compilecheck.h"
#include "python/parser.h"

#include "pythoninterpreter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using namespace retort::py;
using retort::test::PythonInterpreter;

namespace {

struct Case {
    QString name;
    QByteArray source;
};

std::vector<Case> cases()
{
    std::vector<Case> all;
    auto row = [&all](const char *name, const QByteArray &source) { all.push_back({QString::fromLatin1(name), source}); };
    // decimal literals beyond sys.get_int_max_str_digits(); other bases are exempt
    row("int 4301 digits", "x = " + QByteArray(4301, '1') + "\n");
    row("int 4300 digits", "x = " + QByteArray(4300, '1') + "\n");
    row("int 4301 digits with underscores", "x = " + QByteArray("1_").repeated(4300) + "1\n");
    row("int 4301 digits on line 7", "x = 1\n\n\n\nif x:\n    y = [1,\n         " + QByteArray(4301, '9') + "]\n");
    row("hex 5000 digits", "x = 0x" + QByteArray(5000, 'f') + "\n");
    row("zeros 5000 digits", "x = " + QByteArray(5000, '0') + "\n");
    row("float 5000 digits", "x = " + QByteArray(5000, '1') + ".0\n");
    // unpacking into 256 names before the starred one is too many
    QByteArray names;
    for (int i = 0; i < 256; ++i)
        names += "x" + QByteArray::number(i) + ", ";
    row("star after 256 targets", names + "*b = c\n");
    row("star after 255 targets", names.mid(names.indexOf(' ') + 1) + "*b = c\n");
    row("future_late", "import os\nfrom __future__ import annotations\n");
    row("future_unknown", "from __future__ import braces_x\n");
    row("future_in_func", "def f():\n    from __future__ import annotations\n");
    row("future_after_doc", "\"\"\"doc\"\"\"\nfrom __future__ import annotations\n");
    row("future_after_doc2", "\"\"\"doc\"\"\"\n\"\"\"doc2\"\"\"\nfrom __future__ import annotations\n");
    row("global_after_assign", "def f():\n    x = 1\n    global x\n");
    row("global_after_use", "def f():\n    print(x)\n    global x\n");
    row("global_module_after_assign", "x = 1\nglobal x\n");
    row("global_param", "def f(x):\n    global x\n");
    row("nonlocal_param", "def g():\n    x=1\n    def f(x):\n        nonlocal x\n");
    row("nonlocal_no_binding", "def f():\n    nonlocal zz\n");
    row("global_and_nonlocal", "def g():\n    x=1\n    def f():\n        global x\n        nonlocal x\n");
    row("star_alone", "*a = 1\n");
    row("star_alone_paren", "(*a) = 1\n");
    row("star_list_ok", "[*a] = [1]\n");
    row("star_rhs", "a = *b\n");
    row("star_rhs_ok", "a = *b,\n");
    row("two_stars", "*a, *b = c\n");
    row("star_for", "for *a in b: pass\n");
    row("star_aug", "a += *b,\n");
    row("walrus_iter", "[y := 1 for y in z]\n");
    row("walrus_iter_nested", "[[y := 1 for q in w] for y in z]\n");
    row("walrus_in_iter", "[x for x in (y := [1])]\n");
    row("walrus_class", "class C:\n    [y := 1 for x in z]\n");
    row("return_module", "return 1\n");
    row("yield_class", "class C:\n    yield 1\n");
    row("nonlocal_module", "nonlocal x\n");
    row("dup_arg", "def f(a, a): pass\n");
    row("dup_lambda", "lambda a, a: 1\n");
    row("nondefault_after_default", "def f(a=1, b): pass\n");
    row("kw_repeat", "f(a=1, a=2)\n");
    row("assign_none", "None = 1\n");
    row("assign_debug", "__debug__ = 1\n");
    row("assign_debug_attr", "x.__debug__ = 1\n");
    row("debug_arg", "def f(__debug__): pass\n");
    row("debug_kw", "f(__debug__=1)\n");
    row("del_debug", "del __debug__\n");
    row("debug_for", "for __debug__ in x: pass\n");
    row("debug_import", "import __debug__\n");
    row("debug_import_as", "import a as __debug__\n");
    row("debug_def", "def __debug__(): pass\n");
    row("debug_class", "class __debug__: pass\n");
    row("debug_global", "def f():\n    global __debug__\n");
    row("assign_literal", "1 = x\n");
    row("break_module", "break\n");
    row("continue_finally", "for x in y:\n    try:\n        pass\n    finally:\n        continue\n");
    row("await_module", "await x\n");
    row("async_comp", "def f():\n    [x async for x in y]\n");
    row("async_comp_module", "[x async for x in y]\n");
    row("await_in_comp_sync", "async def f():\n    def g():\n        [await x for x in y]\n");
    row("await_lambda", "async def f():\n    lambda: await x\n");
    row("yield_comp", "def f():\n    [(yield x) for x in y]\n");
    row("yield_genexp", "def f():\n    list((yield x) for x in y)\n");
    row("return_value_async_gen", "async def f():\n    yield 1\n    return 2\n");
    row("yield_from_async", "async def f():\n    yield from x\n");
    row("bare_except_not_last", "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n");
    row("star_expr_index", "a[*b]\n");
    row("walrus_comp_iter_expr", "[i for i in range((j := 2))]\n");
    row("walrus_class_body_comp", "class C:\n    [(j := i) for i in range(5)]\n");
    row("import_star_func", "def f():\n    from os import *\n");
    row("dict_double_star_dup", "f(**a, *b)\n");
    row("positional_after_kw_unpack", "f(**a, b)\n");
    row("genexp_not_sole", "f(x for x in y, 1)\n");
    row("nonlocal_class", "class C:\n    nonlocal x\n");
    row("ann_global", "def f():\n    global x\n    x: int = 1\n");
    row("ann_nonlocal", "def g():\n    x=1\n    def f():\n        nonlocal x\n        x: int\n");
    row("global_ann_after", "def f():\n    x: int\n    global x\n");
    row("too_many_star_targets", "a, *b, *c = d\n");
    row("fstring_empty", "f'{}'\n");
    row("fstring_backslash", "f'{\"\\n\"}'\n");
    row("star_in_subscript_store", "a[*b] = 1\n");
    row("dup_kwonly", "def f(a, *, a): pass\n");
    row("dup_vararg", "def f(*a, **a): pass\n");
    row("return_in_class", "class C:\n    return\n");
    row("star_return", "def f():\n    return *a\n");
    row("star_return_ok", "def f():\n    return *a, 1\n");
    row("continue_in_class_in_loop", "for x in y:\n    class C:\n        continue\n");
    row("await_genexp_sync", "def f():\n    (await x for x in y)\n");
    row("await_in_async_genexp", "async def f():\n    (await x for x in y)\n");
    row("many_stars_assign", "*a, = b\n");
    row("star_del", "del *a\n");
    row("star_aug_target", "*a += 1\n");
    row("ann_star", "*a: int = 1\n");
    row("future_barry", "from __future__ import barry_as_FLUFL\n");
    row("walrus_comp_iter_var_nested", "[x for x in y if (x := 1)]\n");
    row("walrus_in_comp_iterable", "[x for x in (z := y)]\n");
    row("walrus_nested_iter", "[[(z := 1) for z2 in w] for z in y]\n");
    row("walrus_genexp_iter", "(y := 1 for y in z)\n");
    row("walrus_set", "{y := 1 for y in z}\n");
    row("walrus_dict", "{(y := 1): 2 for y in z}\n");
    row("lambda_default_walrus_iter", "[lambda: (y := 1) for y in z]\n");
    row("ann_complex_global", "def f():\n    global x\n    (x): int = 1\n");
    row("return_with_value_in_async_gen2", "async def f():\n    return 1\n    yield\n");
    row("class_nonlocal_name", "def f():\n    x=1\n    class C:\n        nonlocal x\n        x = 2\n");
    row("dup_nonlocal_global", "def f():\n    global x\n    global x\n");
    row("del_after_global", "def f():\n    del x\n    global x\n");
    row("import_after_global", "def f():\n    import x\n    global x\n");
    row("global_in_comp", "def f():\n    [x for x in y]\n    global x\n");
    row("global_after_funcdef", "def f():\n    def x(): pass\n    global x\n");
    row("global_for", "def f():\n    for x in y: pass\n    global x\n");
    row("global_module_use", "print(x)\nglobal x\n");
    row("global_class", "class C:\n    x = 1\n    global x\n");
    row("nonlocal_after_use", "def g():\n    x=1\n    def f():\n        print(x)\n        nonlocal x\n");
    row("global_after_ann", "def f():\n    x: int = 1\n    global x\n");
    row("global_except_as", "def f():\n    try: pass\n    except E as x: pass\n    global x\n");
    row("global_with_as", "def f():\n    with a as x: pass\n    global x\n");
    row("global_walrus", "def f():\n    (x := 1)\n    global x\n");
    row("debug_walrus", "(__debug__ := 1)\n");
    row("debug_except", "try: pass\nexcept E as __debug__: pass\n");
    row("debug_fromimport", "from m import __debug__\n");
    row("debug_import_dotted", "import __debug__.x\n");
    row("debug_kwonly", "def f(*, __debug__): pass\n");
    row("debug_lambda", "lambda __debug__: 1\n");
    row("debug_classkw", "class C(__debug__=1): pass\n");
    row("debug_ann", "__debug__: int\n");
    row("debug_ann_attr", "x.__debug__: int\n");
    row("debug_comp", "[x for __debug__ in y]\n");
    row("debug_del_attr", "del x.__debug__\n");
    row("debug_aug_attr", "x.__debug__ += 1\n");
    row("debug_aug", "__debug__ += 1\n");
    row("debug_kwarg", "def f(**__debug__): pass\n");
    row("debug_with", "with a as __debug__: pass\n");
    row("debug_kw_pos", "x = 1\ny = (1,\n  f(a, __debug__=1))\n");
    row("debug_attr_pos", "x = (1,\n  2)\nz = [1,\n a.__debug__] = 3\n");
    row("debug_def_body", "def g():\n    x = 1\n    def f(a,\n      __debug__): pass\n");
    row("debug_star", "*__debug__, a = b\n");
    row("walrus_nested_iter_comp", "[x for x in [(y := 1) for z in w]]\n");
    row("walrus_lambda_in_iter", "[x for x in (lambda: (y := 1))()]\n");
    row("async_nested_comp", "async def f():\n    def g():\n        [[x async for x in y] for z in w]\n");
    row("async_in_genexp_in_listcomp", "def g():\n    [(x async for x in y) for z in w]\n");
    row("await_in_comp_iter_sync", "def g():\n    [x for x in await y]\n");
    row("await_in_comp_iter2_sync", "def g():\n    [x for z in w for x in await y]\n");
    row("future_semicolon", "from __future__ import annotations; import os; from __future__ import division\n");
    row("future_braces", "from __future__ import braces\n");
    row("future_dot", "from .__future__ import annotations\nx=1\nfrom .__future__ import division\n");
    row("future_two_lines", "from __future__ import annotations\nfrom __future__ import division\nimport os\n");
    row("comp_inner_rebind", "[i for i in range(5) if (j := 0) for j in range(5)]\n");
    row("yield_setcomp", "def f():\n    {(yield x) for x in y}\n");
    row("yield_dictcomp", "def f():\n    {x: (yield) for x in y}\n");
    row("yield_comp_iter", "def f():\n    [x for x in (yield y)]\n");
    row("yield_lambda", "lambda: (yield)\n");
    row("await_lambda_module", "lambda: await x\n");
    row("return_async_gen_empty", "async def f():\n    yield 1\n    return\n");
    row("star_set", "{*a}\n");
    row("star_dict", "{**a}\n");
    row("star_call", "f(*a)\n");
    row("star_yield", "def f():\n    yield *a\n");
    row("star_await", "async def f():\n    await *a\n");
    row("star_subscript", "a[*b]\n");
    row("star_with_target", "with a as *b: pass\n");
    row("star_for_tuple", "for *a, b in c: pass\n");
    row("star_comp_target", "[x for *x in y]\n");
    row("star_return_paren", "def f():\n    return (*a)\n");
    row("star_in_slice", "a[*b:c]\n");
    row("star_walrus", "(x := *a)\n");
    row("star_print", "print(*a, *b)\n");
    row("global_nested_discard", "def f():\n    x = 1\n    def g():\n        global x\n        def h():\n            nonlocal x\n");
    row("nonlocal_through_class", "def f():\n    x = 1\n    class C:\n        def g():\n            nonlocal x\n");
    row("nonlocal_global_outer", "def f():\n    global x\n    def g():\n        nonlocal x\n");
    row("nonlocal_import", "def f():\n    import x\n    def g():\n        nonlocal x\n");
    row("nonlocal_outer_nonlocal", "def f():\n    x=1\n    def g():\n        nonlocal x\n        def h():\n            nonlocal x\n");
    row("nonlocal_comp_target", "def f():\n    [x for x in y]\n    def g():\n        nonlocal x\n");
    row("nonlocal_walrus_comp", "def f():\n    [(x := 1) for q in y]\n    def g():\n        nonlocal x\n");
    row("nonlocal_class_bound", "class C:\n    x = 1\n    def g(self):\n        nonlocal x\n");
    row("nonlocal_after_assign", "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n");
    row("global_after_use_in_default", "def f():\n    def g(a=x): pass\n    global x\n");
    row("global_after_decorator", "def f():\n    @x\n    def g(): pass\n    global x\n");
    row("global_after_comp_iter", "def f():\n    [a for a in x]\n    global x\n");
    row("global_after_lambda_default", "def f():\n    lambda a=x: 1\n    global x\n");
    row("global_after_nested_use", "def f():\n    def g():\n        return x\n    global x\n");
    row("global_use_same_stmt", "def f():\n    global x; print(x)\n");
    row("global_after_aug", "def f():\n    x += 1\n    global x\n");
    row("global_after_attr", "def f():\n    x.a = 1\n    global x\n");
    row("global_after_del", "def f():\n    del x\n    global x\n");
    row("global_after_class", "def f():\n    class x: pass\n    global x\n");
    row("global_after_ann_nonsimple", "def f():\n    (x): int = 1\n    global x\n");
    row("global_after_bare_ann", "def f():\n    x: int\n    global x\n");
    row("global_two_names", "def f():\n    y = 1\n    global x, y\n");
    row("global_after_super", "class C:\n    def f(self):\n        super()\n        global super\n");
    row("global_class_use", "def f():\n    class C(x): pass\n    global x\n");
    row("ann_module_global", "global x\nx: int = 1\n");
    row("ann_class_global", "class C:\n    global x\n    x: int = 1\n");
    row("ann_walrus_global", "def f():\n    [(x := 1) for q in y]\n    x: int\n");
    row("import_star_class", "class C:\n    from os import *\n");
    row("nested_walrus_class_lambda", "class C:\n    lambda: [(y := 1) for x in z]\n");
    row("walrus_comp_in_comp_iter_expr", "[[(y := 1) for q in w] for x in z]\n");
    row("walrus_inner_iter", "[x for q in w for x in (y := z)]\n");
    row("nonlocal_in_comp_fine", "def f():\n    x = 1\n    [x for y in z]\n");
    row("kw_repeat_class", "class C(a=1, a=2): pass\n");
    row("kw_repeat_after_star", "f(a=1, **b, a=2)\n");
    row("dup_param_lambda_kwonly", "lambda a, *, a: 1\n");
    row("dup_posonly", "def f(a, /, a): pass\n");
    row("break_in_else", "for x in y:\n    pass\nelse:\n    break\n");
    row("continue_in_while_else", "while x:\n    pass\nelse:\n    continue\n");
    row("break_in_def_in_loop", "for x in y:\n    def f():\n        break\n");
    return all;
}

} // namespace

class TestCompileCheck : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void agreesWithPython()
    {
        const QString python = PythonInterpreter::find({QStringLiteral("json")});
        QVERIFY2(!python.isEmpty(), "no Python interpreter was found: install python3");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::vector<Case> all = cases();
        QStringList files;
        for (size_t i = 0; i < all.size(); ++i) {
            const QString path = dir.filePath(QStringLiteral("c%1.py").arg(i, 3, 10, QLatin1Char('0')));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(all[i].source);
            files << path;
        }
        QByteArray out;
        QString error;
        QVERIFY2(PythonInterpreter::run(python, QStringList{PythonInterpreter::script(QStringLiteral("pycompile_check.py"))} + files,
                                        &out, &error),
                 qPrintable(error));
        QList<QByteArray> lines = out.trimmed().split('\n');
        QCOMPARE(lines.size(), qsizetype(all.size() + 1));
        // the rules are 3.11's (Debian 12's, which alembic runs under here)
        QCOMPARE(QJsonDocument::fromJson(lines.takeFirst()).object().value(QStringLiteral("version")).toArray(),
                 QJsonArray({3, 11}));
        QStringList failures;
        int refused = 0;
        for (size_t i = 0; i < all.size(); ++i) {
            const QJsonObject py = QJsonDocument::fromJson(lines[qsizetype(i)]).object();
            const QByteArray &source = all[i].source;
            ParseOptions options;
            options.fileName = files[qsizetype(i)];
            const ParseResult parsed = parseModule(std::string_view(source.constData(), size_t(source.size())), options);
            const retort::Error ours = parsed.ok() ? checkCompiles(parsed.module, files[qsizetype(i)]) : parsed.error;
            const bool pyOk = py.value(QStringLiteral("ok")).toBool();
            const QJsonArray pyError = py.value(QStringLiteral("error")).toArray();
            // The parser's own messages are tst_pyparser's business: here
            // they need only agree on the line.
            const bool compilerError = py.value(QStringLiteral("parses")).toBool();
            const QString theirs = pyOk ? QStringLiteral("accepts")
                                        : QStringLiteral("line %1: %2").arg(pyError.at(0).toInt())
                                              .arg(compilerError ? pyError.at(2).toString() : QString());
            const QString mine = !ours ? QStringLiteral("accepts")
                                       : QStringLiteral("line %1: %2").arg(ours.where().line)
                                             .arg(compilerError ? ours.message() : QString());
            refused += !pyOk;
            if (theirs != mine || (ours && ours.where().file != files[qsizetype(i)]))
                failures << QStringLiteral("%1: python %2, retort %3").arg(all[i].name, theirs, mine);
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        // the table must keep exercising both outcomes
        QVERIFY(refused > int(all.size()) / 2 && refused < int(all.size()));
    }
};

QTEST_GUILESS_MAIN(TestCompileCheck)
#include "tst_compilecheck.moc"

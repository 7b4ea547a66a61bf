#pragma once

// The abstract syntax tree of Python 3.11 as far as Retort reads it: nearly
// all of it except `match`. Shapes and field names follow Python's own `ast`
// module, so its documentation describes these nodes too.
//
// Walking conventions
// - Every node derives from Node: `kind`, 1-based `line`/`column`,
//   exclusive `endLine`/`endColumn` (columns count UTF-8 bytes, like
//   Python's col_offset + 1) and byte offsets [begin, end) into
//   Module::source(); Module::text(node) returns the exact source text.
// - Statements derive from Stmt, expressions from Expr. Test and cast with
//   node->is<Call>(), node->as<Call>() (asserts) and node->dyn<Call>()
//   (nullptr when it is something else). A few structs cover two kinds,
//   distinguished by `kind`: FunctionDef (also AsyncFunctionDef), For
//   (AsyncFor), With (AsyncWith), Try (TryStar), Global (Nonlocal),
//   Sequence (List, Tuple), Comp (ListComp, SetComp, GeneratorExp).
// - Lists are Span<T>: range-for, size(), operator[]. Optional children are
//   nullptr; optional identifiers are empty string_views.
// - Nodes live in the Module's arena and die with it; they are plain data
//   (trivially destructible), so keep the Module alive while you hold nodes.
// - A FunctionDef parsed with ParseOptions::skipFunctionBodies has
//   bodySkipped == true, an empty body and bodyRange telling where the body
//   is; parseFunctionBody() (parser.h) fills it in later.
// - forEachChild()/walk() below visit children generically.

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace retort::py {

enum class NodeKind : uint8_t {
    // statements
    FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign,
    For, AsyncFor, While, If, With, AsyncWith, Raise, Try, TryStar, Assert, Import, ImportFrom,
    Global, Nonlocal, ExprStmt, Pass, Break, Continue,
    // expressions
    BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
    GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
    Attribute, Subscript, Starred, Name, List, Tuple, Slice,
    // helpers
    Arguments, Arg, Keyword, Alias, WithItem, ExceptHandler, Comprehension,
};

// Python's class name for a kind ("FunctionDef", "Expr" for ExprStmt, "arg", ...).
const char *nodeKindName(NodeKind kind);

enum class ExprContext : uint8_t { Load, Store, Del };
enum class BoolOpKind : uint8_t { And, Or };
enum class BinOpKind : uint8_t {
    Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class UnaryOpKind : uint8_t { Invert, Not, UAdd, USub };
enum class CmpOpKind : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

const char *opName(BoolOpKind op);
const char *opName(BinOpKind op);
const char *opName(UnaryOpKind op);
const char *opName(CmpOpKind op);

// A read-only array in the arena.
template <class T>
class Span {
public:
    Span() = default;
    Span(T *data, uint32_t size) : m_data(data), m_size(size) {}
    T *begin() const { return m_data; }
    T *end() const { return m_data + m_size; }
    uint32_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    T &operator[](uint32_t i) const { assert(i < m_size); return m_data[i]; }
    T &front() const { return (*this)[0]; }
    T &back() const { return (*this)[m_size - 1]; }

private:
    T *m_data = nullptr;
    uint32_t m_size = 0;
};

struct Node {
    NodeKind kind{};
    uint32_t line = 0;
    uint32_t column = 0;
    uint32_t endLine = 0;
    uint32_t endColumn = 0;
    uint32_t begin = 0;  // byte offsets into Module::source()
    uint32_t end = 0;

    template <class T> bool is() const { return T::classof(kind); }
    template <class T> T *as() { assert(is<T>()); return static_cast<T *>(this); }
    template <class T> const T *as() const { assert(is<T>()); return static_cast<const T *>(this); }
    template <class T> T *dyn() { return is<T>() ? static_cast<T *>(this) : nullptr; }
    template <class T> const T *dyn() const { return is<T>() ? static_cast<const T *>(this) : nullptr; }
};

struct Stmt : Node {
    static bool classof(NodeKind k) { return k <= NodeKind::Continue; }
};
struct Expr : Node {
    static bool classof(NodeKind k) { return k >= NodeKind::BoolOp && k <= NodeKind::Slice; }
};

#define RETORT_PY_KIND(K) \
    static constexpr NodeKind DefaultKind = NodeKind::K; \
    static bool classof(NodeKind k) { return k == NodeKind::K; }
#define RETORT_PY_KIND2(K, K2) \
    static constexpr NodeKind DefaultKind = NodeKind::K; \
    static bool classof(NodeKind k) { return k == NodeKind::K || k == NodeKind::K2; }

struct Arg;
struct Keyword;
struct Alias;
struct WithItem;
struct ExceptHandler;
struct Comprehension;
struct JoinedStr;

// Parameters of a def or lambda (Python's ast.arguments). defaults belong to
// the last len(defaults) of posonlyargs + args; kwDefaults parallels
// kwonlyargs with nullptr for "no default".
struct Arguments : Node {
    RETORT_PY_KIND(Arguments)
    Span<Arg *> posonlyargs;
    Span<Arg *> args;
    Arg *vararg = nullptr;
    Span<Arg *> kwonlyargs;
    Span<Expr *> kwDefaults;
    Arg *kwarg = nullptr;
    Span<Expr *> defaults;
};
struct Arg : Node {
    RETORT_PY_KIND(Arg)
    std::string_view arg;
    Expr *annotation = nullptr;
};
// A keyword argument; `arg` is empty for **kwargs.
struct Keyword : Node {
    RETORT_PY_KIND(Keyword)
    std::string_view arg;
    Expr *value = nullptr;
};
struct Alias : Node {
    RETORT_PY_KIND(Alias)
    std::string_view name;    // dotted for import a.b.c; "*" for from x import *
    std::string_view asname;  // empty when absent
};
struct WithItem : Node {
    RETORT_PY_KIND(WithItem)
    Expr *contextExpr = nullptr;
    Expr *optionalVars = nullptr;
};
struct ExceptHandler : Node {
    RETORT_PY_KIND(ExceptHandler)
    Expr *type = nullptr;
    std::string_view name;
    Span<Stmt *> body;
};
struct Comprehension : Node {
    RETORT_PY_KIND(Comprehension)
    Expr *target = nullptr;
    Expr *iter = nullptr;
    Span<Expr *> ifs;
    bool isAsync = false;
};

// ---- statements -----------------------------------------------------------

// Where a skipped function body is: [begin, end) starts at the beginning of
// the body's first line and ends where the first line after the body starts
// (comment and blank lines after its last statement included), or at the
// end of the text.
struct BodyRange {
    uint32_t begin = 0;
    uint32_t end = 0;
    uint32_t line = 0;     // first line of the body
    uint32_t endLine = 0;  // line of the body's last statement (its end)
};

struct FunctionDef : Stmt {  // FunctionDef, AsyncFunctionDef
    RETORT_PY_KIND2(FunctionDef, AsyncFunctionDef)
    std::string_view name;
    Arguments *args = nullptr;
    Span<Stmt *> body;
    Span<Expr *> decoratorList;
    Expr *returns = nullptr;
    bool bodySkipped = false;  // see BodyRange; body is empty until parsed
    BodyRange bodyRange;
    bool isAsync() const { return kind == NodeKind::AsyncFunctionDef; }
};
struct ClassDef : Stmt {
    RETORT_PY_KIND(ClassDef)
    std::string_view name;
    Span<Expr *> bases;
    Span<Keyword *> keywords;
    Span<Stmt *> body;
    Span<Expr *> decoratorList;
};
struct Return : Stmt {
    RETORT_PY_KIND(Return)
    Expr *value = nullptr;
};
struct Delete : Stmt {
    RETORT_PY_KIND(Delete)
    Span<Expr *> targets;
};
// a = b = value: targets [a, b].
struct Assign : Stmt {
    RETORT_PY_KIND(Assign)
    Span<Expr *> targets;
    Expr *value = nullptr;
};
struct AugAssign : Stmt {
    RETORT_PY_KIND(AugAssign)
    Expr *target = nullptr;
    BinOpKind op{};
    Expr *value = nullptr;
};
struct AnnAssign : Stmt {
    RETORT_PY_KIND(AnnAssign)
    Expr *target = nullptr;
    Expr *annotation = nullptr;
    Expr *value = nullptr;  // nullptr for a bare annotation
    bool simple = false;    // a plain, unparenthesised Name target
};
struct For : Stmt {  // For, AsyncFor
    RETORT_PY_KIND2(For, AsyncFor)
    Expr *target = nullptr;
    Expr *iter = nullptr;
    Span<Stmt *> body;
    Span<Stmt *> orelse;
    bool isAsync() const { return kind == NodeKind::AsyncFor; }
};
struct While : Stmt {
    RETORT_PY_KIND(While)
    Expr *test = nullptr;
    Span<Stmt *> body;
    Span<Stmt *> orelse;
};
// elif chains nest: the orelse of an If holds a single If for "elif".
struct If : Stmt {
    RETORT_PY_KIND(If)
    Expr *test = nullptr;
    Span<Stmt *> body;
    Span<Stmt *> orelse;
};
struct With : Stmt {  // With, AsyncWith
    RETORT_PY_KIND2(With, AsyncWith)
    Span<WithItem *> items;
    Span<Stmt *> body;
    bool isAsync() const { return kind == NodeKind::AsyncWith; }
};
struct Raise : Stmt {
    RETORT_PY_KIND(Raise)
    Expr *exc = nullptr;
    Expr *cause = nullptr;
};
struct Try : Stmt {  // Try, TryStar (except*)
    RETORT_PY_KIND2(Try, TryStar)
    Span<Stmt *> body;
    Span<ExceptHandler *> handlers;
    Span<Stmt *> orelse;
    Span<Stmt *> finalbody;
};
struct Assert : Stmt {
    RETORT_PY_KIND(Assert)
    Expr *test = nullptr;
    Expr *msg = nullptr;
};
struct Import : Stmt {
    RETORT_PY_KIND(Import)
    Span<Alias *> names;
};
struct ImportFrom : Stmt {
    RETORT_PY_KIND(ImportFrom)
    std::string_view module;  // empty for "from . import x"
    Span<Alias *> names;
    uint32_t level = 0;  // number of leading dots
};
struct Global : Stmt {  // Global, Nonlocal
    RETORT_PY_KIND2(Global, Nonlocal)
    Span<std::string_view> names;
};
// An expression statement (Python's ast.Expr).
struct ExprStmt : Stmt {
    RETORT_PY_KIND(ExprStmt)
    Expr *value = nullptr;
};
struct Pass : Stmt { RETORT_PY_KIND(Pass) };
struct Break : Stmt { RETORT_PY_KIND(Break) };
struct Continue : Stmt { RETORT_PY_KIND(Continue) };

// ---- expressions ----------------------------------------------------------

struct BoolOp : Expr {
    RETORT_PY_KIND(BoolOp)
    BoolOpKind op{};
    Span<Expr *> values;
};
struct NamedExpr : Expr {
    RETORT_PY_KIND(NamedExpr)
    Expr *target = nullptr;
    Expr *value = nullptr;
};
struct BinOp : Expr {
    RETORT_PY_KIND(BinOp)
    Expr *left = nullptr;
    BinOpKind op{};
    Expr *right = nullptr;
};
struct UnaryOp : Expr {
    RETORT_PY_KIND(UnaryOp)
    UnaryOpKind op{};
    Expr *operand = nullptr;
};
struct Lambda : Expr {
    RETORT_PY_KIND(Lambda)
    Arguments *args = nullptr;
    Expr *body = nullptr;
};
struct IfExp : Expr {
    RETORT_PY_KIND(IfExp)
    Expr *test = nullptr;
    Expr *body = nullptr;
    Expr *orelse = nullptr;
};
// keys[i] is nullptr for a **mapping entry.
struct Dict : Expr {
    RETORT_PY_KIND(Dict)
    Span<Expr *> keys;
    Span<Expr *> values;
};
struct Set : Expr {
    RETORT_PY_KIND(Set)
    Span<Expr *> elts;
};
struct Comp : Expr {  // ListComp, SetComp, GeneratorExp
    static constexpr NodeKind DefaultKind = NodeKind::ListComp;
    static bool classof(NodeKind k)
    {
        return k == NodeKind::ListComp || k == NodeKind::SetComp || k == NodeKind::GeneratorExp;
    }
    Expr *elt = nullptr;
    Span<Comprehension *> generators;
};
struct DictComp : Expr {
    RETORT_PY_KIND(DictComp)
    Expr *key = nullptr;
    Expr *value = nullptr;
    Span<Comprehension *> generators;
};
struct Await : Expr {
    RETORT_PY_KIND(Await)
    Expr *value = nullptr;
};
struct Yield : Expr {
    RETORT_PY_KIND(Yield)
    Expr *value = nullptr;
};
struct YieldFrom : Expr {
    RETORT_PY_KIND(YieldFrom)
    Expr *value = nullptr;
};
// left ops[0] comparators[0] ops[1] comparators[1] ...
struct Compare : Expr {
    RETORT_PY_KIND(Compare)
    Expr *left = nullptr;
    Span<CmpOpKind> ops;
    Span<Expr *> comparators;
};
// args may contain Starred (*x); keywords with an empty arg are **x.
struct Call : Expr {
    RETORT_PY_KIND(Call)
    Expr *func = nullptr;
    Span<Expr *> args;
    Span<Keyword *> keywords;
    // The keyword argument called `name`, or nullptr.
    const Keyword *keyword(std::string_view name) const;
};
// One {replacement field} of an f-string.
struct FormattedValue : Expr {
    RETORT_PY_KIND(FormattedValue)
    Expr *value = nullptr;
    int conversion = -1;  // -1, 's', 'r' or 'a'
    JoinedStr *formatSpec = nullptr;
};
// An f-string (or a concatenation involving one): Constant str parts and
// FormattedValue parts, adjacent literal parts merged as Python does.
struct JoinedStr : Expr {
    RETORT_PY_KIND(JoinedStr)
    Span<Expr *> values;
};

enum class ConstantType : uint8_t { None, True, False, Ellipsis, Int, Float, Complex, Str, Bytes };

struct Constant : Expr {
    RETORT_PY_KIND(Constant)
    ConstantType type = ConstantType::None;
    // Str: the decoded UTF-8 text; Bytes: the bytes; Int/Float/Complex: the
    // literal as written (e.g. "0x_FF", "1e3j").
    std::string_view value;
    int64_t intValue = 0;     // Int, when it fits (see bigInt)
    double floatValue = 0.0;  // Float, or the imaginary part of Complex
    bool bigInt = false;      // an Int beyond int64
    bool lossy = false;       // Str with a \N{...} escape, replaced by U+FFFD
    bool unicodePrefix = false;  // written u"..." (Python's Constant.kind == 'u')
    bool isString() const { return type == ConstantType::Str; }
};
struct Attribute : Expr {
    RETORT_PY_KIND(Attribute)
    Expr *value = nullptr;
    std::string_view attr;
    ExprContext ctx = ExprContext::Load;
};
struct Subscript : Expr {
    RETORT_PY_KIND(Subscript)
    Expr *value = nullptr;
    Expr *slice = nullptr;  // a Slice, a Tuple of slices, or any expression
    ExprContext ctx = ExprContext::Load;
};
struct Starred : Expr {
    RETORT_PY_KIND(Starred)
    Expr *value = nullptr;
    ExprContext ctx = ExprContext::Load;
};
struct Name : Expr {
    RETORT_PY_KIND(Name)
    std::string_view id;
    ExprContext ctx = ExprContext::Load;
};
struct Sequence : Expr {  // List, Tuple
    RETORT_PY_KIND2(List, Tuple)
    Span<Expr *> elts;
    ExprContext ctx = ExprContext::Load;
    bool isTuple() const { return kind == NodeKind::Tuple; }
};
struct Slice : Expr {
    RETORT_PY_KIND(Slice)
    Expr *lower = nullptr;
    Expr *upper = nullptr;
    Expr *step = nullptr;
};

#undef RETORT_PY_KIND
#undef RETORT_PY_KIND2

// ---- memory -----------------------------------------------------------------

// A bump allocator: nodes and their arrays are carved out of large blocks
// and freed all at once with the Module. Only trivially destructible types.
class Arena {
public:
    explicit Arena(size_t firstBlockSize = 4096) : m_nextBlockSize(firstBlockSize) {}
    Arena(Arena &&other) noexcept { *this = std::move(other); }
    Arena &operator=(Arena &&other) noexcept
    {
        m_firstBlock = std::move(other.m_firstBlock);
        m_blocks = std::move(other.m_blocks);
        m_cur = std::exchange(other.m_cur, nullptr);
        m_end = std::exchange(other.m_end, nullptr);
        m_nextBlockSize = other.m_nextBlockSize;
        m_allocated = std::exchange(other.m_allocated, 0);
        return *this;
    }
    Arena(const Arena &) = delete;
    Arena &operator=(const Arena &) = delete;

    void *allocate(size_t size, size_t align)
    {
        uintptr_t p = (reinterpret_cast<uintptr_t>(m_cur) + align - 1) & ~uintptr_t(align - 1);
        if (!m_cur || p + size > reinterpret_cast<uintptr_t>(m_end)) {
            grow(size + align);
            p = (reinterpret_cast<uintptr_t>(m_cur) + align - 1) & ~uintptr_t(align - 1);
        }
        m_cur = reinterpret_cast<char *>(p + size);
        return reinterpret_cast<void *>(p);
    }

    template <class T>
    T *make(NodeKind kind = T::DefaultKind)
    {
        static_assert(std::is_trivially_destructible_v<T>);
        T *n = new (allocate(sizeof(T), alignof(T))) T();
        n->kind = kind;
        return n;
    }

    template <class T>
    Span<T> copy(const T *data, size_t n)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        if (n == 0)
            return {};
        T *out = static_cast<T *>(allocate(sizeof(T) * n, alignof(T)));
        for (size_t i = 0; i < n; ++i)
            out[i] = data[i];
        return Span<T>(out, uint32_t(n));
    }

    std::string_view copyString(std::string_view s);
    size_t bytesAllocated() const { return m_allocated; }

private:
    void grow(size_t atLeast);

    std::unique_ptr<char[]> m_firstBlock;  // most modules need no other
    std::vector<std::unique_ptr<char[]>> m_blocks;
    char *m_cur = nullptr;
    char *m_end = nullptr;
    size_t m_nextBlockSize;
    size_t m_allocated = 0;
};

// A parsed file: its UTF-8 text, the top-level statements and the arena
// owning every node. Movable; nodes stay where they are when it moves.
class Module {
public:
    Module() = default;
    Module(Module &&) noexcept = default;
    Module &operator=(Module &&) noexcept = default;

    // The UTF-8 text node offsets refer to: the file's bytes (a BOM stays in
    // place and is skipped), or the UTF-8 transcoding of a latin-1 file.
    std::string_view source() const { return m_source; }
    // The exact source text of a node.
    std::string_view text(const Node *node) const
    {
        return node ? m_source.substr(node->begin, node->end - node->begin) : std::string_view();
    }
    uint32_t textStart() const { return m_textStart; }  // 3 after a BOM
    // The text has bytes that are not UTF-8 (outside comments, they are
    // errors where a token needs them; see PreparedSource).
    bool needsUtf8Check() const { return m_checkUtf8; }

    Span<Stmt *> body;
    bool functionBodiesSkipped = false;

    Arena &arena() { return m_arena; }

private:
    friend class ParserImpl;
    Arena m_arena;
    std::string_view m_source;  // stored in m_arena
    uint32_t m_textStart = 0;
    bool m_checkUtf8 = false;
};

// ---- walking ----------------------------------------------------------------

// Calls fn(child) for each direct child node in source order (fields in
// Python's ast order; skipped function bodies have none).
void forEachChild(const Node *node, void (*fn)(const Node *child, void *context), void *context);

template <class F>
void forEachChild(const Node *node, F &&fn)
{
    forEachChild(node, [](const Node *child, void *ctx) { (*static_cast<F *>(ctx))(child); },
                 static_cast<void *>(&fn));
}

// Pre-order walk: visit(node) returns true to descend into its children.
template <class F>
void walk(const Node *node, F &&visit)
{
    if (!node || !visit(node))
        return;
    forEachChild(node, [&visit](const Node *child) { walk(child, visit); });
}

// "op.create_table" for a chain of Names and Attributes (the usual callee of
// a call), else an empty string.
std::string dottedName(const Expr *expr);

// The name an import statement binds for one alias: the asname, else for
// "import a.b" the first component "a", else the imported name ("*" for a
// star import).
std::string_view boundName(const Alias *alias, NodeKind statement);

// ---- dumping ----------------------------------------------------------------

struct DumpOptions {
    // Add "@line:col-endLine:endCol" after each node kind, for the nodes
    // Python gives positions (statements, expressions, arg, keyword, alias,
    // excepthandler). Nodes inside f-strings get none: Python 3.11's are
    // not meaningful.
    bool positions = false;
};

// A compact S-expression of the tree: "(Kind field field ...)" with fields in
// Python's ast order (ctx included, type_comment and Constant.kind left out),
// lists as "[a b]", absent values as "~", strings double-quoted with C-like
// escapes. tests/python/pyast_dump.py prints the same from Python's ast.
std::string dump(const Node *node, DumpOptions options = {});
std::string dump(const Module &module, DumpOptions options = {});

} // namespace retort::py

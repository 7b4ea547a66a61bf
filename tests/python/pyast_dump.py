"""Prints Python's own view of source files in the S-expression format of
retort::py::dump() (app/core/python/ast.cpp), one JSON object per file:
{"file": ..., "ok": true, "dump": ..., "positions": ...} or
{"file": ..., "ok": false, "error": [line, column, message]}.

Used by tst_pyparser to cross-check the parser against the real interpreter.
"""
import ast
import json
import sys

SKIP_FIELDS = {"type_comment", "kind", "type_ignores"}
POSITIONED = (ast.stmt, ast.expr, ast.arg, ast.keyword, ast.alias, ast.excepthandler)
SIMPLE = (ast.expr_context, ast.boolop, ast.operator, ast.unaryop, ast.cmpop)


def quote(s, is_bytes):
    out = ['b"' if is_bytes else '"']
    for ch in (s if not is_bytes else [chr(b) for b in s]):
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or o == 0x7F or (is_bytes and o >= 0x80):
            out.append("\\x%02x" % o)
        elif 0xD800 <= o <= 0xDFFF:
            out.append("\\u%04x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def constant(v):
    if v is None or v is True or v is False:
        return repr(v)
    if v is Ellipsis:
        return "Ellipsis"
    if isinstance(v, str):
        return quote(v, False)
    if isinstance(v, bytes):
        return quote(v, True)
    if isinstance(v, complex):
        r = repr(v.imag)
        if r.endswith(".0"):
            r = r[:-2]
        return r + "j"
    return repr(v)


def dump(node, positions, in_fstring=False):
    if node is None:
        return "~"
    if isinstance(node, list):
        return "[" + " ".join(dump(n, positions, in_fstring) for n in node) + "]"
    if isinstance(node, SIMPLE):
        return type(node).__name__
    if not isinstance(node, ast.AST):
        if isinstance(node, str):
            return node
        return repr(node)
    name = type(node).__name__
    head = name
    if positions and not in_fstring and isinstance(node, POSITIONED):
        head += "@%d:%d-%d:%d" % (node.lineno, node.col_offset + 1, node.end_lineno, node.end_col_offset + 1)
    inner = in_fstring or isinstance(node, (ast.JoinedStr, ast.FormattedValue))
    parts = [head]
    for field in node._fields:
        if field in SKIP_FIELDS:
            continue
        value = getattr(node, field)
        if isinstance(node, ast.Constant) and field == "value":
            parts.append(constant(value))
        elif isinstance(node, (ast.Global, ast.Nonlocal)) and field == "names":
            parts.append("[" + " ".join(value) + "]")
        elif field in ("is_async", "simple", "level", "conversion"):
            parts.append(str(int(value or 0)) if field != "conversion" else str(value))
        elif isinstance(value, str):
            parts.append(value)
        else:
            parts.append(dump(value, positions, inner))
    return "(" + " ".join(parts) + ")"


def main():
    for path in sys.argv[1:]:
        with open(path, "rb") as f:
            data = f.read()
        try:
            tree = ast.parse(data, path)
            out = {"file": path, "ok": True, "dump": dump(tree, False), "positions": dump(tree, True)}
        except (SyntaxError, ValueError) as e:
            out = {"file": path, "ok": False,
                   "error": [getattr(e, "lineno", 0) or 0, getattr(e, "offset", 0) or 0, str(getattr(e, "msg", e))]}
        print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()

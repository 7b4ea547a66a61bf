"""Compiles each file given on the command line as importing it would and
prints one JSON object per file: {"file": ..., "ok": true} or
{"file": ..., "ok": false, "error": [line, offset, message], "parses": bool},
"parses" telling whether ast.parse() accepts the file (the error is then the
compiler's, not the parser's).
The first line is {"version": [major, minor]}: the rules are Python 3.11's.

Used by tst_compilecheck to hold retort::py::checkCompiles to the real compiler.
"""
import ast
import json
import sys
import warnings

warnings.simplefilter("ignore")
print(json.dumps({"version": list(sys.version_info[:2])}))
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        source = f.read()
    try:
        compile(source, path, "exec", dont_inherit=True)
        print(json.dumps({"file": path, "ok": True}))
    except SyntaxError as e:
        try:
            ast.parse(source)
            parses = True
        except SyntaxError:
            parses = False
        print(json.dumps({"file": path, "ok": False, "error": [e.lineno or 0, e.offset or 0, e.msg],
                          "parses": parses}))

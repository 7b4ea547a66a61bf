"""Statements of every kind."""
import os
import os.path as osp, sys
import a.b.c
from . import sibling
from .. import parent as p
from ...pkg.mod import (x, y as z,)
from .mod import *
from __future__ import annotations
from a . b import c

x = 1
a = b = c = "chain"
a, b = b, a
(a, b) = [c, d] = e
[a, *rest] = items
a, = single
x: int
y: "str" = "value"
(z): int = 3
obj.attr: list[int] = []
d["k"]: float
counter += 1
counter -= 1; counter *= 2; counter /= 3
counter //= 4; counter %= 5; counter **= 6; counter @= m
counter &= 1; counter |= 2; counter ^= 3; counter <<= 4; counter >>= 5
obj.attr += 1
d[k] -= 2
del a
del a, b[1], c.d
del (e, f), [g]
assert x
assert x, "message"
global g1, g2
pass

def f():
    nonlocal q
    return
def g():
    return 1, 2
def h():
    return *a, *b

raise
raise ValueError("x")
raise ValueError("x") from err

if a:
    pass
elif b:
    pass
elif c:
    x = 1
else:
    pass

if a: b; c
if a: pass
else: pass

while cond:
    break
else:
    continue

for i in range(10):
    pass
else:
    pass
for a, b in pairs: pass
for (a, b), c in nested: pass
for x.y in z: pass
for x[0] in z: pass
for *a, b in z: pass
for i in 1, 2, 3: pass
for i in *a, *b: pass

with open("f") as fh:
    pass
with a as b, c as d, e:
    pass
with (a as b, c as d):
    pass
with (a as b, c as d,):
    pass
with (a, b):
    pass
with (a, b) as c:
    pass
with (yield x):
    pass
with (a for a in b):
    pass
with a as (b, c):
    pass
with a as [b, *c]:
    pass
with (a):
    pass

try:
    pass
except:
    pass
try:
    pass
except ValueError:
    pass
except (TypeError, KeyError) as e:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* ValueError:
    pass
except* (A, B) as eg:
    pass

x = 1; y = 2;
print(x)
...
None

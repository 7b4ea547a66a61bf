x = a or b or c and d and not e
x = not a == b
x = a < b <= c > d >= e == f != g
x = a in b not in c is d is not e
x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
x = -a ** -b
x = ~a + +b - -c
x = a ** b ** c
x = (a + b) * c
x = a if b else c if d else e
x = lambda: 0
x = lambda a, b=1, *c, d, e=2, **f: a
x = lambda a, /, b: a
x = lambda *, k: k
x = lambda *a: a
x = lambda x, : x
x = a if b else lambda: c
x = lambda: a if b else c
x = (yield)
x = (yield a)
x = (yield a, b)
x = (yield from a)
x = await a
x = await a.b()
x = [await a for a in b]
x = a.b.c.d
x = a[1]
x = a[1:2]
x = a[1:2:3]
x = a[:]
x = a[::]
x = a[::2]
x = a[1:]
x = a[:2]
x = a[1, 2]
x = a[1:2, ::3]
x = a[1,]
x = a[*b]
x = a[b, *c]
x = a[b:=1]
x = a()
x = a(1, 2)
x = a(b=1, c=2)
x = a(*b, **c)
x = a(1, *b, c=2, *d, **e, f=3)
x = a(x for x in y)
x = a(x for x in y if z for w in x)
x = a(b)(c)[d].e
x = a(b := 1)
x = ()
x = (1,)
x = (1, 2)
x = 1,
x = 1, 2,
x = []
x = [1]
x = [1, 2,]
x = [*a, *b]
x = {}
x = {1: 2}
x = {1: 2, 3: 4,}
x = {**a, 'b': 1, **c}
x = {1}
x = {1, 2,}
x = {*a, 1}
x = [a for a in b]
x = [a for a in b if c if d]
x = [a for a, b in c for d in e]
x = [a async for a in b]
x = {a for a in b}
x = {a: b for a, b in c}
x = (a for a in b)
x = [(a, b) for a in c]
x = [lambda: a for a in b]
x = (a := 1)
x = [y := 1, y]
x = {(a := 1)}
x = ...
x = ....__class__
x = True, False, None
x = a.b(c).d[e](f)
x = not not a
x = - - - a
x = a if (b := c) else d
x = [i for i in range(3) if (j := i)]
x = f(*args, **kwargs)
x = (a)
x = ((a))
x = (((a), b))
x = (a).b
x = (a)(b)
x = (a) + (b)
x = -(a)
x = (a)[b]
x = *a, *b
*a, b = c
print(*a, sep='')
x = a @ b
x = a if b else(c)

import functools


@functools.lru_cache(maxsize=None)
def cached(a, b=2, *args, c, d=4, **kwargs) -> int:
    """Docstring."""
    return a


@decorator
@other.decorator(1)
@(lambda f: f)
@x[0].y
def decorated():
    pass


def positional_only(a, b, /, c, *, d):
    pass


def defaults_after_slash(a=1, /, b=2):
    pass


def annotations(a: int, b: "str" = "x", *args: tuple, **kw: dict) -> None: ...


def star_only(*, a, b=1):
    pass


def trailing_comma(
    a,
    b,
):
    pass


def nested():
    def inner():
        def innermost():
            return 1
        return innermost
    x = 1

    def closure():
        nonlocal x
        x += 1
    return inner


def generator():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield from range(3)
    await_ = 1


async def coroutine():
    await something()
    async with a as b, c:
        pass
    async for i in aiter():
        pass
    else:
        pass
    return [i async for i in x]


def one_liner(): return 42
def one_liner_multi(): x = 1; return x


class Simple:
    pass


class WithBases(Base, other.Base, metaclass=Meta, **extra):
    attr: int = 0
    other = attr + 1

    def method(self, *, key=None):
        return self

    @property
    def prop(self):
        return self._p

    @staticmethod
    def static():
        ...

    class Nested:
        def deep(self):
            pass


@dataclass
class Decorated(object): x: int = 1


class Empty(): pass

# expect: RecursionError
"""Hostile plugin fixture: import recursion."""


def f():
    return f()


f()

"""Objects kept as configured: a framework's class whose arguments matter to a script
but not to shapes (an optimizer, a loss, a callback). Each subclass gives the text of
the real signature as ``_parameters``; making one binds its arguments as Python would,
with Python's errors, and keeps them as its attributes and in ``get_config()``.

>>> class Adam(_Configured):
...     _parameters = "params, lr=0.001, betas=(0.9, 0.999)"
>>> Adam([], betas=(0.8, 0.9)).get_config()
{'params': [], 'lr': 0.001, 'betas': (0.8, 0.9)}
>>> Adam()
Traceback (most recent call last):
    ...
TypeError: Adam.__init__() missing 1 required positional argument: 'params'
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class _Configured:
    """A training object of Keras: its arguments, bound to its ``_parameters``."""

    _parameters = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        positional, names, defaults, star, extra = _spec(type(self))
        title = f"{type(self).__name__}.__init__()"
        if len(args) > len(positional) and not star:
            least = 1 + sum(1 for n in positional if n not in defaults)
            most = len(positional) + 1
            takes = f"{least}" if least == most else f"from {least} to {most}"
            raise TypeError(
                f"{title} takes {takes} positional arguments but {len(args) + 1} were given"
            )
        bound = dict(zip(positional, args, strict=False))
        for name, value in kwargs.items():
            if name in bound:
                raise TypeError(f"{title} got multiple values for argument '{name}'")
            bound[name] = value
        unknown = {k: v for k, v in bound.items() if k not in names}
        if unknown and not extra:
            first = next(iter(unknown))
            raise TypeError(f"{title} got an unexpected keyword argument '{first}'")
        missing = [n for n in positional if n not in bound and n not in defaults]
        if missing:
            listed = " and ".join(repr(n) for n in missing)
            raise TypeError(
                f"{title} missing {len(missing)} required positional argument"
                f"{'s' if len(missing) > 1 else ''}: {listed}"
            )
        config = {n: bound.get(n, defaults.get(n)) for n in names}
        self._check_extra(unknown)
        config.update(unknown)
        self._config = config
        for name, value in config.items():
            setattr(self, name, value)

    def _check_extra(self, extra: dict[str, Any]) -> None:
        """Arguments beyond the named ones (a ``**kwargs``): taken."""

    def get_config(self) -> dict[str, Any]:
        """The arguments it was made with, as Keras saves them."""
        return dict(self._config)

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Any:
        return cls(**config)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


def _spec(cls: type) -> tuple[list[str], list[str], dict[str, Any], bool, bool]:
    """The positional parameter names, all the names, their defaults, and whether
    ``*args`` and ``**kwargs`` are taken, from ``cls._parameters`` (read once per
    class)."""
    cached = cls.__dict__.get("_bound_spec")
    if cached is None:
        import ast

        tree = ast.parse(f"def f({cls._parameters}): pass").body[0]
        signature = tree.args  # type: ignore[attr-defined]
        positional = [a.arg for a in signature.args]
        names = positional + [a.arg for a in signature.kwonlyargs]
        defaults = {
            name: ast.literal_eval(node)
            for name, node in zip(
                positional[len(positional) - len(signature.defaults) :],
                signature.defaults,
                strict=True,
            )
        }
        for arg, node in zip(signature.kwonlyargs, signature.kw_defaults, strict=True):
            if node is not None:
                defaults[arg.arg] = ast.literal_eval(node)
        star, extra = signature.vararg is not None, signature.kwarg is not None
        cached = (positional, names, defaults, star, extra)
        cls._bound_spec = cached  # type: ignore[attr-defined]
    return cached

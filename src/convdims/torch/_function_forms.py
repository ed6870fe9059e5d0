"""The ``torch.f(input, *args, **kwargs)`` functions that are ``input.f(*args,
**kwargs)``: one table of names, one function that makes each.

PyTorch's function forms of its tensor methods (``torch.gather``, ``torch.cumsum``,
``torch.flip``...) take the tensor first, by position or as ``input=``, and refuse
anything else with a TypeError naming the argument. Each entry of
[`METHOD_FORMS`][convdims.torch._function_forms.METHOD_FORMS] is the method's name and
the arguments PyTorch requires after ``input`` (a call without them fails as PyTorch's
does); the method of ``convdims.torch.Tensor`` computes the shape.

>>> from convdims import torch
>>> x = torch.empty(2, 3)
>>> torch.cumsum(x, dim=1).shape, torch.topk(x, 2).indices.shape
(torch.Size([2, 3]), torch.Size([2, 2]))
>>> torch.gather([1, 2], 0, torch.zeros(1, dtype=torch.long))
Traceback (most recent call last):
...
convdims.errors.ArgumentTypeError: gather(): argument 'input' ... must be Tensor, not list
"""

from __future__ import annotations

from convdims.torch._sizes import normalize_dim
from convdims.torch._tensor_base import TensorBase

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

#: ``torch.<name>``, the function form of ``Tensor.<name>``: the arguments PyTorch
#: requires after ``input``. ``dim`` and ``dims`` are checked to be axes of the input
#: (an IndexError as PyTorch's) before the method runs.
METHOD_FORMS: dict[str, tuple[str, ...]] = {
    # Indexing
    "gather": ("dim", "index"),
    "index_select": ("dim", "index"),
    "masked_fill": ("mask", "value"),
    "masked_scatter": ("mask", "source"),
    "scatter": ("dim", "index"),
    "scatter_add": ("dim", "index", "src"),
    "scatter_reduce": ("dim", "index", "src", "reduce"),
    "index_add": ("dim", "index", "source"),
    "index_copy": ("dim", "index", "source"),
    "index_fill": ("dim", "index", "value"),
    "take": ("index",),
    "take_along_dim": ("indices",),
    "select": ("dim", "index"),
    "narrow": ("dim", "start", "length"),
    "nonzero": (),
    "argwhere": (),
    "masked_select": ("mask",),
    # Reshaping and reordering
    "flip": ("dims",),
    "fliplr": (),
    "flipud": (),
    "movedim": ("source", "destination"),
    "moveaxis": ("source", "destination"),
    "swapdims": ("dim0", "dim1"),
    "unflatten": ("dim", "sizes"),
    "tile": ("dims",),
    "diag": (),
    "diagonal": (),
    "diag_embed": (),
    "rot90": (),
    "t": (),
    "broadcast_to": ("size",),
    "numel": (),
    # Reductions and scans
    "cumsum": ("dim",),
    "cumprod": ("dim",),
    "cummax": ("dim",),
    "cummin": ("dim",),
    "std": (),
    "var": (),
    "prod": (),
    "nansum": (),
    "nanmean": (),
    "median": (),
    "nanmedian": (),
    "mode": (),
    "kthvalue": ("k",),
    "topk": ("k",),
    "sort": (),
    "argsort": (),
    "logsumexp": ("dim",),
    "amax": (),
    "amin": (),
    "aminmax": (),
    "any": (),
    "all": (),
    "argmin": (),
    "count_nonzero": (),
    "trace": (),
    # Comparisons and predicates
    "eq": ("other",),
    "ne": ("other",),
    "gt": ("other",),
    "lt": ("other",),
    "ge": ("other",),
    "le": ("other",),
    "greater": ("other",),
    "less": ("other",),
    "greater_equal": ("other",),
    "less_equal": ("other",),
    "not_equal": ("other",),
    "isnan": (),
    "isinf": (),
    "isfinite": (),
    "isposinf": (),
    "isneginf": (),
    "signbit": (),
    "isclose": ("other",),
    "logical_not": (),
    "logical_and": ("other",),
    "logical_or": ("other",),
    "logical_xor": ("other",),
    # Elementwise
    "trunc": (),
    "fix": (),
    "frac": (),
    "square": (),
    "reciprocal": (),
    "neg": (),
    "negative": (),
    "expm1": (),
    "exp2": (),
    "log10": (),
    "sinh": (),
    "cosh": (),
    "tan": (),
    "atan": (),
    "asin": (),
    "acos": (),
    "asinh": (),
    "acosh": (),
    "atanh": (),
    "arctan": (),
    "sgn": (),
    "nan_to_num": (),
    "erfinv": (),
    "logit": (),
    "bitwise_not": (),
    "clamp_min": ("min",),
    "clamp_max": ("max",),
    "atan2": ("other",),
    "arctan2": ("other",),
    "fmod": ("other",),
    "remainder": ("other",),
    "hypot": ("other",),
    "xlogy": ("other",),
    "floor_divide": ("other",),
    "true_divide": ("other",),
    "multiply": ("other",),
    "subtract": ("other",),
    "fmax": ("other",),
    "fmin": ("other",),
    "copysign": ("other",),
    "bitwise_and": ("other",),
    "bitwise_or": ("other",),
    "bitwise_xor": ("other",),
    "lerp": ("end", "weight"),
    "addcmul": ("tensor1", "tensor2"),
    "addcdiv": ("tensor1", "tensor2"),
    # Products
    "mm": ("mat2",),
    "mv": ("vec",),
    "outer": ("vec2",),
    "ger": ("vec2",),
    "inner": ("other",),
    "dot": ("tensor",),
    "vdot": ("other",),
    "addmm": ("mat1", "mat2"),
    "addmv": ("mat", "vec"),
    "baddbmm": ("batch1", "batch2"),
    # More elementwise, reshaping and linear algebra
    "absolute": (),
    "arccos": (),
    "arcsin": (),
    "arcsinh": (),
    "arccosh": (),
    "arctanh": (),
    "conj": (),
    "resolve_conj": (),
    "resolve_neg": (),
    "deg2rad": (),
    "rad2deg": (),
    "digamma": (),
    "erfc": (),
    "i0": (),
    "lgamma": (),
    "sinc": (),
    "heaviside": ("values",),
    "gcd": ("other",),
    "lcm": ("other",),
    "logaddexp": ("other",),
    "logaddexp2": ("other",),
    "ldexp": ("other",),
    "float_power": ("exponent",),
    "isin": ("test_elements",),
    "isreal": (),
    "cross": ("other",),
    "dist": ("other",),
    "renorm": ("p", "dim", "maxnorm"),
    "logcumsumexp": ("dim",),
    "msort": (),
    "ravel": (),
    "diagflat": (),
    "hsplit": ("sections",),
    "vsplit": ("sections",),
    "dsplit": ("sections",),
    "det": (),
    "logdet": (),
    "inverse": (),
    "pinverse": (),
    "svd": (),
    "cov": (),
    "quantile": ("q",),
    "nanquantile": ("q",),
    # Copies
    "clone": (),
    "detach": (),
}

#: The method a function form calls where the names differ (``torch.greater`` is
#: ``Tensor.gt``...).
_METHOD_OF = {
    "greater": "gt",
    "less": "lt",
    "greater_equal": "ge",
    "less_equal": "le",
    "not_equal": "ne",
}


def _type_error(name: str, value: Any) -> Exception:
    from convdims.errors import ArgumentTypeError

    return ArgumentTypeError(
        f"{name}(): argument 'input' (position 1) must be Tensor, not "
        f"{type(value).__name__}",
        argument="input",
        value=value,
        valid="a Tensor",
    )


def function_form(name: str) -> Callable[..., Any]:
    """``torch.<name>``: ``input.<name>(*args, **kwargs)``, for a tensor ``input``
    (first by position, or by name), after PyTorch's checks of the arguments it
    requires.

    >>> flip = function_form("flip")
    >>> from convdims.torch import Tensor
    >>> flip(Tensor((2, 3)), (5,))
    Traceback (most recent call last):
    ...
    convdims.torch.errors.DimensionError: Dimension out of range (... but got 5)
    """
    required = METHOD_FORMS[name]
    method = _METHOD_OF.get(name, name)

    def function(*args: Any, **kwargs: Any) -> Any:
        if args:
            input, *rest = args  # noqa: A001 - PyTorch's name
        elif "input" in kwargs:
            input, rest = kwargs.pop("input"), []  # noqa: A001
        else:
            raise TypeError(f'{name}() missing 1 required positional arguments: "input"')
        if not isinstance(input, TensorBase):
            raise _type_error(name, input)
        given = len(rest)
        missing = [a for a in required[given:] if a not in kwargs]
        if missing:
            quoted = ", ".join(f'"{a}"' for a in missing)
            raise TypeError(
                f"{name}() missing {len(missing)} required positional arguments: {quoted}"
            )
        for position, argument in enumerate(required):
            if argument in ("dim", "dims"):
                value = rest[position] if position < given else kwargs[argument]
                _check_dims(argument, value, input.ndim, name)
        return getattr(input, method)(*rest, **kwargs)

    function.__name__ = function.__qualname__ = name
    function.__module__ = "convdims.torch"
    function.__doc__ = (
        f"``torch.{name}(input, ...)``: ``input.{method}(...)``, the tensor method "
        f"(PyTorch's function form; a non-tensor input is a TypeError)."
    )
    return function


def _check_dims(argument: str, value: Any, ndim: int, name: str) -> None:
    if argument == "dim":
        if isinstance(value, (tuple, list)):
            for d in value:
                normalize_dim(d, ndim)
        elif value is not None:
            normalize_dim(value, ndim)
        return
    if not isinstance(value, (tuple, list)):
        from convdims.errors import ArgumentTypeError

        raise ArgumentTypeError(
            f"{name}(): argument 'dims' (position 2) must be tuple of ints, not "
            f"{type(value).__name__}",
            argument="dims",
            value=value,
            valid="a tuple of ints",
        )
    if name == "tile":
        return
    seen: set[int] = set()
    for d in value:
        axis = normalize_dim(d, ndim)
        if axis in seen:
            from convdims.torch.errors import ShapeError

            raise ShapeError(
                f"dim {axis} appears multiple times in the list of dims",
                argument="dims",
                value=value,
                valid="distinct dims",
            )
        seen.add(axis)


def method_forms() -> dict[str, Callable[..., Any]]:
    """Every function of the table, by name (``convdims.torch`` exports them)."""
    return {name: function_form(name) for name in METHOD_FORMS}

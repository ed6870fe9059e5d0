"""What a layer accepts, as Keras's ``InputSpec``, and the check of a call's inputs
against it, raising Keras's errors word for word (``keras/src/layers/input_spec.py``).
"""

from __future__ import annotations

from convdims.keras._graph import flatten

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class InputSpec:
    """What a layer accepts: a rank (exact, at least, at most), fixed sizes on some
    axes, or a whole shape; Keras's ``InputSpec`` with its arguments.

    >>> InputSpec(min_ndim=4, axes={-1: 3}).axes
    {-1: 3}
    """

    # The defaults, on the class: a spec stores only what it was given (layers make
    # one or two each; most give one or two arguments).
    dtype: Any = None
    shape: tuple | None = None
    ndim: int | None = None
    max_ndim: int | None = None
    min_ndim: int | None = None
    name: str | None = None
    optional = False
    allow_last_axis_squeeze = False

    def __init__(
        self,
        dtype: Any = None,
        shape: Any = None,
        ndim: int | None = None,
        max_ndim: int | None = None,
        min_ndim: int | None = None,
        axes: dict[int, int | None] | None = None,
        allow_last_axis_squeeze: bool = False,
        name: str | None = None,
        optional: bool = False,
    ) -> None:
        if dtype is not None:
            self.dtype = dtype
        if shape is not None:
            self.shape = tuple(shape)
            ndim = len(self.shape)
        if ndim is not None:
            self.ndim = ndim
        if max_ndim is not None:
            self.max_ndim = max_ndim
        if min_ndim is not None:
            self.min_ndim = min_ndim
        if name is not None:
            self.name = name
        if optional is not False:
            self.optional = optional
        if allow_last_axis_squeeze is not False:
            self.allow_last_axis_squeeze = allow_last_axis_squeeze
        self.axes = dict(zip(map(int, axes), axes.values(), strict=True)) if axes else {}

    def __repr__(self) -> str:
        spec = [
            f"{key}={value}"
            for key, value in (
                ("dtype", self.dtype),
                ("shape", self.shape),
                ("ndim", self.ndim),
                ("max_ndim", self.max_ndim),
                ("min_ndim", self.min_ndim),
                ("axes", self.axes or None),
            )
            if value is not None
        ]
        return f"InputSpec({', '.join(spec)})"


def _where(index: int, rule: InputSpec, layer_name: str) -> str:
    return (
        f"Input {index} with name '{rule.name}' of layer '{layer_name}' is "
        "incompatible with the layer: "
    )


def assert_input_compatibility(spec: Any, inputs: list, layer_name: str) -> None:
    """Raise Keras's ValueError when ``inputs`` do not satisfy ``spec``."""
    if not spec:
        return
    if type(spec) is InputSpec and len(inputs) == 1:
        _check_input(spec, inputs[0], 0, layer_name)
        return
    specs = flatten(spec)
    if len(inputs) != len(specs):
        raise ValueError(
            f'Layer "{layer_name}" expects {len(specs)} input(s), but it received '
            f"{len(inputs)} input tensors. Inputs received: {inputs}"
        )
    for index, (x, rule) in enumerate(zip(inputs, specs, strict=False)):
        if rule is not None:
            _check_input(rule, x, index, layer_name)


def _check_input(rule: InputSpec, x: Any, index: int, layer_name: str) -> None:
    """Raise Keras's ValueError when the input ``x`` (number ``index``) breaks ``rule``."""
    shape = x.shape
    ndim = len(shape)
    at = (index, rule, layer_name)
    axes = rule.axes
    if rule.shape is None and (
        (rule.ndim is None or ndim == rule.ndim)
        and (rule.max_ndim is None or ndim <= rule.max_ndim)
        and (rule.min_ndim is None or ndim >= rule.min_ndim)
    ):
        # The rank is right and no whole shape is asked for (every built-in spec): only
        # the fixed axes remain, a plain int each when a layer built itself.
        if not axes:
            return
        if len(axes) == 1:
            ((axis, value),) = axes.items()
            if type(value) is int and type(axis) is int and -ndim <= axis < ndim:
                dim = shape[axis]
                if dim is None or dim == value:
                    return
    if rule.ndim is not None and ndim != rule.ndim:
        raise ValueError(
            _where(*at) + f"expected ndim={rule.ndim}, found ndim={ndim}. "
            f"Full shape received: {shape}"
        )
    if rule.max_ndim is not None and ndim > rule.max_ndim:
        raise ValueError(
            _where(*at) + f"expected max_ndim={rule.max_ndim}, found ndim={ndim}"
        )
    if rule.min_ndim is not None and ndim < rule.min_ndim:
        raise ValueError(
            _where(*at) + f"expected min_ndim={rule.min_ndim}, found ndim={ndim}. "
            f"Full shape received: {shape}"
        )
    for axis, value in rule.axes.items():
        if value is not None and shape[axis] not in {value, None}:
            raise ValueError(
                _where(*at) + f"expected axis {axis} of input shape to have value "
                f"{value}, but received input with shape {shape}"
            )
    if rule.shape is not None:
        spec_shape, seen = rule.shape, shape
        if rule.allow_last_axis_squeeze:
            if seen and seen[-1] == 1:
                seen = seen[:-1]
            if spec_shape and spec_shape[-1] == 1:
                spec_shape = spec_shape[:-1]
        for spec_dim, dim in zip(spec_shape, seen, strict=False):
            if spec_dim is not None and dim is not None and spec_dim != dim:
                raise ValueError(
                    _where(*at) + f"expected shape={rule.shape}, found shape={seen}"
                )

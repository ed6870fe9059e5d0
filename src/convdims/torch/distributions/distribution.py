"""The shape algebra of ``torch.distributions``: a distribution has a ``batch_shape``
(independent distributions side by side, from its parameters' broadcast shapes) and an
``event_shape`` (the shape of one draw); a sample of ``sample_shape`` has the shape
``sample_shape + batch_shape + event_shape``, ``log_prob`` and ``entropy`` give one
value per distribution of the batch.

convdims computes shapes and counts only, so a sample is a tensor of that exact shape and
dtype (as every tensor here is); a parameter given as a number is checked against the
distribution's constraint as PyTorch's validation does.

>>> from convdims.torch import empty
>>> from convdims.torch.distributions import Normal, OneHotCategorical
>>> dist = Normal(empty(4, 2), 1.0)
>>> dist.batch_shape, dist.event_shape, dist.sample((3,)).shape
(torch.Size([4, 2]), torch.Size([]), torch.Size([3, 4, 2]))
>>> OneHotCategorical(logits=empty(4, 10)).sample().shape
torch.Size([4, 10])
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence

from convdims.standin import Unsupported
from convdims.torch.dtypes import float32, int64
from convdims.torch.errors import ShapeError
from convdims.torch.tensor import Size, Tensor, broadcast_shapes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["Distribution"]


def _shape(value: Any) -> tuple[int, ...]:
    return tuple(value.shape) if isinstance(value, Tensor) else ()


def _dtype(value: Any) -> Any:
    return value.dtype if isinstance(value, Tensor) else float32


class Distribution:
    """``torch.distributions.Distribution``: ``batch_shape``, ``event_shape`` and the
    shapes of what a distribution gives."""

    has_rsample = False
    has_enumerate_support = False
    #: Each parameter's name, the event axes it carries (0: one value per distribution;
    #: 1: a vector per distribution), and its constraint on numbers given as numbers.
    _params: tuple[tuple[str, int, str], ...] = ()
    #: Exactly one of these parameters is given (``probs`` or ``logits``).
    _one_of: tuple[str, ...] = ()
    _sample_dtype: Any = None
    _default_validate_args = True

    def __init__(
        self,
        batch_shape: Sequence[int] = Size(),
        event_shape: Sequence[int] = Size(),
        validate_args: bool | None = None,
    ) -> None:
        self._batch_shape = Size(batch_shape)
        self._event_shape = Size(event_shape)
        if validate_args is not None:
            self._validate_args = validate_args

    @staticmethod
    def set_default_validate_args(value: bool) -> None:
        """``Distribution.set_default_validate_args``: kept, as PyTorch keeps it."""
        if value not in (True, False):
            raise ValueError(f"validate_args must be True or False, got {value!r}")
        Distribution._default_validate_args = value

    def _init_params(self, given: dict[str, Any], validate_args: bool | None) -> None:
        """Keep the given parameters; batch and event shapes from their shapes."""
        name = type(self).__name__
        if self._one_of:
            chosen = [key for key in self._one_of if given.get(key) is not None]
            if len(chosen) != 1:
                raise ValueError(
                    f"Either `{self._one_of[0]}` or `{self._one_of[1]}` must be "
                    f"specified, but not both (got {', '.join(chosen) or 'neither'})."
                )
        validate = self._default_validate_args if validate_args is None else validate_args
        shapes, events = [], []
        for key, event_dims, constraint in self._params:
            value = given.get(key)
            if value is None:
                continue
            if not isinstance(value, (Tensor, numbers.Number)):
                raise TypeError(
                    f"{name}: {key} must be a tensor or a number, got "
                    f"{type(value).__name__}"
                )
            if validate and isinstance(value, numbers.Number):
                _check_constraint(name, key, value, constraint, given)
            shape = _shape(value)
            if len(shape) < event_dims:
                raise ValueError(
                    f"{name}: {key} must be at least {event_dims}-dimensional "
                    f"(got shape {list(shape)})"
                )
            shapes.append(shape[: len(shape) - event_dims])
            if event_dims:
                events.append(shape[len(shape) - event_dims :])
            self.__dict__[key] = value
        try:
            batch = broadcast_shapes(*shapes)
        except ValueError as error:
            raise ShapeError(
                f"{name}: the parameters' shapes do not broadcast: {error}",
                argument=self._params[0][0],
                value=shapes,
                valid="parameters whose shapes broadcast",
            ) from error
        Distribution.__init__(self, batch, self._event_from(events), validate_args)
        self._dtype = next(
            (
                _dtype(given[key])
                for key, _, _ in self._params
                if given.get(key) is not None
            ),
            float32,
        )
        for key, event_dims, _ in self._params:
            value = self.__dict__.get(key)
            if value is not None:
                # PyTorch's broadcast_all: every parameter takes the batch's shape.
                event = (
                    _shape(value)[len(_shape(value)) - event_dims :] if event_dims else ()
                )
                self.__dict__[key] = Tensor._of((*batch, *event), self._dtype)
        for key in self._one_of:
            # probs and logits: either one given, both readable (PyTorch's lazy pair).
            other = next(k for k in self._one_of if k in self.__dict__)
            self.__dict__.setdefault(key, self.__dict__[other])

    def _event_from(self, events: list[tuple[int, ...]]) -> tuple[int, ...]:
        return events[0] if events else ()

    @property
    def batch_shape(self) -> Size:
        return self._batch_shape

    @property
    def event_shape(self) -> Size:
        return self._event_shape

    @property
    def arg_constraints(self) -> dict[str, str]:
        return {key: constraint for key, _, constraint in self._params}

    @property
    def support(self) -> Any:
        raise Unsupported(f"torch.distributions.{type(self).__name__}.support")

    def _extended_shape(self, sample_shape: Sequence[int] = Size()) -> Size:
        if not isinstance(sample_shape, Size):
            sample_shape = Size(sample_shape)
        return Size(tuple(sample_shape) + self._batch_shape + self._event_shape)

    def _tensor(self, shape: Sequence[int], dtype: Any = None) -> Tensor:
        return Tensor._of(tuple(shape), dtype or self._sample_dtype or self._dtype)

    def sample(self, sample_shape: Sequence[int] = Size()) -> Tensor:
        """A draw of shape ``sample_shape + batch_shape + event_shape``."""
        return self._tensor(self._extended_shape(sample_shape))

    def rsample(self, sample_shape: Sequence[int] = Size()) -> Tensor:
        """A reparametrized draw (only where PyTorch has one)."""
        if not self.has_rsample:
            raise NotImplementedError(
                f"{type(self).__name__} does not implement rsample (PyTorch's "
                "NotImplementedError)"
            )
        return self.sample(sample_shape)

    def sample_n(self, n: int) -> Tensor:
        return self.sample(Size((n,)))

    def log_prob(self, value: Tensor) -> Tensor:
        """One value per distribution: ``value``'s shape without the event axes,
        broadcast with ``batch_shape``."""
        shape = _shape(value)
        events = len(self._event_shape)
        if events and tuple(shape[len(shape) - events :]) != tuple(self._event_shape):
            raise ValueError(
                f"The right-most size of value must match event_shape: {list(shape)} vs "
                f"{list(self._event_shape)}."
            )
        try:
            batch = broadcast_shapes(shape[: len(shape) - events], self._batch_shape)
        except ValueError as error:
            raise ValueError(
                f"Value is not broadcastable with batch_shape+event_shape: {list(shape)} "
                f"vs {list(self._batch_shape + self._event_shape)}."
            ) from error
        return self._tensor(batch, self._dtype)

    def cdf(self, value: Tensor) -> Tensor:
        return self.log_prob(value)

    def icdf(self, value: Tensor) -> Tensor:
        return self.log_prob(value)

    def entropy(self) -> Tensor:
        return self._tensor(self._batch_shape, self._dtype)

    def perplexity(self) -> Tensor:
        return self.entropy()

    def _event_value(self) -> Tensor:
        return self._tensor(self._batch_shape + self._event_shape, self._dtype)

    mean = property(_event_value)
    mode = property(_event_value)
    variance = property(_event_value)
    stddev = property(_event_value)

    def enumerate_support(self, expand: bool = True) -> Tensor:
        raise NotImplementedError(
            f"{type(self).__name__} does not enumerate its support here"
        )

    def expand(self, batch_shape: Sequence[int], _instance: Any = None) -> Distribution:
        """The same distribution over a larger batch (``batch_shape`` must broadcast)."""
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        try:
            broadcast_shapes(tuple(self._batch_shape), tuple(batch_shape))
        except ValueError as error:
            raise ShapeError(
                f"{type(self).__name__}.expand: batch_shape {list(batch_shape)} does not "
                f"broadcast with {list(self._batch_shape)}",
                argument="batch_shape",
                value=tuple(batch_shape),
                valid="a shape the distribution's batch shape broadcasts to",
            ) from error
        new._batch_shape = Size(batch_shape)
        return new

    def __repr__(self) -> str:
        parts = [
            f"{key}: {getattr(self, key).size() if isinstance(getattr(self, key), Tensor) else getattr(self, key)}"  # noqa: E501
            for key, _, _ in self._params
            if key in self.__dict__
        ]
        return f"{type(self).__name__}({', '.join(parts)})"


_CONSTRAINTS = {
    "real": (lambda v: v == v, "Real()"),  # noqa: PLR0124 - NaN is not real
    "positive": (lambda v: v > 0, "GreaterThan(lower_bound=0.0)"),
    "nonnegative": (lambda v: v >= 0, "GreaterThanEq(lower_bound=0.0)"),
    "unit_interval": (lambda v: 0 <= v <= 1, "Interval(lower_bound=0.0, upper_bound=1.0)"),
}


def _check_constraint(
    name: str, key: str, value: Any, constraint: str, given: dict[str, Any]
) -> None:
    check = _CONSTRAINTS.get(constraint)
    if check is None or check[0](value):
        return
    shown = ", ".join(f"{k}: {v}" for k, v in given.items() if v is not None)
    raise ValueError(
        f"Expected parameter {key} (Tensor of shape ()) of distribution {name}({shown}) "
        f"to satisfy the constraint {check[1]}, but found invalid values:\n{value}"
    )


INT64 = int64

"""What Keras's training objects share here: optimizers, losses, metrics, callbacks and
learning-rate schedules are kept as configured (convdims never trains).

Each class lists its parameters as Keras 3.15.1 names them (``_parameters``, the text of
the real signature: see ``convdims._configured``).

>>> from convdims.keras import optimizers
>>> adam = optimizers.Adam(1e-4, beta_1=0.8)
>>> adam.learning_rate, adam.get_config()["beta_1"]
(0.0001, 0.8)
"""

from __future__ import annotations

from convdims._configured import _Configured

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _refused(what: str) -> Exception:
    from convdims.standin import Unsupported

    return Unsupported(what)


class _Optimizer(_Configured):
    def _check_extra(self, extra: dict[str, Any]) -> None:
        if extra:
            raise ValueError(f"Argument(s) not recognized: {extra}")

    @property
    def built(self) -> bool:
        return False  # its variables are made by the first training step

    def apply_gradients(self, grads_and_vars: Any) -> Any:
        raise _refused(f"{type(self).__name__}.apply_gradients")


class _Loss(_Configured):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise _refused(f"keras.losses.{type(self).__name__}.__call__")


class _MetricVariable:
    """A metric's state variable: its shape and name (no value)."""

    def __init__(self, shape: Any, name: str | None) -> None:
        self.shape, self.name = tuple(shape or ()), name

    def assign(self, value: Any) -> None:
        raise _refused("keras.Variable.assign")

    assign_add = assign_sub = assign


class _Metric(_Configured):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise _refused(f"keras.metrics.{type(self).__name__}.__call__")

    def add_variable(
        self,
        shape: Any = (),
        initializer: Any = None,
        dtype: Any = None,
        aggregation: Any = "sum",
        name: Any = None,
    ) -> _MetricVariable:
        return _MetricVariable(shape, name)

    add_weight = add_variable

    def update_state(self, *args: Any, **kwargs: Any) -> Any:
        raise _refused(f"keras.metrics.{type(self).__name__}.update_state")

    def result(self) -> Any:
        raise _refused(f"keras.metrics.{type(self).__name__}.result")

    def reset_state(self) -> None:
        """Nothing to reset: a metric here holds no values."""


class _Callback(_Configured):
    model: Any = None
    params: Any = None

    def set_model(self, model: Any) -> None:
        self.model = model

    def set_params(self, params: Any) -> None:
        self.params = params


class _LearningRateSchedule(_Configured):
    def __call__(self, step: Any) -> Any:
        raise _refused(f"keras.optimizers.schedules.{type(self).__name__}.__call__")


def identifier_error(kind: str, identifier: Any) -> ValueError:
    """Keras's refusal of a name it does not know (``optimizers.get("adamm")``)."""
    return ValueError(f"Could not interpret {kind} identifier: {identifier}")

"""``keras.initializers``: how a layer fills its weights. Nothing is filled here
(convdims keeps shapes only), but a layer takes the same initializers by name or by
object (``kernel_initializer=initializers.VarianceScaling(scale=1/3)``), and
``get`` resolves them as Keras does.

>>> get("he_normal").__class__.__name__, get(Zeros()).__class__.__name__
('HeNormal', 'Zeros')
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Initializer:
    """``keras.initializers.Initializer``: the base of every initializer; its config
    is the arguments it was made with."""

    def __init__(self) -> None:
        self._config: dict[str, Any] = {}

    def __call__(self, shape: Any, dtype: Any = None) -> Any:
        """Refused: there are no values to make.

        Raises:
            Unsupported: always.
        """
        from convdims.standin import Unsupported

        raise Unsupported(f"{type(self).__name__}.__call__")

    def get_config(self) -> dict[str, Any]:
        """The arguments of the initializer, as Keras saves them."""
        return dict(self._config)

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Initializer:
        return cls(**config)

    def clone(self) -> Initializer:
        return self.from_config(self.get_config())


def _keep(instance: Initializer, **config: Any) -> None:
    Initializer.__init__(instance)
    instance._config = config


class Constant(Initializer):
    """Every value ``value``."""

    def __init__(self, value: Any = 0.0) -> None:
        _keep(self, value=value)
        self.value = value


class Zeros(Initializer):
    """Every value 0."""

    def __init__(self) -> None:
        _keep(self)


class Ones(Initializer):
    """Every value 1."""

    def __init__(self) -> None:
        _keep(self)


class Identity(Initializer):
    """The identity matrix times ``gain`` (2-D weights)."""

    def __init__(self, gain: float = 1.0) -> None:
        _keep(self, gain=gain)
        self.gain = gain


class RandomNormal(Initializer):
    """Normal values of ``mean`` and ``stddev``."""

    def __init__(self, mean: float = 0.0, stddev: float = 0.05, seed: Any = None) -> None:
        _keep(self, mean=mean, stddev=stddev, seed=seed)
        self.mean, self.stddev, self.seed = mean, stddev, seed


class TruncatedNormal(RandomNormal):
    """Normal values of ``mean`` and ``stddev``, redrawn beyond two deviations."""


class RandomUniform(Initializer):
    """Uniform values in ``[minval, maxval)``."""

    def __init__(
        self, minval: float = -0.05, maxval: float = 0.05, seed: Any = None
    ) -> None:
        _keep(self, minval=minval, maxval=maxval, seed=seed)
        self.minval, self.maxval, self.seed = minval, maxval, seed


class Orthogonal(Initializer):
    """An orthogonal matrix times ``gain``."""

    def __init__(self, gain: float = 1.0, seed: Any = None) -> None:
        _keep(self, gain=gain, seed=seed)
        self.gain, self.seed = gain, seed


_MODES = ("fan_in", "fan_out", "fan_avg")
_DISTRIBUTIONS = ("normal", "untruncated_normal", "truncated_normal", "uniform")


class VarianceScaling(Initializer):
    """Values of variance ``scale / fan`` (``mode`` says which fan), from
    ``distribution``; refuses what Keras refuses."""

    def __init__(
        self,
        scale: float = 1.0,
        mode: str = "fan_in",
        distribution: str = "truncated_normal",
        seed: Any = None,
        input_axes: Any = None,
        output_axes: Any = None,
    ) -> None:
        if scale <= 0.0:
            raise ValueError(
                f"Argument `scale` must be positive float. Received: scale={scale}"
            )
        if mode not in _MODES:
            raise ValueError(f"Invalid `mode` argument: {mode}. Please use one of {_MODES}")
        distribution = distribution.lower()
        if distribution == "normal":
            distribution = "truncated_normal"
        if distribution not in _DISTRIBUTIONS:
            raise ValueError(
                f"Invalid `distribution` argument: {distribution}."
                f"Please use one of {_DISTRIBUTIONS}"
            )
        _keep(self, scale=scale, mode=mode, distribution=distribution, seed=seed)
        self.scale, self.mode, self.distribution, self.seed = (
            scale,
            mode,
            distribution,
            seed,
        )


class _Fixed(VarianceScaling):
    _fixed: tuple[float, str, str] = (1.0, "fan_in", "truncated_normal")

    def __init__(
        self, seed: Any = None, input_axes: Any = None, output_axes: Any = None
    ) -> None:
        scale, mode, distribution = self._fixed
        super().__init__(scale, mode, distribution, seed)
        self._config = {"seed": seed}


class GlorotNormal(_Fixed):
    """``VarianceScaling(1.0, "fan_avg", "truncated_normal")``."""

    _fixed = (1.0, "fan_avg", "truncated_normal")


class GlorotUniform(_Fixed):
    """``VarianceScaling(1.0, "fan_avg", "uniform")``: Keras's default kernel
    initializer."""

    _fixed = (1.0, "fan_avg", "uniform")


class HeNormal(_Fixed):
    """``VarianceScaling(2.0, "fan_in", "truncated_normal")``."""

    _fixed = (2.0, "fan_in", "truncated_normal")


class HeUniform(_Fixed):
    """``VarianceScaling(2.0, "fan_in", "uniform")``."""

    _fixed = (2.0, "fan_in", "uniform")


class LecunNormal(_Fixed):
    """``VarianceScaling(1.0, "fan_in", "truncated_normal")``."""

    _fixed = (1.0, "fan_in", "truncated_normal")


class LecunUniform(_Fixed):
    """``VarianceScaling(1.0, "fan_in", "uniform")``."""

    _fixed = (1.0, "fan_in", "uniform")


IdentityInitializer = Identity
OrthogonalInitializer = Orthogonal

#: The names Keras takes for each initializer (``"he_normal"``, ``"HeNormal"``).
_BY_NAME: dict[str, type[Initializer]] = {}
for _cls in (
    Constant,
    GlorotNormal,
    GlorotUniform,
    HeNormal,
    HeUniform,
    Identity,
    LecunNormal,
    LecunUniform,
    Ones,
    Orthogonal,
    RandomNormal,
    RandomUniform,
    TruncatedNormal,
    VarianceScaling,
    Zeros,
):
    _snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in _cls.__name__).lstrip(
        "_"
    )
    _BY_NAME[_cls.__name__] = _BY_NAME[_snake] = _cls
# Keras's aliases (keras/src/initializers/__init__.py): Embedding's default
# embeddings_initializer is "uniform".
_BY_NAME.update(
    {
        "IdentityInitializer": Identity,
        "normal": RandomNormal,
        "one": Ones,
        "OrthogonalInitializer": Orthogonal,
        "uniform": RandomUniform,
        "zero": Zeros,
    }
)

constant = Constant
glorot_normal = GlorotNormal
glorot_uniform = GlorotUniform
he_normal = HeNormal
he_uniform = HeUniform
identity = Identity
lecun_normal = LecunNormal
lecun_uniform = LecunUniform
ones = Ones
orthogonal = Orthogonal
random_normal = RandomNormal
random_uniform = RandomUniform
truncated_normal = TruncatedNormal
variance_scaling = VarianceScaling
zeros = Zeros


def get(identifier: Any) -> Any:
    """The initializer ``identifier`` names: None, a name (a fresh instance), a config
    dict, an instance or a class (an instance of it).

    Raises:
        ValueError: anything else (Keras's message).
    """
    if identifier is None:
        return None
    if isinstance(identifier, str) and identifier in _BY_NAME:
        return _BY_NAME[identifier]()
    if isinstance(identifier, dict) and identifier.get("class_name") in _BY_NAME:
        return _BY_NAME[identifier["class_name"]](**identifier.get("config", {}))
    if isinstance(identifier, type) and issubclass(identifier, Initializer):
        return identifier()
    if callable(identifier):
        return identifier
    raise ValueError(f"Could not interpret initializer identifier: {identifier}")


def serialize(initializer: Any) -> Any:
    """``{"class_name": ..., "config": ...}``, as Keras saves an initializer."""
    return {"class_name": type(initializer).__name__, "config": initializer.get_config()}


def deserialize(config: Any, custom_objects: Any = None) -> Any:
    """The initializer of a saved config."""
    return get(config)


__all__ = [
    "Constant",
    "GlorotNormal",
    "GlorotUniform",
    "HeNormal",
    "HeUniform",
    "Identity",
    "IdentityInitializer",
    "Initializer",
    "LecunNormal",
    "LecunUniform",
    "Ones",
    "Orthogonal",
    "OrthogonalInitializer",
    "RandomNormal",
    "RandomUniform",
    "TruncatedNormal",
    "VarianceScaling",
    "Zeros",
    "constant",
    "deserialize",
    "get",
    "glorot_normal",
    "glorot_uniform",
    "he_normal",
    "he_uniform",
    "identity",
    "lecun_normal",
    "lecun_uniform",
    "ones",
    "orthogonal",
    "random_normal",
    "random_uniform",
    "serialize",
    "truncated_normal",
    "variance_scaling",
    "zeros",
]

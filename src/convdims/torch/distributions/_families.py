"""The distributions models build (``torch.distributions``), each declared by its
parameters: the event axes each carries and its constraint (see ``distribution.py``)."""

from __future__ import annotations

import inspect

from convdims.torch.distributions.distribution import INT64, Distribution, _shape
from convdims.torch.errors import ShapeError
from convdims.torch.tensor import Size, Tensor, broadcast_shapes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "Bernoulli",
    "Beta",
    "Binomial",
    "Categorical",
    "Cauchy",
    "Dirichlet",
    "Exponential",
    "Gamma",
    "Geometric",
    "Gumbel",
    "HalfNormal",
    "Independent",
    "Laplace",
    "LogNormal",
    "Multinomial",
    "MultivariateNormal",
    "Normal",
    "OneHotCategorical",
    "Poisson",
    "RelaxedBernoulli",
    "RelaxedOneHotCategorical",
    "StudentT",
    "Uniform",
    "kl_divergence",
]


def _not_implemented(what: str) -> Any:
    """PyTorch's NotImplementedError where a distribution has no closed form."""

    def refused(self: Distribution) -> Any:
        raise NotImplementedError(f"{type(self).__name__} has no {what} in PyTorch")

    return refused


def _family(
    name: str,
    params: tuple[tuple[str, int, str], ...],
    *,
    rsample: bool = True,
    one_of: tuple[str, ...] = (),
    sample_dtype: Any = None,
    event_from_param: bool = False,
    defaults: dict[str, Any] | None = None,
    moments: bool = True,
    entropy: bool = True,
    doc: str = "",
) -> type[Distribution]:
    """A distribution class whose constructor takes ``params`` (and ``validate_args``)
    by PyTorch's names, order and defaults (``one_of`` parameters default to None)."""
    defaults = {**dict.fromkeys(one_of), **(defaults or {})}
    empty = inspect.Parameter.empty
    signature = inspect.Signature(
        [
            inspect.Parameter(
                key,
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
                default=defaults.get(key, empty),
            )
            for key, _, _ in params
        ]
        + [
            inspect.Parameter(
                "validate_args", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None
            )
        ]
    )

    def __init__(self: Distribution, *args: Any, **kwargs: Any) -> None:
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as error:
            raise TypeError(f"{name}.__init__(): {error}") from None
        bound.apply_defaults()
        given = dict(bound.arguments)
        validate_args = given.pop("validate_args")
        self._init_params(given, validate_args)

    __init__.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
        + list(signature.parameters.values())
    )

    namespace: dict[str, Any] = {
        "__init__": __init__,
        "_params": params,
        "_one_of": one_of,
        "has_rsample": rsample,
        "_sample_dtype": sample_dtype,
        "__doc__": f"``torch.distributions.{name}``{doc}.",
    }
    if not event_from_param:
        namespace["_event_from"] = lambda self, events: ()
    if not entropy:
        namespace["entropy"] = _not_implemented("entropy")
    if not moments:
        for moment in ("mean", "mode", "variance", "stddev"):
            namespace[moment] = property(_not_implemented(moment))
    return type(name, (Distribution,), namespace)


Normal = _family("Normal", (("loc", 0, "real"), ("scale", 0, "positive")))
LogNormal = _family("LogNormal", (("loc", 0, "real"), ("scale", 0, "positive")))
HalfNormal = _family("HalfNormal", (("scale", 0, "positive"),))
Laplace = _family("Laplace", (("loc", 0, "real"), ("scale", 0, "positive")))
Cauchy = _family("Cauchy", (("loc", 0, "real"), ("scale", 0, "positive")))
Gumbel = _family("Gumbel", (("loc", 0, "real"), ("scale", 0, "positive")))
StudentT = _family(
    "StudentT",
    (("df", 0, "positive"), ("loc", 0, "real"), ("scale", 0, "positive")),
    defaults={"loc": 0.0, "scale": 1.0},
)
Uniform = _family("Uniform", (("low", 0, "real"), ("high", 0, "real")))
Exponential = _family("Exponential", (("rate", 0, "positive"),))
Gamma = _family("Gamma", (("concentration", 0, "positive"), ("rate", 0, "positive")))
Beta = _family(
    "Beta", (("concentration1", 0, "positive"), ("concentration0", 0, "positive"))
)
Poisson = _family("Poisson", (("rate", 0, "nonnegative"),), rsample=False, entropy=False)
Bernoulli = _family(
    "Bernoulli",
    (("probs", 0, "unit_interval"), ("logits", 0, "real")),
    rsample=False,
    one_of=("probs", "logits"),
)
Geometric = _family(
    "Geometric",
    (("probs", 0, "unit_interval"), ("logits", 0, "real")),
    rsample=False,
    one_of=("probs", "logits"),
)
Binomial = _family(
    "Binomial",
    (
        ("total_count", 0, "nonnegative"),
        ("probs", 0, "unit_interval"),
        ("logits", 0, "real"),
    ),
    rsample=False,
    one_of=("probs", "logits"),
    defaults={"total_count": 1},
)
Categorical = _family(
    "Categorical",
    (("probs", 1, "simplex"), ("logits", 1, "real")),
    rsample=False,
    one_of=("probs", "logits"),
    sample_dtype=INT64,
    doc=": one of the last axis's categories per distribution (an int64 index)",
)
OneHotCategorical = _family(
    "OneHotCategorical",
    (("probs", 1, "simplex"), ("logits", 1, "real")),
    rsample=False,
    one_of=("probs", "logits"),
    event_from_param=True,
    doc=": a one-hot vector over the last axis",
)
Multinomial = _family(
    "Multinomial",
    (("total_count", 0, "nonnegative"), ("probs", 1, "simplex"), ("logits", 1, "real")),
    rsample=False,
    one_of=("probs", "logits"),
    defaults={"total_count": 1},
    event_from_param=True,
)
Dirichlet = _family("Dirichlet", (("concentration", 1, "positive"),), event_from_param=True)
RelaxedBernoulli = _family(
    "RelaxedBernoulli",
    (("temperature", 0, "positive"), ("probs", 0, "unit_interval"), ("logits", 0, "real")),
    one_of=("probs", "logits"),
    moments=False,
    entropy=False,
)
RelaxedOneHotCategorical = _family(
    "RelaxedOneHotCategorical",
    (("temperature", 0, "positive"), ("probs", 1, "simplex"), ("logits", 1, "real")),
    one_of=("probs", "logits"),
    event_from_param=True,
    moments=False,
    entropy=False,
)


class MultivariateNormal(Distribution):
    """``torch.distributions.MultivariateNormal``: ``loc (..., d)`` with one of
    ``covariance_matrix``, ``precision_matrix`` or ``scale_tril (..., d, d)``."""

    has_rsample = True
    _params = (("loc", 1, "real"),)

    def __init__(
        self,
        loc: Tensor,
        covariance_matrix: Tensor | None = None,
        precision_matrix: Tensor | None = None,
        scale_tril: Tensor | None = None,
        validate_args: bool | None = None,
    ) -> None:
        matrices = {
            "covariance_matrix": covariance_matrix,
            "precision_matrix": precision_matrix,
            "scale_tril": scale_tril,
        }
        given = [key for key, value in matrices.items() if value is not None]
        if len(given) != 1:
            raise ValueError(
                "Exactly one of covariance_matrix or precision_matrix or scale_tril may "
                "be specified."
            )
        matrix = matrices[given[0]]
        loc_shape, matrix_shape = _shape(loc), _shape(matrix)
        if len(loc_shape) < 1:
            raise ValueError("loc must be at least one-dimensional.")
        if len(matrix_shape) < 2:
            raise ValueError(
                f"{given[0]} must be at least two-dimensional, with optional leading "
                "batch dimensions"
            )
        d = loc_shape[-1]
        if matrix_shape[-2:] != (d, d):
            raise ShapeError(
                f"MultivariateNormal: {given[0]} of shape {list(matrix_shape)} does not "
                f"fit loc of shape {list(loc_shape)} (it must end in ({d}, {d}))",
                argument=given[0],
                value=matrix_shape,
                valid=f"a tensor ending in ({d}, {d})",
            )
        self._init_params({"loc": loc}, validate_args)
        batch = Size(
            __import__(
                "convdims.torch.tensor", fromlist=["broadcast_shapes"]
            ).broadcast_shapes(loc_shape[:-1], matrix_shape[:-2])
        )
        Distribution.__init__(self, batch, (d,), validate_args)
        self.__dict__["loc"] = Tensor._of((*batch, d), self._dtype)
        for key in matrices:
            self.__dict__[key] = Tensor._of((*batch, d, d), self._dtype)

    def _event_from(self, events: list[tuple[int, ...]]) -> tuple[int, ...]:
        return events[0] if events else ()


class Independent(Distribution):
    """``torch.distributions.Independent``: the last ``reinterpreted_batch_ndims``
    batch axes of ``base_distribution`` become event axes."""

    def __init__(
        self,
        base_distribution: Distribution,
        reinterpreted_batch_ndims: int,
        validate_args: bool | None = None,
    ) -> None:
        batch = tuple(base_distribution.batch_shape)
        if reinterpreted_batch_ndims > len(batch):
            raise ValueError(
                "Expected reinterpreted_batch_ndims <= len(base_distribution.batch_shape), "
                f"actual {reinterpreted_batch_ndims} vs {len(batch)}"
            )
        cut = len(batch) - reinterpreted_batch_ndims
        super().__init__(
            batch[:cut],
            batch[cut:] + tuple(base_distribution.event_shape),
            validate_args,
        )
        self.base_dist = base_distribution
        self.reinterpreted_batch_ndims = reinterpreted_batch_ndims
        self.has_rsample = base_distribution.has_rsample
        self._dtype = base_distribution._dtype
        self._sample_dtype = base_distribution._sample_dtype

    def __repr__(self) -> str:
        return f"Independent({self.base_dist!r}, {self.reinterpreted_batch_ndims})"


def kl_divergence(p: Distribution, q: Distribution) -> Tensor:
    """``torch.distributions.kl_divergence``: one value per distribution of the
    broadcast batch (the two must have the same event shape)."""
    for name, dist in (("p", p), ("q", q)):
        if not isinstance(dist, Distribution):
            raise TypeError(f"kl_divergence: {name} must be a distribution")
    if tuple(p.event_shape) != tuple(q.event_shape):
        raise ValueError(
            f"kl_divergence: event shapes differ: {list(p.event_shape)} and "
            f"{list(q.event_shape)}"
        )
    batch = broadcast_shapes(tuple(p.batch_shape), tuple(q.batch_shape))
    return Tensor._of(tuple(batch), p._dtype)

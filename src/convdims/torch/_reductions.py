"""``Tensor``'s reductions: ``sum``, ``mean``, ``max`` and the like over some or all
dimensions, and the ``(values, indices)`` pairs that ``max(dim)``, ``sort`` and ``topk``
return.
"""

from __future__ import annotations

from convdims.torch._sizes import normalize_dim
from convdims.torch._tensor_base import TensorBase
from convdims.torch.dtypes import ALIASES as _ALIASES
from convdims.torch.dtypes import int64 as _int64
from convdims.torch.errors import ShapeError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


_bool = _ALIASES["bool"]


class _ValuesIndices(tuple):
    """What ``max(dim)``, ``sort`` and ``topk`` return: ``(values, indices)``, also by
    name, as PyTorch's named tuples."""

    __slots__ = ()

    def __new__(cls, values: TensorBase, indices: TensorBase) -> _ValuesIndices:
        return tuple.__new__(cls, (values, indices))

    @property
    def values(self) -> TensorBase:
        return self[0]

    @property
    def indices(self) -> TensorBase:
        return self[1]


class ReductionMethods(TensorBase):
    """The reductions of ``convdims.torch.Tensor``."""

    __slots__ = ()

    def _reduce(self, dim: Any = None, keepdim: bool = False) -> TensorBase:
        if dim is None:
            return self._like(())
        dims = dim if isinstance(dim, (tuple, list)) else (dim,)
        drop = {normalize_dim(d, self.ndim) for d in dims}
        if keepdim:
            return self._like(1 if i in drop else s for i, s in enumerate(self._shape))
        return self._like(s for i, s in enumerate(self._shape) if i not in drop)

    def mean(self, dim: Any = None, keepdim: bool = False, **_: Any) -> TensorBase:
        """Average over ``dim`` (all dimensions when None)."""
        return self._reduce(dim, keepdim)

    def sum(self, dim: Any = None, keepdim: bool = False, **_: Any) -> TensorBase:
        """Sum over ``dim`` (all dimensions when None)."""
        return self._reduce(dim, keepdim)

    amax = amin = prod = sum

    def std(
        self,
        dim: Any = None,
        unbiased: Any = None,
        keepdim: bool = False,
        *,
        correction: Any = None,
    ) -> TensorBase:
        """The standard deviation over ``dim`` (every axis when None); PyTorch's
        older ``std(dim, unbiased, keepdim)`` and ``std(unbiased)`` are taken too."""
        if isinstance(dim, bool):  # std(unbiased)
            dim = None
        return self._reduce(dim, keepdim)

    var = std

    def _reduce_pair(self, dim: Any, keepdim: bool) -> Any:
        values = self._reduce(dim, keepdim)
        return _ValuesIndices(values, self._plain(tuple(values.shape), _int64))

    def max(self, dim: Any = None, keepdim: bool = False) -> Any:
        """The maximum: of all (a 0-d tensor), elementwise with another tensor, or
        along ``dim`` (``(values, indices)``)."""
        if isinstance(dim, TensorBase):
            return self._binary(dim)
        if dim is None:
            return self._like(())
        return self._reduce_pair(dim, keepdim)

    min = max

    def sort(self, dim: int = -1, descending: bool = False, stable: bool = False) -> Any:
        normalize_dim(dim, self.ndim)
        return _ValuesIndices(self, self._plain(tuple(self._shape), _int64))

    def topk(
        self,
        k: int,
        dim: int = -1,
        largest: bool = True,
        sorted: bool = True,  # noqa: A002
    ) -> Any:
        axis = normalize_dim(dim, self.ndim)
        if not 0 <= k <= (self._shape[axis] if self.ndim else 1):
            raise ShapeError(
                "selected index k out of range",
                argument="k",
                value=k,
                valid="0 <= k <= size",
            )
        shape = list(self._shape)
        if shape:
            shape[axis] = k
        values = self._like(shape)
        return _ValuesIndices(values, self._plain(tuple(shape), _int64))

    def argmax(self, dim: Any = None, keepdim: bool = False) -> TensorBase:
        reduced = self._reduce(dim, keepdim)
        return self._plain(tuple(reduced.shape), _int64)

    argmin = argmax

    def any(self, dim: Any = None, keepdim: bool = False) -> TensorBase:
        reduced = self._reduce(dim, keepdim)
        return self._plain(tuple(reduced.shape), _bool)

    all = any

    def norm(
        self, p: Any = "fro", dim: Any = None, keepdim: bool = False, dtype: Any = None
    ) -> TensorBase:
        return self._reduce(dim, keepdim)

    logsumexp = mean

    nanmean = nansum = mean

    def argsort(
        self, dim: int = -1, descending: bool = False, stable: bool = False
    ) -> TensorBase:
        """The indices that sort along ``dim``: the input's shape, int64."""
        normalize_dim(dim, self.ndim)
        return self._plain(tuple(self._shape), _int64)

    def median(self, dim: Any = None, keepdim: bool = False) -> Any:
        """The median of all (a 0-d tensor), or along ``dim`` ``(values, indices)``."""
        if dim is None:
            return self._like(())
        return self._reduce_pair(dim, keepdim)

    nanmedian = median

    def mode(self, dim: int = -1, keepdim: bool = False) -> Any:
        """The most frequent value along ``dim``: ``(values, indices)``."""
        return self._reduce_pair(dim, keepdim)

    def kthvalue(self, k: int, dim: int = -1, keepdim: bool = False) -> Any:
        """The ``k``-th smallest along ``dim``: ``(values, indices)``."""
        axis = normalize_dim(dim, self.ndim)
        size = self._shape[axis] if self.ndim else 1
        if not 1 <= k <= size:
            raise ShapeError(
                f"kthvalue(): selected number k out of range for dimension {axis}",
                argument="k",
                value=k,
                valid=f"1 <= k <= {size}",
            )
        return self._reduce_pair(dim, keepdim)

    def _cumulative_pair(self, dim: int) -> Any:
        normalize_dim(dim, self.ndim)
        return _ValuesIndices(
            self._like(self._shape), self._plain(tuple(self._shape), _int64)
        )

    def cummax(self, dim: int) -> Any:
        """The running maximum along ``dim``: ``(values, indices)`` of the input's
        shape."""
        return self._cumulative_pair(dim)

    cummin = cummax

    def count_nonzero(self, dim: Any = None) -> TensorBase:
        """How many are nonzero, over ``dim`` (every axis when None): int64."""
        reduced = self._reduce(dim, False)
        return self._plain(tuple(reduced._shape), _int64)

    def aminmax(self, *, dim: Any = None, keepdim: bool = False) -> Any:
        """``(min, max)`` over ``dim`` (every axis when None)."""
        reduced = self._reduce(dim, keepdim)
        return (reduced, self._like(reduced._shape))

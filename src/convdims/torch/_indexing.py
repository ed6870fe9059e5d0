"""``Tensor``'s indexing: the shape of ``x[index]`` by PyTorch's (NumPy's) rules, for
reading and for assignment, and ``index_select`` / ``gather``.
"""

from __future__ import annotations

from convdims._checks import as_int
from convdims.torch._pointwise import PointwiseMethods
from convdims.torch._sizes import broadcast_shapes, normalize_dim
from convdims.torch._tensor_base import TensorBase, _unsupported
from convdims.torch.dtypes import ALIASES as _ALIASES
from convdims.torch.errors import DimensionError, ShapeError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


_bool = _ALIASES["bool"]


class IndexingMethods(PointwiseMethods):
    """The indexing of ``convdims.torch.Tensor`` (and, through its base, the
    elementwise methods and matrix products of ``_pointwise``: ``Tensor``'s bases are
    listed in ``tensor.py``, and this keeps that list as it is)."""

    __slots__ = ()

    def index_select(self, dim: int, index: TensorBase) -> TensorBase:
        axis = normalize_dim(dim, self.ndim)
        if index.ndim > 1:
            raise DimensionError(
                "index_select(): Index is supposed to be a vector",
                argument="index",
                value=tuple(index.shape),
                valid="a 1-D tensor of indices",
            )
        shape = list(self._shape)
        if shape:
            shape[axis] = index.numel()
        return self._like(shape)

    def gather(
        self, dim: int, index: TensorBase, *, sparse_grad: bool = False
    ) -> TensorBase:
        """The values at ``index`` along ``dim``: the index's shape, which may be no
        larger than the input's apart from ``dim``."""
        axis = normalize_dim(dim, self.ndim)
        _check_index(index, "gather")
        if index.ndim != self.ndim and index.numel() and self.ndim:
            raise ShapeError(
                "Index tensor must have the same number of dimensions as input tensor",
                argument="index",
                value=tuple(index._shape),
                valid=f"a tensor of {self.ndim} dimensions",
            )
        if index.ndim == self.ndim:
            for d, (have, size) in enumerate(zip(index._shape, self._shape, strict=True)):
                if d != axis and have > size:
                    raise ShapeError(
                        f"Size does not match at dimension {d} expected index "
                        f"{list(index._shape)} to be no larger than self "
                        f"{list(self._shape)} apart from dimension {axis}",
                        argument="index",
                        value=tuple(index._shape),
                        valid=f"sizes at most {list(self._shape)} apart from dim {axis}",
                    )
        return self._like(index._shape)

    def take_along_dim(self, indices: TensorBase, dim: int | None = None) -> TensorBase:
        """``gather`` with broadcasting; without ``dim``, of the flattened input."""
        _check_index(indices, "take_along_dim")
        if dim is None:
            return self._like((indices.numel(),))
        axis = normalize_dim(dim, self.ndim)
        if indices.ndim != self.ndim:
            raise ShapeError(
                "torch.take_along_dim(): input and indices should have the same number "
                f"of dimensions, but got {self.ndim} dimensions for input, and "
                f"{indices.ndim} dimensions for indices",
                argument="indices",
            )
        own = list(self._shape)
        other = list(indices._shape)
        own[axis] = other[axis] = 1
        shape = list(broadcast_shapes(own, other))
        shape[axis] = indices._shape[axis]
        return self._like(shape)

    def take(self, index: TensorBase) -> TensorBase:
        """The flattened input's values at ``index``: the index's shape."""
        _check_index(index, "take")
        return self._like(index._shape)

    def _scatter_check(self, dim: int, index: TensorBase, src: Any, op: str) -> int:
        axis = normalize_dim(dim, self.ndim)
        _check_index(index, op)
        if index.ndim != self.ndim and index.numel() and self.ndim:
            raise ShapeError(
                "Index tensor must have the same number of dimensions as self tensor",
                argument="index",
            )
        source = src._shape if isinstance(src, TensorBase) else None
        if index.ndim == self.ndim and index.numel():
            for d, have in enumerate(index._shape):
                too_big = (d != axis and have > self._shape[d]) or (
                    source is not None and len(source) == index.ndim and have > source[d]
                )
                if too_big:
                    against = (
                        f" and to be no larger size than src {list(source)}"
                        if source is not None
                        else ""
                    )
                    raise ShapeError(
                        f"Expected index {list(index._shape)} to be no larger than self "
                        f"{list(self._shape)} apart from dimension {axis}{against}",
                        argument="index",
                        value=tuple(index._shape),
                        valid=f"sizes at most {list(self._shape)} apart from dim {axis}",
                    )
        return axis

    def scatter(
        self,
        dim: int,
        index: TensorBase,
        src: Any = None,
        value: Any = None,
        *,
        reduce: str | None = None,
    ) -> TensorBase:
        """``src`` (a tensor or a number) written at ``index`` along ``dim``: the
        input's shape."""
        self._scatter_check(dim, index, src, "scatter")
        return self._like(self._shape)

    def scatter_(self, *args: Any, **kwargs: Any) -> TensorBase:
        self.scatter(*args, **kwargs)
        return self

    def scatter_add(self, dim: int, index: TensorBase, src: TensorBase) -> TensorBase:
        """``src`` added at ``index`` along ``dim``: the input's shape."""
        self._scatter_check(dim, index, src, "scatter_add")
        return self._like(self._shape)

    def scatter_add_(self, dim: int, index: TensorBase, src: TensorBase) -> TensorBase:
        self.scatter_add(dim, index, src)
        return self

    def scatter_reduce(
        self,
        dim: int,
        index: TensorBase,
        src: TensorBase,
        reduce: str,
        *,
        include_self: bool = True,
    ) -> TensorBase:
        """``src`` reduced into the input at ``index``: the input's shape."""
        self._scatter_check(dim, index, src, "scatter_reduce")
        return self._like(self._shape)

    def _index_op(self, dim: int, index: TensorBase, source: Any, op: str) -> TensorBase:
        axis = normalize_dim(dim, self.ndim)
        _check_index(index, op)
        if index.ndim > 1:
            raise ShapeError(f"{op}(): Index is supposed to be a vector", argument="index")
        if isinstance(source, TensorBase):
            count = index.numel()
            along = source._shape[axis] if source.ndim > axis else 1
            if source.ndim and count != along:
                raise ShapeError(
                    f"{op}(): Number of indices ({count}) should be equal to "
                    f"source.size(dim): ({along}), for dim: {axis}",
                    argument="index",
                    value=tuple(index._shape),
                    valid=f"{along} indices",
                )
        return self._like(self._shape)

    def index_add(
        self, dim: int, index: TensorBase, source: TensorBase, *, alpha: Any = 1
    ) -> TensorBase:
        """``source`` added at the rows ``index`` of axis ``dim``: the input's shape."""
        return self._index_op(dim, index, source, "index_add_")

    def index_copy(self, dim: int, index: TensorBase, source: TensorBase) -> TensorBase:
        """``source`` copied to the rows ``index`` of axis ``dim``: the input's shape."""
        return self._index_op(dim, index, source, "index_copy_")

    def index_fill(self, dim: int, index: TensorBase, value: Any) -> TensorBase:
        """``value`` written to the rows ``index`` of axis ``dim``: the input's shape."""
        return self._index_op(dim, index, None, "index_fill_")

    def index_add_(self, *args: Any, **kwargs: Any) -> TensorBase:
        self.index_add(*args, **kwargs)
        return self

    def index_copy_(self, *args: Any, **kwargs: Any) -> TensorBase:
        self.index_copy(*args, **kwargs)
        return self

    def index_fill_(self, *args: Any, **kwargs: Any) -> TensorBase:
        self.index_fill(*args, **kwargs)
        return self

    def masked_scatter(self, mask: TensorBase, source: TensorBase) -> TensorBase:
        """``source``'s values where ``mask`` holds: the broadcast shape of the input
        and the mask."""
        return self._like(broadcast_shapes(self._shape, mask._shape))

    def masked_scatter_(self, mask: TensorBase, source: TensorBase) -> TensorBase:
        broadcast_shapes(self._shape, mask._shape)
        return self

    def select(self, dim: int, index: int) -> TensorBase:
        """The slice at ``index`` of axis ``dim``, that axis removed."""
        axis = normalize_dim(dim, self.ndim)
        size = self._shape[axis]
        position = as_int("index", index)
        if not -size <= position < size:
            raise DimensionError(
                f"select(): index {position} out of range for tensor of size "
                f"{list(self._shape)} at dimension {axis}",
                argument="index",
                value=index,
                valid=f"-{size} <= index < {size}",
            )
        return self._like(self._shape[:axis] + self._shape[axis + 1 :])

    # What depends on the values: refused, never guessed --------------------------------

    def nonzero(self, *, as_tuple: bool = False) -> Any:
        """Refused: how many elements are nonzero depends on the values."""
        raise _unsupported("Tensor.nonzero (its size depends on the values)")

    argwhere = nonzero

    def masked_select(self, mask: TensorBase) -> TensorBase:
        """Refused: how many elements the mask selects depends on its values."""
        raise _unsupported("Tensor.masked_select (its size depends on the mask's values)")

    def unique(
        self,
        sorted: bool = True,  # noqa: A002 - PyTorch's name
        return_inverse: bool = False,
        return_counts: bool = False,
        dim: int | None = None,
    ) -> Any:
        """Refused: how many values are distinct depends on the values."""
        raise _unsupported("Tensor.unique (its size depends on the values)")

    unique_consecutive = unique

    def __getitem__(self, index: Any) -> TensorBase:
        """The shape that indexing gives: ints drop an axis, slices shorten one, None
        adds one, ``...`` stands for the axes not named, and integer tensors or lists
        (advanced indexing) put their own shape in place of the axes they index.

        >>> from convdims.torch import Tensor
        >>> x = Tensor((2, 3, 4))
        >>> x[:, 0].shape, x[..., 1:3].shape, x[None, :, -1, ::2].shape
        (torch.Size([2, 4]), torch.Size([2, 3, 2]), torch.Size([1, 2, 2]))
        """
        return self._like(_index_shape(self._shape, index))

    def __setitem__(self, index: Any, value: Any) -> None:
        target = _index_shape(self._shape, index)
        if isinstance(value, TensorBase):
            broadcast_shapes(target, value._shape)


def _check_index(index: Any, op: str) -> None:
    """An index tensor must be a tensor of integers (PyTorch's message)."""
    if not isinstance(index, TensorBase):
        from convdims.errors import ArgumentTypeError

        raise ArgumentTypeError(
            f"{op}(): argument 'index' must be Tensor, not {type(index).__name__}",
            argument="index",
            value=index,
            valid="a tensor of int64 indices",
        )
    if index.dtype.is_floating_point or index.dtype is _bool:
        raise ShapeError(
            f"{op}(): Expected dtype int32/int64 for index",
            argument="index",
            value=index.dtype,
            valid="an index tensor of dtype int64 (or int32)",
        )


def _index_shape(shape: tuple[int, ...], index: Any) -> tuple[int, ...]:
    """The shape of ``tensor[index]`` for a tensor of ``shape`` (PyTorch's rules, as
    NumPy's: basic indices first, then advanced ones, which broadcast together and go
    where the first one was when they are next to each other, else in front)."""
    items = list(index) if isinstance(index, tuple) else [index]
    consumed = 0
    for item in items:
        if item is None or item is Ellipsis:
            continue
        if isinstance(item, TensorBase) and item.dtype is _bool:
            consumed += item.ndim
        else:
            consumed += 1
    if consumed > len(shape):
        raise DimensionError(
            f"too many indices for tensor of dimension {len(shape)}",
            argument="index",
            value=index,
            valid=f"at most {len(shape)} indices",
        )
    if Ellipsis in [i for i in items if not isinstance(i, (TensorBase, list))]:
        at = next(n for n, i in enumerate(items) if i is Ellipsis)
        items[at : at + 1] = [slice(None)] * (len(shape) - consumed)
    else:
        items += [slice(None)] * (len(shape) - consumed)
    result: list[int] = []
    advanced: list[tuple[int, ...]] = []
    advanced_at: list[int] = []
    axis = 0
    for item in items:
        if item is None:
            result.append(1)
            continue
        if isinstance(item, TensorBase) and item.dtype is _bool:
            raise _unsupported("Tensor indexing with a boolean mask (its size is data)")
        if isinstance(item, (TensorBase, list)):
            index_shape = (
                tuple(item.shape) if isinstance(item, TensorBase) else (len(item),)
            )
            advanced.append(index_shape)
            advanced_at.append(len(result))
            axis += 1
            continue
        size = shape[axis]
        if isinstance(item, slice):
            if item.step is not None and item.step <= 0:
                raise ShapeError(
                    "step must be greater than zero", argument="index", value=index
                )
            result.append(len(range(*item.indices(size))))
        else:
            position = as_int("index", item)
            if not -size <= position < size:
                raise DimensionError(
                    f"index {position} is out of bounds for dimension {axis} with size "
                    f"{size}",
                    argument="index",
                    value=index,
                    valid=f"-{size} <= index < {size}",
                )
        axis += 1
    if advanced:
        joined = tuple(broadcast_shapes(*advanced))
        adjacent = advanced_at == list(
            range(advanced_at[0], advanced_at[0] + len(advanced_at))
        )
        where = advanced_at[0] if adjacent else 0
        result[where:where] = joined
    return tuple(result)

"""``Tensor``'s indexing: the shape of ``x[index]`` by PyTorch's (NumPy's) rules, for
reading and for assignment, and ``index_select`` / ``gather``.
"""

from __future__ import annotations

from convdims._checks import as_int
from convdims.torch._sizes import broadcast_shapes, normalize_dim
from convdims.torch._tensor_base import TensorBase, _unsupported
from convdims.torch.dtypes import ALIASES as _ALIASES
from convdims.torch.errors import DimensionError, ShapeError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


_bool = _ALIASES["bool"]


class IndexingMethods(TensorBase):
    """The indexing of ``convdims.torch.Tensor``."""

    __slots__ = ()

    def index_select(self, dim: int, index: TensorBase) -> TensorBase:
        axis = normalize_dim(dim, self.ndim)
        if index.ndim > 1:
            raise ShapeError("index_select(): Index is supposed to be a vector")
        shape = list(self._shape)
        if shape:
            shape[axis] = index.numel()
        return self._like(shape)

    def gather(
        self, dim: int, index: TensorBase, *, sparse_grad: bool = False
    ) -> TensorBase:
        normalize_dim(dim, self.ndim)
        return self._like(index.shape)

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

"""What every shape-only tensor is, for the files that give ``Tensor`` its methods by
concern (``_reshaping``, ``_reductions``, ``_indexing``): they are written against this
base, as PyTorch's own methods are written against ``torch._C.TensorBase``, so none of
them imports ``convdims.torch.tensor``, whose ``Tensor`` is the one concrete class.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from convdims.torch._sizes import Size
    from convdims.torch.dtypes import dtype


class TensorBase:
    """The root of ``convdims.torch.Tensor``: ``isinstance(x, TensorBase)`` is
    ``isinstance(x, Tensor)``. ``Tensor`` defines what is declared here."""

    __slots__ = ()

    if TYPE_CHECKING:
        _shape: Size
        dtype: dtype
        requires_grad: bool

        @property
        def ndim(self) -> int: ...

        def numel(self) -> int: ...

        def _like(self, shape: Iterable[int]) -> TensorBase: ...

        def _plain(self, shape: tuple[int, ...], dtype: dtype) -> TensorBase: ...

        def _binary(self, other: Any) -> TensorBase: ...


def _unsupported(name: str) -> Exception:
    from convdims.standin import Unsupported

    return Unsupported(name)

"""``Tensor``'s shape operations: the same elements in another shape or order
(``view``, ``flatten``, ``permute``, ``expand``...) and pieces of a tensor (``split``,
``chunk``, ``narrow``...), each giving the shape PyTorch gives and refusing what it refuses.
"""

from __future__ import annotations

import math

from convdims._checks import as_int
from convdims.torch._sizes import _dims, normalize_dim
from convdims.torch._tensor_base import TensorBase, _unsupported
from convdims.torch.errors import ShapeError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any


class ReshapingMethods(TensorBase):
    """The shape operations of ``convdims.torch.Tensor``."""

    __slots__ = ()

    def view(self, *shape: Any) -> TensorBase:
        """The same elements in a new shape; one size may be -1 (inferred).

        >>> from convdims.torch import Tensor
        >>> Tensor((2, 3, 4)).view(2, -1).shape
        torch.Size([2, 12])
        """
        sizes = tuple(as_int("view size", s) for s in _dims(shape, "view"))
        total = self.numel()
        unknown = [i for i, s in enumerate(sizes) if s == -1]
        if len(unknown) > 1:
            raise ShapeError("only one dimension can be inferred")
        for size in sizes:
            if size < -1:
                raise ShapeError(f"invalid shape dimension {size}")
        known = math.prod(s for s in sizes if s != -1)
        if unknown:
            if known == 0 or total % known:
                raise ShapeError(
                    f"shape '{list(sizes)}' is invalid for input of size {total}"
                )
            sizes = tuple(total // known if s == -1 else s for s in sizes)
        elif known != total:
            raise ShapeError(f"shape '{list(sizes)}' is invalid for input of size {total}")
        return self._like(sizes)

    reshape = view

    def view_as(self, other: TensorBase) -> TensorBase:
        return self.view(other.shape)

    reshape_as = view_as

    def flatten(self, start_dim: int = 0, end_dim: int = -1) -> TensorBase:
        """Merge dimensions ``start_dim..end_dim`` into one (``torch.flatten``).

        >>> from convdims.torch import Tensor
        >>> Tensor((2, 3, 4, 5)).flatten(1).shape
        torch.Size([2, 60])
        """
        ndim = self.ndim
        if ndim == 0:
            normalize_dim(start_dim, 0)
            normalize_dim(end_dim, 0)
            return self._like((1,))
        start = normalize_dim(start_dim, ndim)
        end = normalize_dim(end_dim, ndim)
        if start > end:
            raise ShapeError(
                "flatten() has invalid args: start_dim cannot come after end_dim"
            )
        shape = self._shape
        return self._like(
            (*shape[:start], math.prod(shape[start : end + 1]), *shape[end + 1 :])
        )

    def unsqueeze(self, dim: int) -> TensorBase:
        """A new dimension of size 1 at ``dim``."""
        index = normalize_dim(dim, self.ndim + 1)
        shape = list(self._shape)
        shape.insert(index, 1)
        return self._like(shape)

    def squeeze(self, dim: int | Sequence[int] | None = None) -> TensorBase:
        """Drop dimensions of size 1 (all of them, or those named)."""
        if dim is None:
            return self._like(s for s in self._shape if s != 1)
        dims = dim if isinstance(dim, (tuple, list)) else (dim,)
        drop = {normalize_dim(d, self.ndim) for d in dims} if self.ndim else set()
        return self._like(
            s for i, s in enumerate(self._shape) if not (i in drop and s == 1)
        )

    def permute(self, *dims: Any) -> TensorBase:
        """Reorder the dimensions."""
        order = [normalize_dim(d, self.ndim) for d in _dims(dims, "permute")]
        if sorted(order) != list(range(self.ndim)):
            raise ShapeError(
                f"permute(sparse_coo): number of dimensions in the tensor input does not "
                f"match the length of the desired ordering of dimensions i.e. "
                f"input.dim() = "
                f"{self.ndim} is not equal to len(dims) = {len(order)}"
                if len(order) != self.ndim
                else "permute(): duplicate dims are not allowed."
            )
        return self._like(self._shape[i] for i in order)

    def transpose(self, dim0: int, dim1: int) -> TensorBase:
        """Swap two dimensions."""
        a, b = normalize_dim(dim0, self.ndim), normalize_dim(dim1, self.ndim)
        shape = list(self._shape)
        if shape:
            shape[a], shape[b] = shape[b], shape[a]
        return self._like(shape)

    def t(self) -> TensorBase:
        if self.ndim > 2:
            raise ShapeError(
                f"t() expects a tensor with <= 2 dimensions, but self is {self.ndim}D"
            )
        return self._like(reversed(self._shape))

    def expand(self, *sizes: Any) -> TensorBase:
        """Repeat size-1 dimensions (``-1`` keeps a size)."""
        target = _dims(sizes, "expand")
        if len(target) < self.ndim:
            raise ShapeError(
                f"expand: the number of sizes provided ({len(target)}) must be greater or "
                f"equal to the number of dimensions in the tensor ({self.ndim})"
            )
        own = (None,) * (len(target) - self.ndim) + tuple(self._shape)
        result = []
        for want, have in zip(target, own, strict=False):
            if want == -1:
                if have is None:
                    raise ShapeError(
                        "expand: -1 is not allowed in a leading, non-existing dimension"
                    )
                want = have
            elif have not in (None, 1, want):
                raise ShapeError(
                    f"The expanded size of the tensor ({want}) must match the existing "
                    f"size "
                    f"({have}) at non-singleton dimension {len(result)}. Target sizes: "
                    f"{list(target)}.  Tensor sizes: {list(self._shape)}"
                )
            result.append(want)
        return self._like(result)

    def expand_as(self, other: TensorBase) -> TensorBase:
        return self.expand(*other.shape)

    @property
    def T(self) -> TensorBase:  # noqa: N802 - PyTorch's name
        return self._like(reversed(self._shape))

    @property
    def mT(self) -> TensorBase:  # noqa: N802 - PyTorch's name
        return self.transpose(-2, -1)

    def unflatten(self, dim: int, sizes: Sequence[int]) -> TensorBase:
        axis = normalize_dim(dim, self.ndim)
        return self.view(*self._shape[:axis], *sizes, *self._shape[axis + 1 :])

    def _pieces(self, sizes: Sequence[int], axis: int) -> tuple[TensorBase, ...]:
        shape = list(self._shape)
        parts = []
        for size in sizes:
            shape[axis] = size
            parts.append(self._like(shape))
        return tuple(parts)

    def split(self, split_size_or_sections: Any, dim: int = 0) -> tuple[TensorBase, ...]:
        """Pieces of ``split_size`` along ``dim`` (the last one smaller), or pieces of
        the sizes listed, which must add up to the axis.

        >>> from convdims.torch import Tensor
        >>> [t.shape[1] for t in Tensor((2, 7)).split(3, 1)]
        [3, 3, 1]
        """
        axis = normalize_dim(dim, self.ndim)
        total = self._shape[axis]
        if isinstance(split_size_or_sections, (list, tuple)):
            sizes = [as_int("split_sizes", s) for s in split_size_or_sections]
            if sum(sizes) != total or min(sizes, default=0) < 0:
                raise ShapeError(
                    f"split_with_sizes expects split_sizes to sum exactly to {total} "
                    f"(input tensor's size at dimension {axis}), but got split_sizes="
                    f"{sizes}",
                    argument="split_size_or_sections",
                    value=split_size_or_sections,
                    valid=f"sizes adding up to {total}",
                )
            return self._pieces(sizes, axis)
        step = as_int("split_size", split_size_or_sections)
        if step <= 0 and not (step == 0 and total == 0):
            raise ShapeError(
                f"split_size can only be 0 if dimension size is 0, but got dimension size "
                f"of {total}"
                if step == 0
                else f"split expects split_size be non-negative, but got split_size={step}",
                argument="split_size_or_sections",
                value=step,
                valid="an int of at least 1",
            )
        if total == 0:
            return (self,)
        sizes = [step] * (total // step) + ([total % step] if total % step else [])
        return self._pieces(sizes, axis)

    def chunk(self, chunks: int, dim: int = 0) -> tuple[TensorBase, ...]:
        """At most ``chunks`` pieces of ``ceil(size / chunks)`` along ``dim``.

        >>> from convdims.torch import Tensor
        >>> [t.shape[0] for t in Tensor((10, 3)).chunk(4)]
        [3, 3, 3, 1]
        """
        count = as_int("chunks", chunks)
        if count <= 0:
            raise ShapeError(
                f"chunk expects `chunks` to be greater than 0, got: {count}",
                argument="chunks",
                value=chunks,
                valid="an int of at least 1",
            )
        total = self._shape[normalize_dim(dim, self.ndim)]
        return self.split(max(-(-total // count), 1) if total else 1, dim)

    def tensor_split(
        self, indices_or_sections: Any, dim: int = 0
    ) -> tuple[TensorBase, ...]:
        axis = normalize_dim(dim, self.ndim)
        total = self._shape[axis]
        if isinstance(indices_or_sections, (list, tuple)):
            bounds = [0, *(min(max(i, 0), total) for i in indices_or_sections), total]
            return self._pieces(
                [max(b - a, 0) for a, b in zip(bounds, bounds[1:], strict=False)], axis
            )
        count = as_int("sections", indices_or_sections)
        big, rest = divmod(total, count)
        return self._pieces([big + 1] * rest + [big] * (count - rest), axis)

    def unbind(self, dim: int = 0) -> tuple[TensorBase, ...]:
        """The slices along ``dim``, that axis removed."""
        axis = normalize_dim(dim, self.ndim)
        shape = self._shape[:axis] + self._shape[axis + 1 :]
        return tuple(self._like(shape) for _ in range(self._shape[axis]))

    def narrow(self, dim: int, start: int, length: int) -> TensorBase:
        axis = normalize_dim(dim, self.ndim)
        size = self._shape[axis]
        first = start + size if start < 0 else start
        if not 0 <= first <= size or length < 0 or first + length > size:
            raise ShapeError(
                f"start ({start}) + length ({length}) exceeds dimension size ({size}).",
                argument="length",
                value=length,
                valid=f"a slice inside the {size} cells of dimension {axis}",
            )
        shape = list(self._shape)
        shape[axis] = length
        return self._like(shape)

    def repeat(self, *sizes: Any) -> TensorBase:
        """Tile the tensor ``sizes`` times along each axis (leading new axes allowed)."""
        counts = _dims(sizes, "repeat")
        if len(counts) < self.ndim:
            raise ShapeError(
                "Number of dimensions of repeat dims can not be smaller than number of "
                "dimensions of tensor"
            )
        own = (1,) * (len(counts) - self.ndim) + tuple(self._shape)
        return self._like(a * b for a, b in zip(own, counts, strict=True))

    def repeat_interleave(
        self, repeats: Any, dim: int | None = None, *, output_size: int | None = None
    ) -> TensorBase:
        if isinstance(repeats, TensorBase):
            if output_size is None:
                raise _unsupported("Tensor.repeat_interleave with a tensor of repeats")
            count = None
        else:
            count = as_int("repeats", repeats)
        if dim is None:
            size = output_size if count is None else self.numel() * count
            return self._like((size,))
        axis = normalize_dim(dim, self.ndim)
        shape = list(self._shape)
        shape[axis] = output_size if count is None else shape[axis] * count
        return self._like(shape)

    # Moving, tiling and diagonals ----------------------------------------------------

    def movedim(self, source: Any, destination: Any) -> TensorBase:
        """The axes ``source`` moved to the places ``destination``, the others kept in
        order.

        >>> from convdims.torch import Tensor
        >>> Tensor((2, 3, 4)).movedim(0, -1).shape
        torch.Size([3, 4, 2])
        """
        sources = list(source) if isinstance(source, (tuple, list)) else [source]
        targets = (
            list(destination) if isinstance(destination, (tuple, list)) else [destination]
        )
        if len(sources) != len(targets):
            raise ShapeError(
                f"movedim: Invalid source or destination dims: source ({sources} dims) "
                f"should contain the same number of dims as destination ({targets} dims)",
                argument="destination",
                value=destination,
                valid=f"{len(sources)} dims, as many as source",
            )
        ndim = self.ndim
        src = [normalize_dim(d, ndim) for d in sources]
        dst = [normalize_dim(d, ndim) for d in targets]
        for name, dims, given in (("source", src, sources), ("destination", dst, targets)):
            if len(set(dims)) != len(dims):
                raise ShapeError(
                    f"movedim: repeated dim in `{name}` ({given})",
                    argument=name,
                    value=given,
                    valid="distinct dims",
                )
        order: list[int | None] = [None] * ndim
        for s, d in zip(src, dst, strict=True):
            order[d] = s
        rest = iter(i for i in range(ndim) if i not in src)
        axes = [next(rest) if o is None else o for o in order]
        return self._like(self._shape[i] for i in axes) if ndim else self._like(())

    moveaxis = movedim

    def swapdims(self, dim0: int, dim1: int) -> TensorBase:
        """``transpose``: swap two axes."""
        return self.transpose(dim0, dim1)  # type: ignore[attr-defined]

    swapaxes = swapdims

    def tile(self, *dims: Any) -> TensorBase:
        """``repeat``, with fewer counts than axes allowed (ones are put in front).

        >>> from convdims.torch import Tensor
        >>> Tensor((2, 3)).tile(2).shape
        torch.Size([2, 6])
        """
        counts = _dims(dims, "tile")
        counts = (1,) * (self.ndim - len(counts)) + tuple(counts)
        return self.repeat(*counts)  # type: ignore[attr-defined]

    def broadcast_to(self, size: Any) -> TensorBase:
        """``expand`` to ``size``."""
        return self.expand(*_dims((size,), "broadcast_to"))  # type: ignore[attr-defined]

    def diagonal(self, offset: int = 0, dim1: int = 0, dim2: int = 1) -> TensorBase:
        """The diagonal of the plane ``(dim1, dim2)``, ``offset`` above the main one:
        those axes removed and the diagonal's length put last."""
        a, b = normalize_dim(dim1, self.ndim), normalize_dim(dim2, self.ndim)
        if a == b:
            raise ShapeError(
                f"diagonal dimensions cannot be identical {dim1}, {dim2}",
                argument="dim2",
                value=dim2,
                valid=f"a dim other than {dim1}",
            )
        rows, cols = self._shape[a], self._shape[b]
        k = as_int("offset", offset)
        length = max(min(rows, cols - k) if k >= 0 else min(rows + k, cols), 0)
        rest = [s for i, s in enumerate(self._shape) if i not in (a, b)]
        return self._like((*rest, length))

    def diag(self, diagonal: int = 0) -> TensorBase:
        """A vector's square matrix with it on a diagonal, or a matrix's diagonal."""
        k = as_int("diagonal", diagonal)
        if self.ndim == 1:
            side = self._shape[0] + abs(k)
            return self._like((side, side))
        if self.ndim == 2:
            return self.diagonal(k)
        raise ShapeError(
            f"diag(): Supports 1D or 2D tensors. Got {self.ndim}D",
            value=tuple(self._shape),
            valid="a 1-D or 2-D tensor",
        )

    def diag_embed(self, offset: int = 0, dim1: int = -2, dim2: int = -1) -> TensorBase:
        """The last axis laid on the diagonal of a new plane ``(dim1, dim2)``."""
        side = self._shape[-1] + abs(as_int("offset", offset)) if self.ndim else 1
        ndim = self.ndim + 1
        a, b = normalize_dim(dim1, ndim), normalize_dim(dim2, ndim)
        if a == b:
            raise ShapeError(
                f"diagonal dimensions cannot be identical {dim1}, {dim2}",
                argument="dim2",
            )
        rest = iter(self._shape[:-1])
        return self._like(side if i in (a, b) else next(rest) for i in range(ndim))

    def rot90(self, k: int = 1, dims: Any = (0, 1)) -> TensorBase:
        """A quarter turn ``k`` times in the plane ``dims``: an odd ``k`` swaps the
        two sizes."""
        axes = list(dims)
        if len(axes) != 2:
            raise ShapeError(
                f"expected total rotation dims == 2, but got dims = {len(axes)}",
                argument="dims",
                value=dims,
                valid="two dims",
            )
        if self.ndim < 2:
            raise ShapeError(
                f"expected total dims >= 2, but got total dims = {self.ndim}",
                value=tuple(self._shape),
                valid="a tensor of 2 or more dimensions",
            )
        a, b = (normalize_dim(d, self.ndim) for d in axes)
        if a == b:
            raise ShapeError(
                f"expected rotation dims to be different, but got dim0 = {a} and dim1 = "
                f"{b}",
                argument="dims",
                value=dims,
                valid="two different dims",
            )
        if as_int("k", k) % 2 == 0:
            return self._like(self._shape)
        return self.transpose(a, b)  # type: ignore[attr-defined]

    def unfold(self, dimension: int, size: int, step: int) -> TensorBase:
        """The windows of ``size`` every ``step`` along ``dimension``: that axis holds
        the window count and a last axis of ``size`` is added."""
        axis = normalize_dim(dimension, self.ndim)
        length = self._shape[axis] if self.ndim else 1
        if size > length:
            raise ShapeError(
                f"maximum size for tensor at dimension {axis} is {length} but size is "
                f"{size}",
                argument="size",
                value=size,
                valid=f"at most {length}",
            )
        if step <= 0:
            raise ShapeError(f"step is {step} but must be > 0", argument="step", value=step)
        shape = list(self._shape)
        if shape:
            shape[axis] = (length - size) // step + 1
        return self._like((*shape, size))

    def ravel(self) -> TensorBase:
        """The elements in one axis."""
        return self._like((self.numel(),))

    def diagflat(self, offset: int = 0) -> TensorBase:
        """The flattened input on a diagonal of a square matrix."""
        side = self.numel() + abs(as_int("offset", offset))
        return self._like((side, side))

    def _split_at(self, sections: Any, axis: int, name: str) -> tuple[TensorBase, ...]:
        need = {"hsplit": 1, "vsplit": 2, "dsplit": 3}[name]
        if self.ndim < need:
            raise ShapeError(
                f"torch.{name} requires a tensor with at least {need} dimension, but got "
                f"a tensor with {self.ndim} dimensions!",
                value=tuple(self._shape),
                valid=f"a tensor of at least {need} dimensions",
            )
        if isinstance(sections, int) and self._shape[axis] % sections:
            raise ShapeError(
                f"torch.{name} attempted to split along dimension {axis}, but the size "
                f"of the dimension {self._shape[axis]} is not divisible by the "
                f"split_size {sections}!",
                argument="sections",
                value=sections,
                valid=f"a divisor of {self._shape[axis]}",
            )
        return self.tensor_split(sections, axis)  # type: ignore[attr-defined]

    def hsplit(self, sections: Any) -> tuple[TensorBase, ...]:
        """``tensor_split`` along axis 1 (axis 0 of a 1-D tensor)."""
        return self._split_at(sections, 0 if self.ndim == 1 else 1, "hsplit")

    def vsplit(self, sections: Any) -> tuple[TensorBase, ...]:
        """``tensor_split`` along axis 0 of a tensor of 2 or more dimensions."""
        return self._split_at(sections, 0, "vsplit")

    def dsplit(self, sections: Any) -> tuple[TensorBase, ...]:
        """``tensor_split`` along axis 2 of a tensor of 3 or more dimensions."""
        return self._split_at(sections, 2, "dsplit")

    # Linear algebra -------------------------------------------------------------------

    def _matrices(self, op: str, square: bool = False) -> tuple[int, int]:
        if self.ndim < 2:
            raise ShapeError(
                f"linalg.{op}: The input tensor A must have at least 2 dimensions.",
                value=tuple(self._shape),
                valid="a batch of matrices",
            )
        rows, cols = self._shape[-2], self._shape[-1]
        if square and rows != cols:
            raise ShapeError(
                f"linalg.{op}: A must be batches of square matrices, but they are {rows} "
                f"by {cols} matrices",
                value=tuple(self._shape),
                valid="a batch of square matrices",
            )
        return rows, cols

    def det(self) -> TensorBase:
        """The determinant of each square matrix: the batch shape."""
        self._matrices("det", square=True)
        return self._like(self._shape[:-2])

    def logdet(self) -> TensorBase:
        """The log-determinant of each square matrix: the batch shape."""
        self._matrices("det", square=True)
        return self._like(self._shape[:-2])

    def inverse(self) -> TensorBase:
        """The inverse of each square matrix: the input's shape."""
        self._matrices("inv", square=True)
        return self._like(self._shape)

    def pinverse(self, rcond: float = 1e-15) -> TensorBase:
        """The pseudo-inverse of each ``(m, n)`` matrix: ``(n, m)``."""
        rows, cols = self._matrices("pinv")
        return self._like((*self._shape[:-2], cols, rows))

    def svd(self, some: bool = True, compute_uv: bool = True) -> Any:
        """``(U, S, V)`` of each ``(m, n)`` matrix (reduced when ``some``)."""
        rows, cols = self._matrices("svd")
        batch, k = self._shape[:-2], min(rows, cols)
        u = (rows, k) if some else (rows, rows)
        v = (cols, k) if some else (cols, cols)
        return (
            self._like((*batch, *u)),
            self._like((*batch, k)),
            self._like((*batch, *v)),
        )

    def cov(
        self, *, correction: int = 1, fweights: Any = None, aweights: Any = None
    ) -> Any:
        """The covariance of the rows of a 1-D or 2-D input: ``(rows, rows)``."""
        if self.ndim > 2:
            raise ShapeError(
                "cov(): expected input to have two or fewer dimensions but got an input "
                f"with {self.ndim} dimensions",
                value=tuple(self._shape),
                valid="a tensor of at most 2 dimensions",
            )
        rows = self._shape[0] if self.ndim == 2 else 1
        return self._like(() if self.ndim < 2 else (rows, rows))

    def quantile(
        self,
        q: Any,
        dim: int | None = None,
        keepdim: bool = False,
        *,
        interpolation: str = "linear",
    ) -> TensorBase:
        """The ``q``-quantiles over ``dim`` (of the flattened input when None); a 1-D
        ``q`` puts its length first."""
        lead = tuple(q._shape) if isinstance(q, TensorBase) else ()
        if dim is None:
            rest: tuple[int, ...] = (1,) * self.ndim if keepdim else ()
        else:
            axis = normalize_dim(dim, self.ndim)
            shape = list(self._shape)
            if keepdim:
                shape[axis] = 1
            else:
                del shape[axis]
            rest = tuple(shape)
        return self._like((*lead, *rest))

    nanquantile = quantile

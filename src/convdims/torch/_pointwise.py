"""``Tensor``'s elementwise methods beyond arithmetic (``isnan``, ``trunc``,
``logical_not``, ``lerp``, ``addcmul``...) and its matrix products (``mm``, ``mv``,
``outer``, ``dot``, ``addmm``...): each gives PyTorch's shape and dtype and refuses
what PyTorch refuses, with its message.

>>> from convdims.torch import Tensor
>>> x = Tensor((2, 3))
>>> x.isnan().dtype, x.mm(Tensor((3, 5))).shape, Tensor((3,)).outer(Tensor((4,))).shape
(torch.bool, torch.Size([2, 5]), torch.Size([3, 4]))
"""

from __future__ import annotations

import numbers

from convdims.torch._sizes import broadcast_shapes
from convdims.torch._tensor_base import TensorBase
from convdims.torch.dtypes import ALIASES as _ALIASES
from convdims.torch.errors import ShapeError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


_bool = _ALIASES["bool"]


def _shape_of(value: Any, what: str) -> tuple[int, ...]:
    """The shape of an operand: a tensor's, ``()`` for a number; else PyTorch's
    TypeError."""
    if isinstance(value, TensorBase):
        return tuple(value._shape)
    if isinstance(value, (numbers.Number, bool)):
        return ()
    from convdims.errors import ArgumentTypeError

    raise ArgumentTypeError(
        f"{what}(): argument must be a Tensor or a number, not {type(value).__name__}",
        argument=what,
        value=value,
        valid="a Tensor or a number",
    )


class PointwiseMethods(TensorBase):
    """The elementwise methods and matrix products of ``convdims.torch.Tensor``."""

    __slots__ = ()

    # Same shape, same dtype -------------------------------------------------------------

    def _keep(self, *args: Any, **kwargs: Any) -> TensorBase:
        return self

    trunc = trunc_ = fix = fix_ = frac = frac_ = negative = negative_ = _keep
    expm1 = expm1_ = exp2 = exp2_ = log10 = log10_ = log2_ = log1p_ = _keep
    sinh = cosh = tan = atan = asin = acos = asinh = acosh = atanh = arctan = _keep
    sinh_ = cosh_ = tan_ = atan_ = asin_ = acos_ = sin_ = cos_ = tanh_ = _keep
    sgn = sgn_ = nan_to_num = nan_to_num_ = erfinv = erfinv_ = logit = logit_ = _keep
    bitwise_not = bitwise_not_ = logical_not_ = reciprocal_ = square_ = rsqrt_ = _keep
    floor_ = ceil_ = round_ = sign_ = erf_ = log_ = sigmoid_ = _keep
    relu6 = hardsigmoid = hardswish = mish = elu = leaky_relu = softplus = _keep
    absolute = absolute_ = arccos = arcsin = arcsinh = arccosh = arctanh = _keep
    conj = resolve_conj = resolve_neg = deg2rad = rad2deg = digamma = erfc = _keep
    i0 = lgamma = sinc = renorm = renorm_ = logcumsumexp = msort = _keep

    # Same shape, bool ---------------------------------------------------------------

    def _predicate(self, *args: Any, **kwargs: Any) -> TensorBase:
        return self._plain(tuple(self._shape), _bool)

    isnan = isinf = isfinite = isposinf = isneginf = isreal = signbit = _predicate
    logical_not = _predicate

    # Broadcast with the others -------------------------------------------------------

    def _broadcast(self, *others: Any, what: str) -> TensorBase:
        shapes = [_shape_of(o, what) for o in others]
        return self._like(broadcast_shapes(self._shape, *shapes))

    def _broadcast_binary(self, other: Any, *args: Any, **kwargs: Any) -> TensorBase:
        return self._broadcast(other, what="other")

    hypot = xlogy = floor_divide = true_divide = multiply = subtract = _broadcast_binary
    heaviside = gcd = lcm = logaddexp = logaddexp2 = _broadcast_binary
    fmax = fmin = copysign = bitwise_and = bitwise_or = bitwise_xor = _broadcast_binary
    arctan2 = nextafter = ldexp = float_power = _broadcast_binary

    def _broadcast_in_place(self, other: Any, *args: Any, **kwargs: Any) -> TensorBase:
        result = self._broadcast(other, what="other")
        if tuple(result._shape) != tuple(self._shape):
            raise ShapeError(
                f"output with shape {list(self._shape)} doesn't match the broadcast "
                f"shape {list(result._shape)}"
            )
        return self

    hypot_ = xlogy_ = floor_divide_ = true_divide_ = multiply_ = subtract_ = (
        _broadcast_in_place
    )
    fmod_ = remainder_ = atan2_ = lerp_ = addcmul_ = addcdiv_ = _broadcast_in_place

    def isclose(
        self, other: Any, rtol: float = 1e-05, atol: float = 1e-08, equal_nan: bool = False
    ) -> TensorBase:
        """Elementwise closeness: the broadcast shape, bool."""
        shape = self._broadcast(other, what="other")._shape
        return self._plain(tuple(shape), _bool)

    def isin(
        self, test_elements: Any, *, assume_unique: bool = False, invert: bool = False
    ) -> TensorBase:
        """Whether each element is among ``test_elements``: the input's shape, bool."""
        return self._plain(tuple(self._shape), _bool)

    def cross(self, other: TensorBase, dim: int | None = None) -> TensorBase:
        """The cross product along ``dim`` (of size 3), the inputs broadcast; without
        ``dim``, the first axis of size 3, with PyTorch's warning."""
        from convdims.torch._sizes import normalize_dim

        rank = max(self.ndim, other.ndim)
        shape = [
            max(a, b)
            for a, b in zip(
                (1,) * (rank - self.ndim) + tuple(self._shape),
                (1,) * (rank - other.ndim) + tuple(other._shape),
                strict=True,
            )
        ]
        if dim is None:
            import warnings

            warnings.warn(
                "Using torch.cross without specifying the dim arg is deprecated.\n"
                "Please either pass the dim explicitly or simply use torch.linalg.cross."
                "\nThe default value of dim will change to agree with that of "
                "linalg.cross in a future release.",
                UserWarning,
                stacklevel=2,
            )
            sizes = [i for i, s in enumerate(shape) if s == 3]
            if not sizes:
                raise ShapeError("no dimension of size 3 in input", argument="input")
            axis = sizes[0]
        else:
            axis = normalize_dim(dim, len(shape))
        a = self._shape[axis - len(shape) + self.ndim] if self.ndim else 1
        b = other._shape[axis - len(shape) + other.ndim] if other.ndim else 1
        if a != 3 or b != 3:
            raise ShapeError(
                f"linalg.cross: inputs dimension {axis} must have length 3. Got {a} and "
                f"{b}",
                argument="dim",
                value=dim,
                valid="an axis of size 3 in both inputs",
            )
        return self._like(broadcast_shapes(self._shape, other._shape))

    def dist(self, other: TensorBase, p: Any = 2) -> TensorBase:
        """The p-norm of ``self - other`` (they broadcast): a 0-d tensor."""
        broadcast_shapes(self._shape, other._shape)
        return self._like(())

    def lerp(self, end: Any, weight: Any) -> TensorBase:
        """``self + weight * (end - self)``: the broadcast shape."""
        return self._broadcast(end, weight, what="lerp")

    def addcmul(self, tensor1: Any, tensor2: Any, *, value: Any = 1) -> TensorBase:
        """``self + value * tensor1 * tensor2``: the broadcast shape."""
        return self._broadcast(tensor1, tensor2, what="addcmul")

    def addcdiv(self, tensor1: Any, tensor2: Any, *, value: Any = 1) -> TensorBase:
        """``self + value * tensor1 / tensor2``: the broadcast shape."""
        return self._broadcast(tensor1, tensor2, what="addcdiv")

    def where(self, condition: Any, other: Any) -> TensorBase:
        """``self`` where ``condition`` holds, else ``other``: the broadcast shape."""
        return self._broadcast(condition, other, what="where")

    # Matrix products -----------------------------------------------------------------

    def mm(self, mat2: TensorBase) -> TensorBase:
        """``(n, m) @ (m, p)``: both must be matrices."""
        if self.ndim != 2:
            raise ShapeError("self must be a matrix", argument="input")
        if mat2.ndim != 2:
            raise ShapeError("mat2 must be a matrix", argument="mat2")
        (n, m), (m2, p) = self._shape, mat2._shape
        if m != m2:
            raise ShapeError(
                f"mat1 and mat2 shapes cannot be multiplied ({n}x{m} and {m2}x{p})",
                argument="mat2",
                value=tuple(mat2._shape),
                valid=f"a matrix of {m} rows",
            )
        return self._like((n, p))

    def mv(self, vec: TensorBase) -> TensorBase:
        """``(n, m) @ (m,)``."""
        if self.ndim != 2 or vec.ndim != 1:
            raise ShapeError(
                f"vector + matrix @ vector expected, got 1, {self.ndim}, {vec.ndim}",
                argument="vec",
            )
        n, m = self._shape
        if vec._shape[0] != m:
            raise ShapeError(
                f"size mismatch, got input ({n}), mat ({n}x{m}), vec ({vec._shape[0]})",
                argument="vec",
                value=tuple(vec._shape),
                valid=f"a vector of {m} elements",
            )
        return self._like((n,))

    def outer(self, vec2: TensorBase) -> TensorBase:
        """``(n,)`` and ``(m,)`` give ``(n, m)``."""
        for name, vector in (("self", self), ("vec2", vec2)):
            if vector.ndim != 1:
                raise ShapeError(
                    f"outer: Expected 1-D argument {name}, but got {vector.ndim}-D",
                    argument=name,
                )
        return self._like((self._shape[0], vec2._shape[0]))

    ger = outer

    def dot(self, tensor: TensorBase) -> TensorBase:
        """Two vectors of one length give a 0-d tensor."""
        if self.ndim != 1 or tensor.ndim != 1:
            raise ShapeError(
                f"1D tensors expected, but got {self.ndim}D and {tensor.ndim}D tensors",
                argument="tensor",
            )
        a, b = self._shape[0], tensor._shape[0]
        if a != b:
            raise ShapeError(
                f"inconsistent tensor size, expected tensor [{a}] and src [{b}] to have "
                f"the same number of elements, but got {a} and {b} elements respectively",
                argument="tensor",
                value=tuple(tensor._shape),
                valid=f"a vector of {a} elements",
            )
        return self._like(())

    vdot = dot

    def inner(self, other: TensorBase) -> TensorBase:
        """Sums over the last axes: ``(*a, k)`` and ``(*b, k)`` give ``(*a, *b)``."""
        if self.ndim == 0 or other.ndim == 0:
            return self._like(other._shape if self.ndim == 0 else self._shape)
        if self._shape[-1] != other._shape[-1]:
            raise ShapeError(
                "inner() the last dimension must match on both input tensors but got "
                f"shapes {list(self._shape)} and {list(other._shape)}",
                argument="other",
            )
        return self._like((*self._shape[:-1], *other._shape[:-1]))

    def trace(self) -> TensorBase:
        """The sum of a matrix's diagonal: a 0-d tensor."""
        if self.ndim != 2:
            raise ShapeError(
                f"trace: expected a matrix, but got tensor with dim {self.ndim}"
            )
        return self._like(())

    def _added_product(self, product: TensorBase) -> TensorBase:
        """``beta * self + alpha * product``: ``self`` must expand to the product."""
        target = tuple(product._shape)
        own = tuple(self._shape)
        if len(own) > len(target):
            raise ShapeError(
                f"expand(torch.FloatTensor{{{list(own)}}}, size={list(target)}): the "
                f"number of sizes provided ({len(target)}) must be greater or equal to "
                f"the number of dimensions in the tensor ({len(own)})",
                argument="input",
                value=own,
                valid=f"a shape that broadcasts to {list(target)}",
            )
        for i in range(1, len(own) + 1):
            have, want = own[-i], target[-i]
            if have not in (1, want):
                raise ShapeError(
                    f"The expanded size of the tensor ({want}) must match the existing "
                    f"size ({have}) at non-singleton dimension {len(target) - i}.  "
                    f"Target sizes: {list(target)}.  Tensor sizes: {list(own)}",
                    argument="input",
                    value=own,
                    valid=f"a shape that broadcasts to {list(target)}",
                )
        return product

    def addmm(
        self, mat1: TensorBase, mat2: TensorBase, *, beta: Any = 1, alpha: Any = 1
    ) -> TensorBase:
        """``beta * self + alpha * (mat1 @ mat2)``."""
        return self._added_product(mat1.mm(mat2))

    def addmv(
        self, mat: TensorBase, vec: TensorBase, *, beta: Any = 1, alpha: Any = 1
    ) -> TensorBase:
        """``beta * self + alpha * (mat @ vec)``."""
        return self._added_product(mat.mv(vec))

    def baddbmm(
        self, batch1: TensorBase, batch2: TensorBase, *, beta: Any = 1, alpha: Any = 1
    ) -> TensorBase:
        """``beta * self + alpha * (batch1 @ batch2)`` of 3-D batches."""
        return self._added_product(_bmm(batch1, batch2))


def _bmm(a: TensorBase, b: TensorBase) -> TensorBase:
    """``(b, n, m) @ (b, m, p)``: both 3-D, the same batch."""
    for name, batch in (("batch1", a), ("batch2", b)):
        if batch.ndim != 3:
            raise ShapeError(f"{name} must be a 3D tensor", argument=name)
    (bs, n, m), (bs2, m2, p) = a._shape, b._shape
    if bs != bs2 or m != m2:
        raise ShapeError(
            f"Expected size for first two dimensions of batch2 tensor to be: [{bs}, {m}] "
            f"but got: [{bs2}, {m2}].",
            argument="batch2",
        )
    return a._like((bs, n, p))

"""The lazy modules (``nn.LazyLinear``, ``nn.LazyConv2d``, ``nn.LazyBatchNorm2d``...):
their input size (``in_features``, ``in_channels``, ``num_features``) is taken from
the first input, as PyTorch does; until then their parameters are uninitialized (a
count of them is refused) and they print with a size of 0. At the first call each
becomes the module it stands for (``LazyLinear`` a ``Linear``), so the summary's rows
and ``print(model)`` show the ``Linear``, as torchinfo and PyTorch do.

>>> from convdims import torch
>>> from convdims.torch import nn
>>> layer = nn.LazyLinear(10)
>>> layer
LazyLinear(in_features=0, out_features=10, bias=True)
>>> layer(torch.empty(2, 5)).shape, layer
(torch.Size([2, 10]), Linear(in_features=5, out_features=10, bias=True))
"""

from __future__ import annotations

from convdims.torch.nn import module as _module
from convdims.torch.nn.conv import (
    Conv1d,
    Conv2d,
    Conv3d,
    ConvTranspose1d,
    ConvTranspose2d,
    ConvTranspose3d,
)
from convdims.torch.nn.linear import Linear
from convdims.torch.nn.module import Module, Parameter
from convdims.torch.nn.normalization import (
    BatchNorm1d,
    BatchNorm2d,
    BatchNorm3d,
    InstanceNorm1d,
    InstanceNorm2d,
    InstanceNorm3d,
)
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar

__all__ = [
    "LazyBatchNorm1d",
    "LazyBatchNorm2d",
    "LazyBatchNorm3d",
    "LazyConv1d",
    "LazyConv2d",
    "LazyConv3d",
    "LazyConvTranspose1d",
    "LazyConvTranspose2d",
    "LazyConvTranspose3d",
    "LazyInstanceNorm1d",
    "LazyInstanceNorm2d",
    "LazyInstanceNorm3d",
    "LazyLinear",
    "LazyModuleMixin",
    "UninitializedBuffer",
    "UninitializedParameter",
]

_UNINITIALIZED = (
    "Attempted to use an uninitialized parameter in <method 'numel' of "
    "'torch._C.TensorBase' objects>. This error happens when you are using a "
    "`LazyModule` or explicitly manipulating `torch.nn.parameter.UninitializedParameter` "
    "objects. When using LazyModules Call `forward` with a dummy batch to initialize the "
    "parameters before calling torch functions"
)


def _no_shape() -> Exception:
    from convdims.torch.errors import ShapeError

    return ShapeError(
        "Can't access the shape of an uninitialized parameter or buffer. This error "
        "usually happens in `load_state_dict` when trying to load an uninitialized "
        "parameter into an initialized one. Call `forward` to initialize the parameters "
        "before accessing their attributes.",
        argument="input",
        valid="a first call of the lazy module, which gives its parameters a shape",
    )


class UninitializedParameter(Parameter):
    """``torch.nn.parameter.UninitializedParameter``: a parameter of no shape yet;
    counting its elements is refused, as in PyTorch."""

    __slots__ = ()

    def numel(self) -> int:
        raise ValueError(_UNINITIALIZED)

    @property
    def shape(self) -> Any:
        raise _no_shape()

    def __repr__(self) -> str:
        return "<UninitializedParameter>"


class UninitializedBuffer(Tensor):
    """``torch.nn.parameter.UninitializedBuffer``: a buffer of no shape yet."""

    __slots__ = ()

    def numel(self) -> int:
        raise ValueError(_UNINITIALIZED)

    @property
    def shape(self) -> Any:
        raise _no_shape()

    def __repr__(self) -> str:
        return "<UninitializedBuffer>"


def _infer(module: Module, args: tuple[Any, ...]) -> None:
    """A lazy module's own forward pre-hook, as PyTorch registers it: the first call
    gives the sizes, the module becomes its ``cls_to_become``, and the hook goes."""
    handle = module.__dict__.get("_lazy_handle")
    module._materialize(args[0] if args else None)  # type: ignore[attr-defined]
    if handle is not None:
        handle.remove()
    _recount(module)


def _recount(module: Module) -> None:
    """A summary running now (``convdims.torch.tracing.Trace``: the recorder, or the
    owner of global hooks) counted the parameters of the calls that began before this
    module had any: it counts them again."""
    owners = [_module._recorder[0]]
    owners += [
        getattr(h, "__self__", None) for h in _module._global_forward_pre_hooks.values()
    ]
    for owner in owners:
        recount = getattr(owner, "recount", None)
        if recount is not None:
            recount(module)


class LazyModuleMixin:
    """``torch.nn.modules.lazy.LazyModuleMixin``: what the lazy modules share. A
    subclass names ``cls_to_become`` and how the input size is read."""

    cls_to_become: ClassVar[type[Module]]
    #: The constructor argument the first input gives (``in_features``...).
    _inferred: ClassVar[str]

    def _register_lazy(self, arguments: dict[str, Any]) -> None:
        self.__dict__["_lazy_arguments"] = arguments
        for name, value in list(self._parameters.items()):  # type: ignore[attr-defined]
            if value is not None:
                self._parameters[name] = UninitializedParameter._new((0,), value.dtype)  # type: ignore[attr-defined]
        for name, value in list(self._buffers.items()):  # type: ignore[attr-defined]
            if value is not None and name != "num_batches_tracked":
                self._buffers[name] = UninitializedBuffer._of((0,), value.dtype)  # type: ignore[attr-defined]
        self.__dict__["_lazy_handle"] = self.register_forward_pre_hook(_infer)  # type: ignore[attr-defined]

    def has_uninitialized_params(self) -> bool:
        """Whether the first call has yet to come."""
        return "_lazy_handle" in self.__dict__

    def _input_size(self, input: Tensor) -> int:  # noqa: A002 - PyTorch's name
        return input.shape[1]

    def _materialize(self, input: Any) -> None:  # noqa: A002
        if not isinstance(input, Tensor):
            raise TypeError(
                f"{type(self).__name__}: the first call needs a tensor to infer its "
                f"{self._inferred} from, got {type(input).__name__}"
            )
        arguments = dict(self.__dict__["_lazy_arguments"])
        arguments[self._inferred] = self._input_size(input)
        built = self.cls_to_become(**arguments)
        keep = {
            k: self.__dict__[k]
            for k in ("_forward_hooks", "_forward_pre_hooks", "training")
            if k in self.__dict__
        }
        self.__dict__.clear()
        self.__dict__.update(built.__dict__)
        self.__dict__.update(keep)
        self.__class__ = self.cls_to_become  # type: ignore[assignment]

    def initialize_parameters(self, *args: Any, **kwargs: Any) -> None:
        """Infer the sizes from an input now (the first call does it otherwise)."""
        handle = self.__dict__.get("_lazy_handle")
        if handle is not None:
            self._materialize(args[0] if args else None)
            handle.remove()


class _LazyConv(LazyModuleMixin):
    _inferred = "in_channels"
    _spatial: ClassVar[int]

    def _input_size(self, input: Tensor) -> int:  # noqa: A002
        unbatched = self._spatial + 1
        if input.ndim not in (unbatched, unbatched + 1):
            from convdims.torch.errors import ShapeError

            raise ShapeError(
                f"Expected {unbatched}D (unbatched) or {unbatched + 1}D (batched) input "
                f"to {type(self).__name__}, but got input of size: {input.shape}",
                value=tuple(input.shape),
                valid=f"a {unbatched}-D or {unbatched + 1}-D tensor",
            )
        channels = input.shape[1] if input.ndim == unbatched + 1 else input.shape[0]
        groups = self.__dict__["_lazy_arguments"]["groups"]
        if channels % groups:
            raise ValueError("in_channels must be divisible by groups")
        return channels


def _init_conv(self: Any, target: type[Module], arguments: dict[str, Any]) -> None:
    """The convolution of 0 input channels; PyTorch checks ``groups`` against the
    channels only at the first call (its lazy convolution skips the check when it is
    built), so a ``groups`` that does not divide them is kept and refused then."""
    try:
        target.__init__(self, 0, **arguments)
    except ValueError:
        target.__init__(self, 0, **{**arguments, "groups": 1})
        self.__dict__["groups"] = arguments["groups"]
    self._register_lazy(arguments)


def _lazy_conv(target: type[Module], spatial: int) -> type:
    class LazyConv(_LazyConv, target):  # type: ignore[valid-type, misc]
        cls_to_become = target
        _spatial = spatial

        def __init__(
            self,
            out_channels: int,
            kernel_size: Any,
            stride: Any = 1,
            padding: Any = 0,
            dilation: Any = 1,
            groups: int = 1,
            bias: bool = True,
            padding_mode: str = "zeros",
            device: Any = None,
            dtype: Any = None,
        ) -> None:
            arguments = dict(
                out_channels=out_channels,
                kernel_size=kernel_size,
                stride=stride,
                padding=padding,
                dilation=dilation,
                groups=groups,
                bias=bias,
                padding_mode=padding_mode,
                device=device,
                dtype=dtype,
            )
            _init_conv(self, target, arguments)

    return LazyConv


def _lazy_conv_transpose(target: type[Module], spatial: int) -> type:
    class LazyConvTranspose(_LazyConv, target):  # type: ignore[valid-type, misc]
        cls_to_become = target
        _spatial = spatial

        def __init__(
            self,
            out_channels: int,
            kernel_size: Any,
            stride: Any = 1,
            padding: Any = 0,
            output_padding: Any = 0,
            groups: int = 1,
            bias: bool = True,
            dilation: int = 1,
            padding_mode: str = "zeros",
            device: Any = None,
            dtype: Any = None,
        ) -> None:
            arguments = dict(
                out_channels=out_channels,
                kernel_size=kernel_size,
                stride=stride,
                padding=padding,
                output_padding=output_padding,
                groups=groups,
                bias=bias,
                dilation=dilation,
                padding_mode=padding_mode,
                device=device,
                dtype=dtype,
            )
            _init_conv(self, target, arguments)

    return LazyConvTranspose


class _LazyNorm(LazyModuleMixin):
    _inferred = "num_features"


def _lazy_norm(target: type[Module]) -> type:
    class LazyNorm(_LazyNorm, target):  # type: ignore[valid-type, misc]
        cls_to_become = target

        def __init__(
            self,
            eps=1e-05,  # noqa: ANN001 - PyTorch's signature has no annotations
            momentum=0.1,  # noqa: ANN001
            affine=True,  # noqa: ANN001
            track_running_stats=True,  # noqa: ANN001
            device=None,  # noqa: ANN001
            dtype=None,  # noqa: ANN001
            *,
            bias=True,  # noqa: ANN001
        ) -> None:
            arguments = dict(
                eps=eps,
                momentum=momentum,
                affine=affine,
                track_running_stats=track_running_stats,
                device=device,
                dtype=dtype,
                bias=bias,
            )
            target.__init__(self, 0, **arguments)
            self._register_lazy(arguments)

    return LazyNorm


def _named(cls: type, name: str, doc: str) -> type:
    cls.__name__ = cls.__qualname__ = name
    cls.__module__ = __name__
    cls.__doc__ = doc
    return cls


class LazyLinear(LazyModuleMixin, Linear):
    """``torch.nn.LazyLinear``: a ``Linear`` whose ``in_features`` is the first
    input's last size."""

    cls_to_become = Linear
    _inferred = "in_features"

    def __init__(
        self, out_features: int, bias: bool = True, device: Any = None, dtype: Any = None
    ) -> None:
        arguments = dict(out_features=out_features, bias=bias, device=device, dtype=dtype)
        Linear.__init__(self, 0, **arguments)
        self._register_lazy(arguments)

    def _input_size(self, input: Tensor) -> int:  # noqa: A002
        return input.shape[-1] if input.ndim else 1


LazyConv1d = _named(
    _lazy_conv(Conv1d, 1),
    "LazyConv1d",
    "``torch.nn.LazyConv1d``: a ``Conv1d`` whose ``in_channels`` is the first input's.",
)
LazyConv2d = _named(
    _lazy_conv(Conv2d, 2),
    "LazyConv2d",
    "``torch.nn.LazyConv2d``: a ``Conv2d`` whose ``in_channels`` is the first input's.",
)
LazyConv3d = _named(
    _lazy_conv(Conv3d, 3),
    "LazyConv3d",
    "``torch.nn.LazyConv3d``: a ``Conv3d`` whose ``in_channels`` is the first input's.",
)
LazyConvTranspose1d = _named(
    _lazy_conv_transpose(ConvTranspose1d, 1),
    "LazyConvTranspose1d",
    "``torch.nn.LazyConvTranspose1d``: a ``ConvTranspose1d`` whose ``in_channels`` is "
    "the first input's.",
)
LazyConvTranspose2d = _named(
    _lazy_conv_transpose(ConvTranspose2d, 2),
    "LazyConvTranspose2d",
    "``torch.nn.LazyConvTranspose2d``: a ``ConvTranspose2d`` whose ``in_channels`` is "
    "the first input's.",
)
LazyConvTranspose3d = _named(
    _lazy_conv_transpose(ConvTranspose3d, 3),
    "LazyConvTranspose3d",
    "``torch.nn.LazyConvTranspose3d``: a ``ConvTranspose3d`` whose ``in_channels`` is "
    "the first input's.",
)
LazyBatchNorm1d = _named(
    _lazy_norm(BatchNorm1d),
    "LazyBatchNorm1d",
    "``torch.nn.LazyBatchNorm1d``: a ``BatchNorm1d`` of the first input's channels.",
)
LazyBatchNorm2d = _named(
    _lazy_norm(BatchNorm2d),
    "LazyBatchNorm2d",
    "``torch.nn.LazyBatchNorm2d``: a ``BatchNorm2d`` of the first input's channels.",
)
LazyBatchNorm3d = _named(
    _lazy_norm(BatchNorm3d),
    "LazyBatchNorm3d",
    "``torch.nn.LazyBatchNorm3d``: a ``BatchNorm3d`` of the first input's channels.",
)
LazyInstanceNorm1d = _named(
    _lazy_norm(InstanceNorm1d),
    "LazyInstanceNorm1d",
    "``torch.nn.LazyInstanceNorm1d``: an ``InstanceNorm1d`` of the first input's channels.",
)
LazyInstanceNorm2d = _named(
    _lazy_norm(InstanceNorm2d),
    "LazyInstanceNorm2d",
    "``torch.nn.LazyInstanceNorm2d``: an ``InstanceNorm2d`` of the first input's channels.",
)
LazyInstanceNorm3d = _named(
    _lazy_norm(InstanceNorm3d),
    "LazyInstanceNorm3d",
    "``torch.nn.LazyInstanceNorm3d``: an ``InstanceNorm3d`` of the first input's channels.",
)

"""``F.conv1d/2d/3d`` and ``F.conv_transpose1d/2d/3d``: the layer's arithmetic, with the
weight's shape giving the channels and the kernel (as PyTorch's functional convolutions
do, and as ``Conv2dStaticSamePadding``-style modules call them in ``forward``).

>>> from convdims.torch import empty
>>> from convdims.torch.nn import functional as F
>>> F.conv2d(empty(1, 3, 9, 9), empty(4, 3, 3, 3), stride=[2]).shape
torch.Size([1, 4, 4, 4])
>>> F.conv_transpose2d(empty(1, 4, 4, 4), empty(4, 2, 3, 3), stride=2).shape
torch.Size([1, 2, 9, 9])
"""

from __future__ import annotations

from convdims.torch.errors import ShapeError
from convdims.torch.nn import conv
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_LAYERS = {
    (1, False): conv.Conv1d,
    (2, False): conv.Conv2d,
    (3, False): conv.Conv3d,
    (1, True): conv.ConvTranspose1d,
    (2, True): conv.ConvTranspose2d,
    (3, True): conv.ConvTranspose3d,
}


def _run(
    op: str,
    dims: int,
    transposed: bool,
    input: Tensor,  # noqa: A002 - PyTorch's name
    weight: Tensor,
    bias: Tensor | None,
    **arguments: Any,
) -> Tensor:
    for name, value in (("input", input), ("weight", weight)):
        if not isinstance(value, Tensor):
            raise TypeError(
                f"{op}(): argument '{name}' must be a Tensor, not {type(value).__name__}"
            )
    if weight.ndim != dims + 2:
        raise ShapeError(
            f"{op}: weight of size {list(weight.shape)} has {weight.ndim} dimensions; a "
            f"{dims}-D convolution takes a weight of {dims + 2} (out_channels, "
            f"in_channels / groups, *kernel_size)",
            argument="weight",
            value=list(weight.shape),
            valid=f"a tensor of {dims + 2} dimensions",
        )
    groups = arguments.get("groups", 1)
    if transposed:
        channels_in, channels_out = weight.shape[0], weight.shape[1] * groups
    else:
        channels_in, channels_out = weight.shape[1] * groups, weight.shape[0]
    if bias is not None and list(bias.shape) != [channels_out]:
        raise ShapeError(
            f"{op}: Given weight of size {list(weight.shape)}, expected bias to be "
            f"1-dimensional with {channels_out} elements, but got bias of size "
            f"{list(bias.shape)} instead",
            argument="bias",
            value=list(bias.shape),
            valid=f"a tensor of shape [{channels_out}]",
        )
    layer = _LAYERS[dims, transposed](
        channels_in, channels_out, tuple(weight.shape[2:]), bias=False, **arguments
    )
    return layer.forward(input)


def _conv(dims: int):  # type: ignore[no-untyped-def]
    def conv_nd(
        input: Tensor,  # noqa: A002 - PyTorch's name
        weight: Tensor,
        bias: Tensor | None = None,
        stride: Any = 1,
        padding: Any = 0,
        dilation: Any = 1,
        groups: int = 1,
    ) -> Tensor:
        return _run(
            f"conv{dims}d",
            dims,
            False,
            input,
            weight,
            bias,
            stride=stride,
            padding=padding,
            dilation=dilation,
            groups=groups,
        )

    conv_nd.__name__ = conv_nd.__qualname__ = f"conv{dims}d"
    conv_nd.__doc__ = (
        f"``F.conv{dims}d``: the shape ``nn.Conv{dims}d`` gives with this weight."
    )
    return conv_nd


def _conv_transpose(dims: int):  # type: ignore[no-untyped-def]
    def conv_transpose_nd(
        input: Tensor,  # noqa: A002 - PyTorch's name
        weight: Tensor,
        bias: Tensor | None = None,
        stride: Any = 1,
        padding: Any = 0,
        output_padding: Any = 0,
        groups: int = 1,
        dilation: Any = 1,
    ) -> Tensor:
        return _run(
            f"conv_transpose{dims}d",
            dims,
            True,
            input,
            weight,
            bias,
            stride=stride,
            padding=padding,
            output_padding=output_padding,
            groups=groups,
            dilation=dilation,
        )

    conv_transpose_nd.__name__ = conv_transpose_nd.__qualname__ = f"conv_transpose{dims}d"
    conv_transpose_nd.__doc__ = (
        f"``F.conv_transpose{dims}d``: the shape ``nn.ConvTranspose{dims}d`` gives with "
        "this weight."
    )
    return conv_transpose_nd


conv1d, conv2d, conv3d = _conv(1), _conv(2), _conv(3)
conv_transpose1d, conv_transpose2d, conv_transpose3d = (
    _conv_transpose(1),
    _conv_transpose(2),
    _conv_transpose(3),
)

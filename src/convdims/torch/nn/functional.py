"""``torch.nn.functional`` for shapes: pooling, activations, dropout, flatten.

Functional calls are not modules, so a summary does not list them (as in torchinfo).

>>> from convdims.torch import empty
>>> from convdims.torch.nn import functional as F
>>> F.max_pool2d(F.relu(empty(1, 8, 11, 11)), 2, ceil_mode=True).shape
torch.Size([1, 8, 6, 6])
>>> F.adaptive_avg_pool2d(empty(1, 8, 11, 11), 1).shape
torch.Size([1, 8, 1, 1])
"""

from __future__ import annotations

from convdims.torch.nn.loss import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cross_entropy,
    huber_loss,
    kl_div,
    l1_loss,
    mse_loss,
    nll_loss,
    smooth_l1_loss,
)
from convdims.torch.tensor import Tensor, flatten, normalize_dim

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "adaptive_avg_pool1d",
    "adaptive_avg_pool2d",
    "adaptive_avg_pool3d",
    "adaptive_max_pool1d",
    "adaptive_max_pool2d",
    "adaptive_max_pool3d",
    "avg_pool1d",
    "avg_pool2d",
    "avg_pool3d",
    "dropout",
    "dropout1d",
    "dropout2d",
    "dropout3d",
    "elu",
    "flatten",
    "gelu",
    "hardsigmoid",
    "hardswish",
    "leaky_relu",
    "log_softmax",
    "max_pool1d",
    "max_pool2d",
    "max_pool3d",
    "relu",
    "relu_",
    "relu6",
    "sigmoid",
    "silu",
    "softmax",
    "tanh",
]


def _check_p(p: float) -> None:
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")


# Elementwise: the output has the input's shape. Each has PyTorch's signature.


def relu(input: Tensor, inplace: bool = False) -> Tensor:  # noqa: A002
    """``F.relu``: the input's shape."""
    return input


def relu6(input: Tensor, inplace: bool = False) -> Tensor:  # noqa: A002
    """``F.relu6``: the input's shape."""
    return input


def silu(input: Tensor, inplace: bool = False) -> Tensor:  # noqa: A002
    """``F.silu``: the input's shape."""
    return input


def hardswish(input: Tensor, inplace: bool = False) -> Tensor:  # noqa: A002
    """``F.hardswish``: the input's shape."""
    return input


def hardsigmoid(input: Tensor, inplace: bool = False) -> Tensor:  # noqa: A002
    """``F.hardsigmoid``: the input's shape."""
    return input


def leaky_relu(
    input: Tensor,  # noqa: A002
    negative_slope: float = 0.01,
    inplace: bool = False,
) -> Tensor:
    """``F.leaky_relu``: the input's shape."""
    return input


def elu(input: Tensor, alpha: float = 1.0, inplace: bool = False) -> Tensor:  # noqa: A002
    """``F.elu``: the input's shape."""
    return input


def gelu(input: Tensor, approximate: str = "none") -> Tensor:  # noqa: A002
    """``F.gelu``: the input's shape."""
    return input


def sigmoid(input):  # type: ignore[no-untyped-def]  # noqa: A002, ANN001, ANN201
    """``F.sigmoid``: the input's shape."""
    return input


def tanh(input):  # type: ignore[no-untyped-def]  # noqa: A002, ANN001, ANN201
    """``F.tanh``: the input's shape."""
    return input


def softmax(
    input: Tensor,  # noqa: A002
    dim: int | None = None,
    _stacklevel: int = 3,
    dtype: Any = None,
) -> Tensor:
    """``F.softmax``: the input's shape (``dim`` must be one of its axes)."""
    if dim is not None:
        normalize_dim(dim, input.ndim)
    return input


def log_softmax(
    input: Tensor,  # noqa: A002
    dim: int | None = None,
    _stacklevel: int = 3,
    dtype: Any = None,
) -> Tensor:
    """``F.log_softmax``: the input's shape (``dim`` must be one of its axes)."""
    if dim is not None:
        normalize_dim(dim, input.ndim)
    return input


def dropout(
    input: Tensor,  # noqa: A002
    p: float = 0.5,
    training: bool = True,
    inplace: bool = False,
) -> Tensor:
    """``F.dropout``: the input's shape; ``p`` must lie in ``[0, 1]``."""
    _check_p(p)
    return input


def dropout2d(
    input: Tensor,  # noqa: A002
    p: float = 0.5,
    training: bool = True,
    inplace: bool = False,
) -> Tensor:
    """``F.dropout2d``: the input's shape; ``p`` must lie in ``[0, 1]``."""
    _check_p(p)
    return input


relu_ = relu
dropout1d = dropout3d = dropout2d


from convdims.torch.nn._functional_padding import pad  # noqa: E402 - kept apart
from convdims.torch.nn._functional_pooling import (  # noqa: E402 - kept apart
    adaptive_avg_pool1d,
    adaptive_avg_pool2d,
    adaptive_avg_pool3d,
    adaptive_max_pool1d,
    adaptive_max_pool1d_with_indices,
    adaptive_max_pool2d,
    adaptive_max_pool2d_with_indices,
    adaptive_max_pool3d,
    adaptive_max_pool3d_with_indices,
    avg_pool1d,
    avg_pool2d,
    avg_pool3d,
    max_pool1d,
    max_pool1d_with_indices,
    max_pool2d,
    max_pool2d_with_indices,
    max_pool3d,
    max_pool3d_with_indices,
)

# Resizing and padding (issue 13: the calls model files make in forward) --------------
from convdims.torch.nn._functional_sampling import (  # noqa: E402 - with the resampling
    interpolate,
    pixel_shuffle,
    pixel_unshuffle,
    upsample,
)


def linear(input: Tensor, weight: Tensor, bias: Tensor | None = None) -> Tensor:  # noqa: A002
    """``F.linear``: ``(*, in) @ weight.T`` with ``weight`` of shape ``(out, in)``.

    >>> from convdims.torch import empty
    >>> linear(empty(2, 5), empty(3, 5)).shape
    torch.Size([2, 3])
    """
    from convdims.torch.tensor import matmul

    return matmul(input, weight.t())


def layer_norm(
    input: Tensor,  # noqa: A002
    normalized_shape: Any,
    weight: Tensor | None = None,
    bias: Tensor | None = None,
    eps: float = 1e-05,
) -> Tensor:
    """``F.layer_norm``: the input's shape; its last axes must be ``normalized_shape``."""
    from convdims.torch.errors import ShapeError

    normalized = (
        (normalized_shape,)
        if isinstance(normalized_shape, int)
        else tuple(normalized_shape)
    )
    if tuple(input.shape[input.ndim - len(normalized) :]) != normalized:
        raise ShapeError(
            f"Given normalized_shape={list(normalized)}, expected input with shape "
            f"[*, {', '.join(map(str, normalized))}], but got input of size"
            f"{list(input.shape)}",
            argument="normalized_shape",
            value=normalized_shape,
            valid=f"the last axes of the input, {list(input.shape)}",
        )
    return input


def group_norm(
    input: Tensor,  # noqa: A002
    num_groups: int,
    weight: Tensor | None = None,
    bias: Tensor | None = None,
    eps: float = 1e-05,
) -> Tensor:
    """``F.group_norm``: the input's shape; ``num_groups`` must divide the channels."""
    from convdims.torch.errors import ShapeError

    if input.ndim < 2 or input.shape[1] % num_groups:
        raise ShapeError(
            f"Expected number of channels in input to be divisible by num_groups, but got "
            f"input of shape {list(input.shape)} and num_groups={num_groups}",
            argument="num_groups",
            value=num_groups,
            valid="a divisor of the channels",
        )
    return input


def normalize(
    input: Tensor,  # noqa: A002
    p: float = 2.0,
    dim: int = 1,
    eps: float = 1e-12,
    out: Tensor | None = None,
) -> Tensor:
    """``F.normalize``: the input's shape (``dim`` must be one of its axes)."""
    normalize_dim(dim, input.ndim)
    return input


def hardtanh(
    input: Tensor,  # noqa: A002
    min_val: float = -1.0,
    max_val: float = 1.0,
    inplace: bool = False,
) -> Tensor:
    """``F.hardtanh``: the input's shape."""
    return input


def mish(input: Tensor, inplace: bool = False) -> Tensor:  # noqa: A002
    """``F.mish``: the input's shape."""
    return input


def glu(input: Tensor, dim: int = -1) -> Tensor:  # noqa: A002
    """``F.glu``: halves axis ``dim``, which must have an even size.

    >>> from convdims.torch import empty
    >>> glu(empty(2, 8, 5), dim=1).shape
    torch.Size([2, 4, 5])
    """
    from convdims.torch.errors import ShapeError

    axis = normalize_dim(dim, input.ndim)
    size = input.shape[axis]
    if size % 2:
        raise ShapeError(
            f"Halving dimension must be even, but dimension {axis} is size {size}",
            argument="dim",
            value=dim,
            valid="an axis of even size",
        )
    shape = list(input.shape)
    shape[axis] = size // 2
    return input._like(shape)


def alpha_dropout(
    input: Tensor,  # noqa: A002
    p: float = 0.5,
    training: bool = False,
    inplace: bool = False,
) -> Tensor:
    """``F.alpha_dropout``: the input's shape; ``p`` must lie in ``[0, 1]``."""
    _check_p(p)
    return input


from convdims.torch.nn._functional_attention import (  # noqa: E402 - added later
    scaled_dot_product_attention,
)
from convdims.torch.nn._functional_conv import (  # noqa: E402 - kept apart, added later
    conv1d,
    conv2d,
    conv3d,
    conv_transpose1d,
    conv_transpose2d,
    conv_transpose3d,
)

__all__ += [
    "alpha_dropout",
    "conv1d",
    "conv2d",
    "conv3d",
    "conv_transpose1d",
    "conv_transpose2d",
    "conv_transpose3d",
    "glu",
    "group_norm",
    "hardtanh",
    "interpolate",
    "layer_norm",
    "linear",
    "mish",
    "normalize",
    "pad",
    "pixel_shuffle",
    "pixel_unshuffle",
    "scaled_dot_product_attention",
    "upsample",
]

# The losses' functional forms (torch/nn/loss.py).
__all__ += [
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "cross_entropy",
    "huber_loss",
    "kl_div",
    "l1_loss",
    "mse_loss",
    "nll_loss",
    "smooth_l1_loss",
]


# The reach of the lookalike: activations, normalizations, lookups, distances, folding,
# unpooling and LP pooling that model files call (each in the file of its topic).
from convdims.torch.nn._functional_activation import (  # noqa: E402 - added later
    celu,
    celu_,
    elu_,
    gumbel_softmax,
    hardshrink,
    hardtanh_,
    leaky_relu_,
    logsigmoid,
    prelu,
    rrelu,
    rrelu_,
    selu,
    selu_,
    softmin,
    softplus,
    softshrink,
    softsign,
    tanhshrink,
    threshold,
    threshold_,
)
from convdims.torch.nn._functional_norm import (  # noqa: E402 - added later
    batch_norm,
    instance_norm,
    local_response_norm,
    rms_norm,
)
from convdims.torch.nn._functional_sampling import (  # noqa: E402 - added later
    affine_grid,
    bilinear,
    channel_shuffle,
    embedding,
    grid_sample,
    native_channel_shuffle,
    one_hot,
    upsample_bilinear,
    upsample_nearest,
)
from convdims.torch.nn.distance import (  # noqa: E402 - added later
    cosine_similarity,
    pairwise_distance,
    pdist,
)
from convdims.torch.nn.fold import fold, unfold  # noqa: E402 - added later
from convdims.torch.nn.lp_pooling import (  # noqa: E402 - added later
    lp_pool1d,
    lp_pool2d,
    lp_pool3d,
)
from convdims.torch.nn.unpooling import (  # noqa: E402 - added later
    max_unpool1d,
    max_unpool2d,
    max_unpool3d,
)

__all__ += [
    "adaptive_max_pool1d_with_indices",
    "adaptive_max_pool2d_with_indices",
    "adaptive_max_pool3d_with_indices",
    "affine_grid",
    "batch_norm",
    "bilinear",
    "celu",
    "celu_",
    "channel_shuffle",
    "cosine_similarity",
    "elu_",
    "embedding",
    "fold",
    "grid_sample",
    "gumbel_softmax",
    "hardshrink",
    "hardtanh_",
    "instance_norm",
    "leaky_relu_",
    "local_response_norm",
    "logsigmoid",
    "lp_pool1d",
    "lp_pool2d",
    "lp_pool3d",
    "max_pool1d_with_indices",
    "max_pool2d_with_indices",
    "max_pool3d_with_indices",
    "max_unpool1d",
    "max_unpool2d",
    "max_unpool3d",
    "native_channel_shuffle",
    "one_hot",
    "pairwise_distance",
    "pdist",
    "prelu",
    "rms_norm",
    "rrelu",
    "rrelu_",
    "selu",
    "selu_",
    "softmin",
    "softplus",
    "softshrink",
    "softsign",
    "tanhshrink",
    "threshold",
    "threshold_",
    "unfold",
    "upsample_bilinear",
    "upsample_nearest",
]

from convdims.torch.nn.loss_likelihood import (  # noqa: E402 - added later
    ctc_loss,
    gaussian_nll_loss,
    poisson_nll_loss,
)
from convdims.torch.nn.loss_ranking import (  # noqa: E402 - added later
    cosine_embedding_loss,
    hinge_embedding_loss,
    margin_ranking_loss,
    multi_margin_loss,
    multilabel_margin_loss,
    triplet_margin_loss,
    triplet_margin_with_distance_loss,
)

__all__ += [
    "cosine_embedding_loss",
    "ctc_loss",
    "gaussian_nll_loss",
    "hinge_embedding_loss",
    "margin_ranking_loss",
    "multi_margin_loss",
    "multilabel_margin_loss",
    "poisson_nll_loss",
    "triplet_margin_loss",
    "triplet_margin_with_distance_loss",
]

from convdims.torch.nn.fractional_pooling import (  # noqa: E402 - added later
    fractional_max_pool2d,
    fractional_max_pool2d_with_indices,
    fractional_max_pool3d,
    fractional_max_pool3d_with_indices,
)

__all__ += [
    "fractional_max_pool2d",
    "fractional_max_pool2d_with_indices",
    "fractional_max_pool3d",
    "fractional_max_pool3d_with_indices",
]

from convdims.torch.nn._functional_more import (  # noqa: E402 - added later
    embedding_bag,
    feature_alpha_dropout,
    multilabel_soft_margin_loss,
    soft_margin_loss,
)

__all__ += [
    "embedding_bag",
    "feature_alpha_dropout",
    "multilabel_soft_margin_loss",
    "soft_margin_loss",
]

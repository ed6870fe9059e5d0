"""``convdims.torch``: PyTorch model definitions, run on shapes alone.

Write ``from convdims.torch import nn, summary`` (and ``from convdims import torch`` for
``torch.flatten``, ``torch.cat``, ``torch.empty``...) where a script has ``from torch
import nn`` and ``from torchinfo import summary``: the model builds, every layer checks its
input the way PyTorch does, and ``summary`` prints torchinfo's table, without PyTorch
installed and in milliseconds.

>>> from convdims import torch
>>> from convdims.torch import nn
>>> model = nn.Sequential(nn.Conv2d(3, 5, 3), nn.MaxPool2d(2))
>>> model(torch.empty(1, 3, 32, 32)).shape
torch.Size([1, 5, 15, 15])
"""

from convdims.torch import nn
from convdims.torch.dtypes import (
    bfloat16,
    dtype,
    float16,
    float32,
    float64,
    int8,
    int16,
    int32,
    int64,
    uint8,
)
from convdims.torch.errors import ArgumentTypeError, DimensionError, ShapeError
from convdims.torch.nn.module import Parameter
from convdims.torch.summary import (
    COLUMNS,
    Column,
    LayerRow,
    ModelSummary,
    describe,
    summary,
)
from convdims.torch.tensor import (
    Size,
    Tensor,
    add,
    broadcast_shapes,
    cat,
    concat,
    concatenate,
    device,
    empty,
    empty_like,
    exp,
    flatten,
    full,
    inference_mode,
    is_tensor,
    log_softmax,
    matmul,
    mul,
    no_grad,
    ones,
    ones_like,
    rand,
    rand_like,
    randn,
    randn_like,
    relu,
    sigmoid,
    softmax,
    stack,
    tanh,
    zeros,
    zeros_like,
)

# PyTorch's other names for the dtypes: torch.float, torch.long, ...
float = float32  # noqa: A001 - mirrors torch.float
double = float64
half = float16
long = int64
int = int32  # noqa: A001 - mirrors torch.int
short = int16

__all__ = [
    "COLUMNS",
    "ArgumentTypeError",
    "Column",
    "DimensionError",
    "LayerRow",
    "ModelSummary",
    "Parameter",
    "ShapeError",
    "Size",
    "Tensor",
    "add",
    "bfloat16",
    "broadcast_shapes",
    "cat",
    "concat",
    "concatenate",
    "describe",
    "device",
    "double",
    "dtype",
    "empty",
    "empty_like",
    "exp",
    "flatten",
    "float",
    "float16",
    "float32",
    "float64",
    "full",
    "half",
    "inference_mode",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "is_tensor",
    "log_softmax",
    "long",
    "matmul",
    "mul",
    "nn",
    "no_grad",
    "ones",
    "ones_like",
    "rand",
    "rand_like",
    "randn",
    "randn_like",
    "relu",
    "short",
    "sigmoid",
    "softmax",
    "stack",
    "summary",
    "tanh",
    "uint8",
    "zeros",
    "zeros_like",
]

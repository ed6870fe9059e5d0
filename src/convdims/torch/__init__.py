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

from __future__ import annotations

import sys
import types

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
from convdims.torch.functions import (
    _assert,
    abs,
    arange,
    argmax,
    as_tensor,
    bmm,
    ceil,
    chunk,
    clamp,
    clip,
    compile,
    cos,
    diff,
    div,
    divide,
    einsum,
    erf,
    eye,
    floor,
    full_like,
    is_floating_point,
    log,
    log1p,
    log2,
    manual_seed,
    max,
    maximum,
    mean,
    meshgrid,
    min,
    minimum,
    permute,
    pow,
    randint,
    randint_like,
    randperm,
    repeat_interleave,
    reshape,
    roll,
    round,
    rsqrt,
    scalar_tensor,
    set_grad_enabled,
    sign,
    sin,
    split,
    sqrt,
    squeeze,
    stack,
    sub,
    sum,
    swapaxes,
    tensor,
    tensor_split,
    transpose,
    tril,
    triu,
    unbind,
    unsqueeze,
    where,
)
from convdims.torch.nn.module import Parameter
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
    tanh,
    zeros,
    zeros_like,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# torch.gather, torch.cumsum, torch.flip...: the function forms of Tensor's methods, from
# one table (torch/_function_forms.py).
from convdims.torch._function_forms import METHOD_FORMS as _METHOD_FORMS  # noqa: E402
from convdims.torch._function_forms import method_forms as _method_forms  # noqa: E402

globals().update(_method_forms())

#: Names loaded on first use, by the module that holds them: a model builds without the
#: summary, its table and the analysis behind it (``import convdims.torch`` stays fast).
_LAZY = {
    # The functions with no method form (linspace, hstack, cdist...), on first use.
    "allclose": "convdims.torch._creation",
    "atleast_1d": "convdims.torch._joining",
    "atleast_2d": "convdims.torch._joining",
    "atleast_3d": "convdims.torch._joining",
    "bartlett_window": "convdims.torch._creation",
    "bernoulli": "convdims.torch._random",
    "blackman_window": "convdims.torch._creation",
    "block_diag": "convdims.torch._joining",
    "broadcast_tensors": "convdims.torch._joining",
    "bucketize": "convdims.torch._creation",
    "cartesian_prod": "convdims.torch._joining",
    "cdist": "convdims.torch._joining",
    "chain_matmul": "convdims.torch._joining",
    "column_stack": "convdims.torch._joining",
    "dstack": "convdims.torch._joining",
    "enable_grad": "convdims.torch._creation",
    "equal": "convdims.torch._creation",
    "from_numpy": "convdims.torch._creation",
    "get_default_dtype": "convdims.torch._creation",
    "get_num_threads": "convdims.torch._settings",
    "hamming_window": "convdims.torch._creation",
    "hann_window": "convdims.torch._creation",
    "hstack": "convdims.torch._joining",
    "initial_seed": "convdims.torch._settings",
    "is_complex": "convdims.torch._settings",
    "is_grad_enabled": "convdims.torch._settings",
    "is_nonzero": "convdims.torch._settings",
    "kaiser_window": "convdims.torch._creation",
    "kron": "convdims.torch._joining",
    "linspace": "convdims.torch._creation",
    "logspace": "convdims.torch._creation",
    "multinomial": "convdims.torch._random",
    "norm": "convdims.torch._creation",
    "normal": "convdims.torch._random",
    "poisson": "convdims.torch._random",
    "row_stack": "convdims.torch._joining",
    "searchsorted": "convdims.torch._creation",
    "seed": "convdims.torch._settings",
    "set_default_dtype": "convdims.torch._creation",
    "set_num_threads": "convdims.torch._settings",
    "set_printoptions": "convdims.torch._settings",
    "std_mean": "convdims.torch._creation",
    "tensordot": "convdims.torch._joining",
    "trapezoid": "convdims.torch._creation",
    "trapz": "convdims.torch._creation",
    "tril_indices": "convdims.torch._creation",
    "triu_indices": "convdims.torch._creation",
    "unique": "convdims.torch._creation",
    "use_deterministic_algorithms": "convdims.torch._settings",
    "var_mean": "convdims.torch._creation",
    "vstack": "convdims.torch._joining",
    "COLUMNS": "convdims.torch.formatting",
    "Column": "convdims.torch.formatting",
    "LayerRow": "convdims.torch.layer_info",
    "ModelSummary": "convdims.torch.model_statistics",
    "autocast": "convdims.torch.amp",
    "describe": "convdims.torch.graph",
    "pdist": "convdims.torch.nn.distance",
    "summary": "convdims.torch.summary",
}


#: Submodules that ``import torch`` makes reachable as attributes (``torch.jit.unused``,
#: ``torch.cuda.is_available()``), each imported on first use.
_SUBMODULES = frozenset(
    {
        "_C",
        "_dynamo",
        "amp",
        "autograd",
        "backends",
        "cuda",
        "distributed",
        "distributions",
        "fx",
        "hub",
        "jit",
        "optim",
        "utils",
    }
)


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'convdims.torch' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    # Importing convdims.torch.summary made the attribute ``summary`` the submodule;
    # the name is the function (torchinfo's), as before.
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, *_SUBMODULES})


class _Package(types.ModuleType):
    """``convdims.torch`` itself: its ``summary`` is the function (torchinfo's name),
    also after something imports the submodule ``convdims.torch.summary``, which makes
    Python set the package's attribute to the submodule."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "summary" and isinstance(value, types.ModuleType):
            value = value.summary
        if name == "tensor" and isinstance(value, types.ModuleType):
            return  # torch.tensor is the function (PyTorch's), not the submodule
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


# PyTorch's other names for the dtypes: torch.float, torch.long, ...
from convdims.torch.dtypes import ALIASES as _dtype_aliases  # noqa: E402

float = float32  # noqa: A001 - mirrors torch.float
double = float64
half = float16
long = int64
int = int32  # noqa: A001 - mirrors torch.int
short = int16
bool = _dtype_aliases["bool"]  # noqa: A001 - mirrors torch.bool

__all__ = [
    "randint",
    "randint_like",
    "randperm",
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
    "bool",
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
    "as_tensor",
    "ceil",
    "clip",
    "erf",
    "log1p",
    "log2",
    "eye",
    "floor",
    "scalar_tensor",
    "sign",
    "tensor",
    "tensor_split",
    "_assert",
    "abs",
    "arange",
    "argmax",
    "bmm",
    "chunk",
    "diff",
    "clamp",
    "compile",
    "cos",
    "div",
    "divide",
    "einsum",
    "full_like",
    "is_floating_point",
    "log",
    "manual_seed",
    "max",
    "maximum",
    "mean",
    "meshgrid",
    "min",
    "minimum",
    "permute",
    "pow",
    "repeat_interleave",
    "reshape",
    "roll",
    "round",
    "rsqrt",
    "set_grad_enabled",
    "sin",
    "split",
    "sqrt",
    "squeeze",
    "sub",
    "sum",
    "swapaxes",
    "transpose",
    "tril",
    "triu",
    "unbind",
    "unsqueeze",
    "where",
]
__all__ += [name for name in _METHOD_FORMS if name not in __all__]
# Functions with no method form (torch/_creation.py, torch/_joining.py).
__all__ += [
    "pdist",
    "bucketize",
    "get_num_threads",
    "initial_seed",
    "is_complex",
    "is_grad_enabled",
    "is_nonzero",
    "norm",
    "searchsorted",
    "seed",
    "set_num_threads",
    "set_printoptions",
    "trapezoid",
    "trapz",
    "tril_indices",
    "triu_indices",
    "use_deterministic_algorithms",
    "allclose",
    "atleast_1d",
    "atleast_2d",
    "atleast_3d",
    "bartlett_window",
    "bernoulli",
    "blackman_window",
    "block_diag",
    "broadcast_tensors",
    "cartesian_prod",
    "cdist",
    "chain_matmul",
    "column_stack",
    "dstack",
    "enable_grad",
    "equal",
    "from_numpy",
    "get_default_dtype",
    "hamming_window",
    "hann_window",
    "hstack",
    "kaiser_window",
    "kron",
    "linspace",
    "logspace",
    "multinomial",
    "normal",
    "poisson",
    "row_stack",
    "set_default_dtype",
    "std_mean",
    "tensordot",
    "unique",
    "var_mean",
    "vstack",
]

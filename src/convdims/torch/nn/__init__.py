"""``convdims.torch.nn``: the ``torch.nn`` layers, computing shapes and parameter counts.

Change ``from torch import nn`` to ``from convdims.torch import nn`` and a model
definition runs without PyTorch.

>>> from convdims.torch import nn, empty
>>> model = nn.Sequential(nn.Conv2d(3, 5, 3), nn.MaxPool2d(2))
>>> model(empty(1, 3, 32, 32)).shape
torch.Size([1, 5, 15, 15])
>>> sum(p.numel() for p in model.parameters())
140
"""

from convdims.torch.nn.activation import (
    CELU,
    ELU,
    GELU,
    GLU,
    SELU,
    Hardsigmoid,
    Hardswish,
    Hardtanh,
    LeakyReLU,
    LogSoftmax,
    Mish,
    PReLU,
    ReLU,
    ReLU6,
    Sigmoid,
    SiLU,
    Softmax,
    Softplus,
    Softsign,
    Tanh,
    Tanhshrink,
    Threshold,
)
from convdims.torch.nn.container import ModuleDict, ModuleList, Sequential
from convdims.torch.nn.conv import (
    Conv1d,
    Conv2d,
    Conv3d,
    ConvTranspose1d,
    ConvTranspose2d,
    ConvTranspose3d,
)
from convdims.torch.nn.dropout import AlphaDropout, Dropout, Dropout1d, Dropout2d, Dropout3d
from convdims.torch.nn.linear import Flatten, Identity, Linear, Unflatten
from convdims.torch.nn.module import Module, Parameter
from convdims.torch.nn.normalization import (
    BatchNorm1d,
    BatchNorm2d,
    BatchNorm3d,
    GroupNorm,
    InstanceNorm1d,
    InstanceNorm2d,
    InstanceNorm3d,
    LayerNorm,
    LocalResponseNorm,
)
from convdims.torch.nn.padding import (
    ConstantPad1d,
    ConstantPad2d,
    ConstantPad3d,
    ReflectionPad1d,
    ReflectionPad2d,
    ReplicationPad1d,
    ReplicationPad2d,
    ZeroPad1d,
    ZeroPad2d,
    ZeroPad3d,
)
from convdims.torch.nn.pooling import (
    AdaptiveAvgPool1d,
    AdaptiveAvgPool2d,
    AdaptiveAvgPool3d,
    AdaptiveMaxPool1d,
    AdaptiveMaxPool2d,
    AdaptiveMaxPool3d,
    AvgPool1d,
    AvgPool2d,
    AvgPool3d,
    MaxPool1d,
    MaxPool2d,
    MaxPool3d,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from convdims.torch.nn import functional, init, parallel
    from convdims.torch.nn._functional_more import (
        FeatureAlphaDropout,
    )
    from convdims.torch.nn.activation import (
        Hardshrink,
        LogSigmoid,
        RReLU,
        Softmax2d,
        Softmin,
        Softshrink,
    )
    from convdims.torch.nn.attention import (
        MultiheadAttention,
    )
    from convdims.torch.nn.bilinear import (
        Bilinear,
    )
    from convdims.torch.nn.container_params import (
        ParameterDict,
        ParameterList,
    )
    from convdims.torch.nn.distance import (
        CosineSimilarity,
        PairwiseDistance,
    )
    from convdims.torch.nn.fold import (
        Fold,
        Unfold,
    )
    from convdims.torch.nn.fractional_pooling import (
        FractionalMaxPool2d,
        FractionalMaxPool3d,
    )
    from convdims.torch.nn.lazy import (
        LazyBatchNorm1d,
        LazyBatchNorm2d,
        LazyBatchNorm3d,
        LazyConv1d,
        LazyConv2d,
        LazyConv3d,
        LazyConvTranspose1d,
        LazyConvTranspose2d,
        LazyConvTranspose3d,
        LazyInstanceNorm1d,
        LazyInstanceNorm2d,
        LazyInstanceNorm3d,
        LazyLinear,
    )
    from convdims.torch.nn.loss import (
        BCELoss,
        BCEWithLogitsLoss,
        CrossEntropyLoss,
        HuberLoss,
        KLDivLoss,
        L1Loss,
        MSELoss,
        MultiLabelSoftMarginLoss,
        NLLLoss,
        SmoothL1Loss,
        SoftMarginLoss,
    )
    from convdims.torch.nn.loss_likelihood import (
        AdaptiveLogSoftmaxWithLoss,
        CTCLoss,
        GaussianNLLLoss,
        PoissonNLLLoss,
    )
    from convdims.torch.nn.loss_ranking import (
        CosineEmbeddingLoss,
        HingeEmbeddingLoss,
        MarginRankingLoss,
        MultiLabelMarginLoss,
        MultiMarginLoss,
        TripletMarginLoss,
        TripletMarginWithDistanceLoss,
    )
    from convdims.torch.nn.lp_pooling import (
        LPPool1d,
        LPPool2d,
        LPPool3d,
    )
    from convdims.torch.nn.padding import (
        CircularPad1d,
        CircularPad2d,
        CircularPad3d,
        ReflectionPad3d,
        ReplicationPad3d,
    )
    from convdims.torch.nn.parallel import (
        DataParallel,
    )
    from convdims.torch.nn.rms_norm import (
        RMSNorm,
    )
    from convdims.torch.nn.rnn import (
        GRU,
        LSTM,
        RNN,
        RNNBase,
    )
    from convdims.torch.nn.rnn_cell import (
        GRUCell,
        LSTMCell,
        RNNCell,
        RNNCellBase,
    )
    from convdims.torch.nn.shuffle import (
        ChannelShuffle,
    )
    from convdims.torch.nn.sparse import (
        Embedding,
        EmbeddingBag,
    )
    from convdims.torch.nn.sync_batchnorm import (
        SyncBatchNorm,
    )
    from convdims.torch.nn.transformer import (
        Transformer,
        TransformerDecoder,
        TransformerDecoderLayer,
        TransformerEncoder,
        TransformerEncoderLayer,
    )
    from convdims.torch.nn.unpooling import (
        MaxUnpool1d,
        MaxUnpool2d,
        MaxUnpool3d,
    )
    from convdims.torch.nn.upsampling import (
        PixelShuffle,
        PixelUnshuffle,
        Upsample,
        UpsamplingBilinear2d,
        UpsamplingNearest2d,
    )

#: Layers loaded on first use, from the module that holds them: a model that uses none
#: of them does not pay for importing them (``import convdims.torch`` stays fast).
_LAZY = {
    "MultiheadAttention": "attention",
    "BCELoss": "loss",
    "BCEWithLogitsLoss": "loss",
    "CrossEntropyLoss": "loss",
    "HuberLoss": "loss",
    "KLDivLoss": "loss",
    "L1Loss": "loss",
    "MSELoss": "loss",
    "MultiLabelSoftMarginLoss": "loss",
    "NLLLoss": "loss",
    "SmoothL1Loss": "loss",
    "SoftMarginLoss": "loss",
    "DataParallel": "parallel",
    "GRU": "rnn",
    "LSTM": "rnn",
    "RNN": "rnn",
    "RNNBase": "rnn",
    "GRUCell": "rnn_cell",
    "LSTMCell": "rnn_cell",
    "RNNCell": "rnn_cell",
    "RNNCellBase": "rnn_cell",
    "Embedding": "sparse",
    "Transformer": "transformer",
    "TransformerDecoder": "transformer",
    "TransformerDecoderLayer": "transformer",
    "TransformerEncoder": "transformer",
    "TransformerEncoderLayer": "transformer",
    "PixelShuffle": "upsampling",
    "PixelUnshuffle": "upsampling",
    "Upsample": "upsampling",
    "UpsamplingBilinear2d": "upsampling",
    "UpsamplingNearest2d": "upsampling",
    "FeatureAlphaDropout": "_functional_more",
    "FractionalMaxPool2d": "fractional_pooling",
    "FractionalMaxPool3d": "fractional_pooling",
    "CosineEmbeddingLoss": "loss_ranking",
    "HingeEmbeddingLoss": "loss_ranking",
    "MarginRankingLoss": "loss_ranking",
    "MultiLabelMarginLoss": "loss_ranking",
    "MultiMarginLoss": "loss_ranking",
    "TripletMarginLoss": "loss_ranking",
    "TripletMarginWithDistanceLoss": "loss_ranking",
    "AdaptiveLogSoftmaxWithLoss": "loss_likelihood",
    "CTCLoss": "loss_likelihood",
    "GaussianNLLLoss": "loss_likelihood",
    "PoissonNLLLoss": "loss_likelihood",
    "LazyBatchNorm1d": "lazy",
    "LazyBatchNorm2d": "lazy",
    "LazyBatchNorm3d": "lazy",
    "LazyConv1d": "lazy",
    "LazyConv2d": "lazy",
    "LazyConv3d": "lazy",
    "LazyConvTranspose1d": "lazy",
    "LazyConvTranspose2d": "lazy",
    "LazyConvTranspose3d": "lazy",
    "LazyInstanceNorm1d": "lazy",
    "LazyInstanceNorm2d": "lazy",
    "LazyInstanceNorm3d": "lazy",
    "LazyLinear": "lazy",
    "RMSNorm": "rms_norm",
    "SyncBatchNorm": "sync_batchnorm",
    "Bilinear": "bilinear",
    "EmbeddingBag": "sparse",
    "ParameterDict": "container_params",
    "ParameterList": "container_params",
    "CosineSimilarity": "distance",
    "PairwiseDistance": "distance",
    "Softmin": "activation",
    "Softmax2d": "activation",
    "LogSigmoid": "activation",
    "Hardshrink": "activation",
    "Softshrink": "activation",
    "RReLU": "activation",
    "Fold": "fold",
    "Unfold": "fold",
    "MaxUnpool1d": "unpooling",
    "MaxUnpool2d": "unpooling",
    "MaxUnpool3d": "unpooling",
    "LPPool1d": "lp_pooling",
    "LPPool2d": "lp_pooling",
    "LPPool3d": "lp_pooling",
    "ChannelShuffle": "shuffle",
    "CircularPad1d": "padding",
    "CircularPad2d": "padding",
    "CircularPad3d": "padding",
    "ReflectionPad3d": "padding",
    "ReplicationPad3d": "padding",
}

#: Submodules reachable as attributes (``nn.functional.relu``, ``nn.init``, ``nn.utils``),
#: imported on first use, the way ``import torch`` makes them reachable.
_SUBMODULES = frozenset({"functional", "init", "modules", "parallel", "parameter", "utils"})

__all__ = [
    "ConstantPad1d",
    "ConstantPad2d",
    "ConstantPad3d",
    "ReflectionPad1d",
    "ReflectionPad2d",
    "ReplicationPad1d",
    "ReplicationPad2d",
    "ZeroPad1d",
    "ZeroPad2d",
    "ZeroPad3d",
    "ELU",
    "GELU",
    "AdaptiveAvgPool1d",
    "AdaptiveAvgPool2d",
    "AdaptiveAvgPool3d",
    "AdaptiveMaxPool1d",
    "AdaptiveMaxPool2d",
    "AdaptiveMaxPool3d",
    "AlphaDropout",
    "AvgPool1d",
    "AvgPool2d",
    "AvgPool3d",
    "BatchNorm1d",
    "BatchNorm2d",
    "BatchNorm3d",
    "Conv1d",
    "Conv2d",
    "Conv3d",
    "ConvTranspose1d",
    "ConvTranspose2d",
    "ConvTranspose3d",
    "Dropout",
    "Dropout1d",
    "Dropout2d",
    "Dropout3d",
    "Flatten",
    "GroupNorm",
    "Hardsigmoid",
    "Hardswish",
    "Identity",
    "LayerNorm",
    "LeakyReLU",
    "Linear",
    "LogSoftmax",
    "MaxPool1d",
    "MaxPool2d",
    "MaxPool3d",
    "Mish",
    "Module",
    "ModuleDict",
    "ModuleList",
    "Parameter",
    "ReLU",
    "ReLU6",
    "Sequential",
    "SiLU",
    "Sigmoid",
    "Softmax",
    "Tanh",
    "Unflatten",
    "functional",
    "init",
    "parallel",
    "PixelShuffle",
    "PixelUnshuffle",
    "Upsample",
    "UpsamplingBilinear2d",
    "UpsamplingNearest2d",
    "CELU",
    "Embedding",
    "GLU",
    "Hardtanh",
    "InstanceNorm1d",
    "InstanceNorm2d",
    "InstanceNorm3d",
    "LocalResponseNorm",
    "PReLU",
    "SELU",
    "Softplus",
    "Softsign",
    "Tanhshrink",
    "Threshold",
    "GRU",
    "LSTM",
    "RNN",
    "RNNBase",
    "GRUCell",
    "LSTMCell",
    "RNNCell",
    "RNNCellBase",
    "MultiheadAttention",
    "BCELoss",
    "BCEWithLogitsLoss",
    "CrossEntropyLoss",
    "HuberLoss",
    "KLDivLoss",
    "L1Loss",
    "MSELoss",
    "MultiLabelSoftMarginLoss",
    "NLLLoss",
    "SmoothL1Loss",
    "SoftMarginLoss",
    "Transformer",
    "TransformerDecoder",
    "TransformerDecoderLayer",
    "TransformerEncoder",
    "TransformerEncoderLayer",
    "DataParallel",
    "FeatureAlphaDropout",
    "FractionalMaxPool2d",
    "FractionalMaxPool3d",
    "CosineEmbeddingLoss",
    "HingeEmbeddingLoss",
    "MarginRankingLoss",
    "MultiLabelMarginLoss",
    "MultiMarginLoss",
    "TripletMarginLoss",
    "TripletMarginWithDistanceLoss",
    "AdaptiveLogSoftmaxWithLoss",
    "CTCLoss",
    "GaussianNLLLoss",
    "PoissonNLLLoss",
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
    "RMSNorm",
    "SyncBatchNorm",
    "Bilinear",
    "EmbeddingBag",
    "ParameterDict",
    "ParameterList",
    "CosineSimilarity",
    "PairwiseDistance",
    "Softmin",
    "Softmax2d",
    "LogSigmoid",
    "Hardshrink",
    "Softshrink",
    "RReLU",
    "Fold",
    "Unfold",
    "MaxUnpool1d",
    "MaxUnpool2d",
    "MaxUnpool3d",
    "LPPool1d",
    "LPPool2d",
    "LPPool3d",
    "ChannelShuffle",
    "CircularPad1d",
    "CircularPad2d",
    "CircularPad3d",
    "ReflectionPad3d",
    "ReplicationPad3d",
]


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    if name in _SUBMODULES:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, *_SUBMODULES})

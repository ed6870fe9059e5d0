"""One description of a model, whatever framework it was written for.

Both lookalikes (``convdims.keras``, ``convdims.torch``) describe a model the same
way: a [`ModelGraph`][convdims.description.ModelGraph] of
[`LayerCall`][convdims.description.LayerCall] records, inputs first, each call naming
the earlier calls that feed it. Each layer class of a lookalike declares its
[`Kind`][convdims.description.Kind] and fills its record once, on the class; the analysis,
the pictures, the
command line and the summaries' extra columns only read the graph.

Examples:
    >>> from convdims.window import AxisWindow
    >>> graph = ModelGraph((
    ...     LayerCall("input", "Input", Kind.INPUT, (1, 3, 32, 32),
    ...               output_spatial=(32, 32)),
    ...     LayerCall("conv", "Conv2d", Kind.CONV, (1, 5, 30, 30), input_spatial=(32, 32),
    ...               output_spatial=(30, 30), in_channels=3, out_channels=5,
    ...               window=(AxisWindow(3),) * 2, params=140, bias_params=5, inputs=(0,)),
    ... ))
    >>> [str(call.kind) for call in graph], graph.consumers(0), graph[1].kernel_size
    (['input', 'conv'], (1,), (3, 3))
"""

from __future__ import annotations

from collections.abc import Iterator

from convdims._compat import StrEnum
from convdims._values import field, value
from convdims.errors import ArgumentError
from convdims.window import AxisWindow

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Kind(StrEnum):
    """What a layer is, for the analysis: each lookalike class declares one."""

    INPUT = "input"
    CONV = "conv"
    CONV_TRANSPOSE = "conv_transpose"
    DEPTHWISE = "depthwise"
    SEPARABLE = "separable"
    DENSE = "dense"
    POOL = "pool"
    ADAPTIVE_POOL = "adaptive_pool"
    GLOBAL_POOL = "global_pool"
    BATCH_NORM = "batch_norm"
    NORMALIZATION = "normalization"
    ACTIVATION = "activation"
    DROPOUT = "dropout"
    IDENTITY = "identity"
    FLATTEN = "flatten"
    RESHAPE = "reshape"
    PADDING = "padding"
    CROPPING = "cropping"
    UPSAMPLING = "upsampling"
    MERGE = "merge"
    EMBEDDING = "embedding"
    RECURRENT = "recurrent"
    ATTENTION = "attention"
    LOSS = "loss"
    OTHER = "other"


#: Kinds with a sliding window of weights (a convolution of some sort).
CONV_KINDS = frozenset({Kind.CONV, Kind.CONV_TRANSPOSE, Kind.DEPTHWISE, Kind.SEPARABLE})

#: Kinds that modify their input in place or return a view of it: cs231n's memory count
#: leaves them out.
NOT_STORED = frozenset(
    {Kind.ACTIVATION, Kind.DROPOUT, Kind.IDENTITY, Kind.FLATTEN, Kind.RESHAPE}
)


@value
class LayerCall:
    """One call of one layer, described without its framework.

    Attributes:
        name: the layer's name in its model.
        type: its class name (``"Conv2D"``, ``"Conv2d"``).
        kind: its [`Kind`][convdims.description.Kind].
        output_shape: the (first) output's shape, batch first (``None`` allowed).
        input_spatial: the input's spatial sizes (``()`` when it has none).
        output_spatial: the output's spatial sizes.
        in_channels: channels (or features) in; for a dense layer the input features.
        out_channels: channels (or units) out.
        window: per spatial axis, the [`AxisWindow`][convdims.AxisWindow] of a
            windowed layer (convolution, pooling), or the cells a padding layer adds (a
            cropping layer: removes) before and after; ``()`` otherwise.
        groups: convolution groups.
        depth_multiplier: depthwise and separable convolutions.
        params: parameters as the framework counts them.
        bias_params: of which biases (the bias vector; BatchNorm's shift).
        statistics: of which running statistics, not learned (Keras's BatchNorm
            moving mean and variance).
        param_bytes: memory of the parameters.
        inputs: indices of the earlier calls whose outputs this call takes.
        param_counts: the parameters as the framework names them, with their element
            counts (PyTorch's ``named_parameters()`` of the module: ``("weight", 1728)``,
            ``("weight_ih_l0", 4096)``); torchinfo's mult-adds rule goes by these names.
            ``()`` when not given (the rule then goes by the kind).
        owner: what made the call (the layer or module object, for the summaries to
            group calls by row); not compared and not shown.
    """

    name: str
    type: str
    kind: Kind
    output_shape: tuple[int | None, ...]
    input_spatial: tuple[int | None, ...] = ()
    output_spatial: tuple[int | None, ...] = ()
    in_channels: int = 0
    out_channels: int = 0
    window: tuple[AxisWindow, ...] = ()
    groups: int = 1
    depth_multiplier: int = 1
    params: int = 0
    bias_params: int = 0
    statistics: int = 0
    param_bytes: int = 0
    inputs: tuple[int, ...] = ()
    param_counts: tuple[tuple[str, int], ...] = ()
    owner: Any = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.kind, Kind):
            try:
                object.__setattr__(self, "kind", Kind(self.kind))
            except ValueError:
                raise ArgumentError(
                    f"kind={self.kind!r} is not one of {', '.join(Kind)}",
                    argument="kind",
                    value=self.kind,
                    valid=f"one of {', '.join(Kind)}",
                ) from None

    @property
    def batch(self) -> int:
        """The batch size (1 when unknown)."""
        first = self.output_shape[0] if self.output_shape else None
        return 1 if first is None else first

    @property
    def kernel_size(self) -> tuple[int, ...]:
        """Per spatial axis, the window's kernel size (``()`` without a window)."""
        return tuple(w.kernel_size for w in self.window)

    @property
    def strides(self) -> tuple[int, ...]:
        """Per spatial axis, the window's stride."""
        return tuple(w.stride for w in self.window)

    @property
    def dilation(self) -> tuple[int, ...]:
        """Per spatial axis, the window's dilation."""
        return tuple(w.dilation for w in self.window)

    @property
    def pad_before(self) -> tuple[int, ...]:
        """Per spatial axis, the cells of padding before the input."""
        return tuple(w.pad_before for w in self.window)


@value
class ModelGraph:
    """A model as the calls of its layers, in the order they run, inputs first.

    Attributes:
        calls: every call; ``calls[i].inputs`` are indices of earlier calls.
        name: the model's name (Keras) or class (PyTorch).
        dialect: ``"keras"`` or ``"torch"``.

    Raises:
        ArgumentError: a call takes a call that does not come before it.
    """

    calls: tuple[LayerCall, ...]
    name: str = ""
    dialect: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "calls", tuple(self.calls))
        for index, call in enumerate(self.calls):
            for source in call.inputs:
                if not 0 <= source < index:
                    raise ArgumentError(
                        f"call {index} ({call.name}) takes call {source}; inputs must be "
                        f"earlier calls (0..{index - 1})",
                        argument="inputs",
                        value=call.inputs,
                        valid=f"indices 0..{index - 1}",
                    )

    def __iter__(self) -> Iterator[LayerCall]:
        return iter(self.calls)

    def __len__(self) -> int:
        return len(self.calls)

    def __getitem__(self, index: int) -> LayerCall:
        return self.calls[index]

    @property
    def inputs(self) -> tuple[int, ...]:
        """Indices of the model's input calls."""
        return tuple(i for i, call in enumerate(self.calls) if call.kind is Kind.INPUT)

    def consumers(self, index: int) -> tuple[int, ...]:
        """Indices of the calls that take the output of call ``index``."""
        return tuple(i for i, call in enumerate(self.calls) if index in call.inputs)

    def calls_of(self, owner: Any) -> tuple[int, ...]:
        """Indices of the calls ``owner`` (a layer or module object) made."""
        return tuple(i for i, call in enumerate(self.calls) if call.owner is owner)


__all__ = [
    "CONV_KINDS",
    "NOT_STORED",
    "Kind",
    "LayerCall",
    "ModelGraph",
]

"""Multiply-accumulates, memory and receptive fields, layer by layer.

The dialects describe a model as a framework-neutral
[`ModelGraph`][convdims.description.ModelGraph] of
[`LayerCall`][convdims.description.LayerCall] records (what each call is, its shapes, its
window, which earlier calls feed it); [`measure_calls`][convdims.analysis.measure_calls]
turns that graph into one [`LayerMeasures`][convdims.analysis.LayerMeasures] per call, and
[`measures`][convdims.analysis.measures] does both for a model of either dialect.

Conventions (the site's "MACs, memory and receptive fields" page explains them):

- ``macs``: multiplications by a weight, each with its accumulation. A convolution
  makes ``k^d * C_in/groups`` of them per output value, a dense layer ``in_features``
  per output value, a transposed convolution ``k^d * C_out/groups`` per *input* value
  (each input value is scattered through the kernel). Biases (an addition, no multiply),
  BatchNorm (folded into the convolution before it at inference), pooling, activations
  and merges count 0. FLOPs = 2 x MACs. This is the count behind torchvision's published
  figures.
- ``mult_adds``: torchinfo's rule, for comparison with its "Total mult-adds": every
  weight and bias of a convolution (transposed too) times the output positions; every
  learned parameter of any other layer (Linear, BatchNorm's scale and shift) once per
  sample.
- ``activations``: elements of the layer's output (a batch of ``None`` counts as 1);
  ``stored`` says whether cs231n's memory count includes it (activations, dropout and
  flatten/reshape act in place or make views and are not counted; the input is).
- ``weights``: parameters without the biases (cs231n's "weights").
- ``receptive_field``: per spatial axis, the
  [`ReceptiveField`][convdims.receptive.ReceptiveField]
  of one output cell with respect to the model's input (Araujo, Norris and Sim, 2019),
  dilation through the effective kernel ``K = d*(k - 1) + 1``. Where branches meet, the
  field is the union of the branches' spans (for centred branches: the largest one).
  A dense layer after a flatten, and global pooling, span the whole feature map. After
  an upsampling layer (a transposed convolution with stride > 1, UpSampling) the field
  is None: the output is no longer a sliding window over the input.

Examples:
    >>> from convdims.window import AxisWindow
    >>> calls = [
    ...     LayerCall("input", "Input", "input", (1, 3, 32, 32), output_spatial=(32, 32)),
    ...     LayerCall("conv", "Conv2d", "conv", (1, 5, 30, 30), input_spatial=(32, 32),
    ...               output_spatial=(30, 30), in_channels=3, out_channels=5,
    ...               window=(AxisWindow(3),) * 2, params=140, bias_params=5, inputs=(0,)),
    ... ]
    >>> conv = measure_calls(calls)[1]
    >>> conv.macs, conv.flops, conv.mult_adds, conv.activations, conv.receptive_field[0]
    (121500, 243000, 126000, 4500, ReceptiveField(size=3, stride=1, padding=0))
"""

from convdims.analysis._columns import (
    COLUMN_TITLES,
    check_columns,
    column_value,
    field_text,
)
from convdims.analysis._fields import union
from convdims.analysis._macs import (
    conv_macs,
    conv_transpose_macs,
    dense_macs,
    depthwise_conv_macs,
    layer_macs,
    separable_conv_macs,
    torchinfo_mult_adds,
)
from convdims.analysis._measures import (
    LayerMeasures,
    Totals,
    combine,
    describe,
    measure_calls,
    measures,
    totals,
)

# The description lives in convdims.description; kept importable from here.
from convdims.description import NOT_STORED, Kind, LayerCall, ModelGraph  # noqa: F401

#: The layer kinds a [`LayerCall`][convdims.description.LayerCall] may have (the values
#: of [`Kind`][convdims.description.Kind]).
KINDS = tuple(kind.value for kind in Kind)

__all__ = [
    "COLUMN_TITLES",
    "KINDS",
    "LayerMeasures",
    "Totals",
    "check_columns",
    "column_value",
    "combine",
    "conv_macs",
    "conv_transpose_macs",
    "dense_macs",
    "depthwise_conv_macs",
    "describe",
    "field_text",
    "layer_macs",
    "measure_calls",
    "measures",
    "separable_conv_macs",
    "torchinfo_mult_adds",
    "totals",
    "union",
]

"""What a summary found: the rows, the totals (torchinfo's ``ModelStatistics``).

[`totals`][convdims.torch.model_statistics.totals] adds the rows up the way torchinfo
does (parameters once, recursive rows not again, containers by their leftover
parameters; mult-adds over leaf calls); [`ModelSummary`][convdims.torch.ModelSummary]
holds the result, and ``str()`` of it is the table.

>>> from convdims.torch import nn, summary
>>> result = summary(nn.Sequential(nn.Conv2d(3, 5, 3)), (1, 3, 32, 32), verbose=0)
>>> result.total_params, result.total_mult_adds, result.total_bytes
(140, 126000, 48912)
"""

from __future__ import annotations

from collections.abc import Iterable

from convdims._values import value
from convdims.torch.formatting import DEFAULT_COLUMNS, name_width, table
from convdims.torch.layer_info import LayerInfo, LayerRow

#: torchinfo measures each input with ``sys.getsizeof(tensor.untyped_storage())``: the
#: data plus the storage object's own 64 bytes (CPython 3.11, PyTorch 2.x). Kept so the
#: "Input size (MB)" line matches torchinfo's to the last digit.
STORAGE_OBJECT_BYTES = 64


@value
class Totals:
    """torchinfo's sums over the rows."""

    total_params: int
    trainable_params: int
    total_mult_adds: int
    param_bytes: int
    forward_backward_bytes: int


def totals(infos: Iterable[LayerInfo]) -> Totals:
    """Add up the rows as torchinfo's ``ModelStatistics`` does.

    Leaf rows count their parameters (not again when recursive) and their mult-adds
    (every call); a leaf with parameters counts its output twice in the
    forward/backward memory (the gradient); a container counts its leftover
    parameters (those no row below it shows).
    """
    total = trainable = macs = param_bytes = output_bytes = 0
    for info in infos:
        if info.is_leaf:
            macs += info.mult_adds
            if info.num_params > 0:
                output_bytes += info.output_bytes * 2
            if info.is_recursive:
                continue
            total += max(info.num_params, 0)
            param_bytes += info.param_bytes
            trainable += max(info.trainable_params, 0)
        elif not info.is_recursive:
            leftover, leftover_trainable = info.leftovers()
            total += max(leftover, 0)
            trainable += max(leftover_trainable, 0)
    return Totals(total, trainable, macs, param_bytes, output_bytes)


@value
class ModelSummary:
    """What [`summary`][convdims.torch.summary] found: the rows, the totals and how to
    print them.

    ``str(result)`` (and ``repr``) is the table. ``non_trainable_params`` counts frozen
    parameters (``requires_grad=False``); BatchNorm's running statistics are buffers and
    are not counted, as in PyTorch.
    """

    model_name: str
    rows: tuple[LayerRow, ...]
    input_shapes: tuple[tuple[int, ...], ...]
    total_params: int
    trainable_params: int
    total_mult_adds: int
    input_bytes: int
    forward_backward_bytes: int
    param_bytes: int
    columns: tuple[str, ...] = DEFAULT_COLUMNS
    depth: int = 3
    col_width: int = 25
    show_depth: bool = True
    show_var_name: bool = False
    ascii_only: bool = False
    hide_recursive: bool = False

    @property
    def non_trainable_params(self) -> int:
        """Frozen parameters."""
        return self.total_params - self.trainable_params

    @property
    def total_bytes(self) -> int:
        """torchinfo's "Estimated Total Size": input + forward/backward + parameters."""
        return self.input_bytes + self.forward_backward_bytes + self.param_bytes

    @property
    def name_width(self) -> int:
        """The width of the layer column (40, or wider for long names)."""
        return name_width(self)

    def visible_rows(self) -> list[LayerRow]:
        """The rows the table shows (those within ``depth``)."""
        return [
            row
            for row in self.rows
            if row.depth <= self.depth and not (self.hide_recursive and row.is_recursive)
        ]

    def __str__(self) -> str:
        return table(self)

    __repr__ = __str__

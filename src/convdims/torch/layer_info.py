"""One row of the summary: the record code reads, and the row under construction.

torchinfo keeps one ``LayerInfo`` per module call while the forward pass runs;
[`LayerInfo`][convdims.torch.layer_info.LayerInfo] is that, and
[`LayerRow`][convdims.torch.layer_info.LayerRow] the frozen record a summary returns.

>>> from convdims.torch import nn, summary
>>> row = summary(nn.Conv2d(3, 5, 3), input_size=(1, 3, 32, 32), verbose=0).rows[0]
>>> row.class_name, row.output_shape, row.num_params, row.mult_adds
('Conv2d', (1, 5, 30, 30), 140, 126000)
"""

from __future__ import annotations

from convdims._values import value
from convdims.analysis import LayerMeasures

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from convdims.torch.nn.module import Module
    from convdims.torch.tensor import Tensor


@value
class LayerRow:
    """One row of the summary: one call of one module (or a container never called).

    Attributes:
        class_name: the module's class, e.g. ``"Conv2d"``.
        var_name: the attribute name under its parent (the model's class name at depth 0).
        depth: 0 for the model, 1 for its children, and so on.
        depth_index: the row's number among the rows of the same depth (torchinfo's
            ``depth-idx``).
        input_shape: the first input's shape, ``()`` when not called.
        output_shape: the (first) output's shape, ``()`` when not called.
        kernel_size: the module's ``kernel_size`` (an int or a tuple), or None.
        num_params: every parameter of the module and its descendants.
        trainable_params: those with ``requires_grad``.
        own_params: parameters not already shown on a descendant's row (torchinfo's
            "leftover" parameters of a container).
        own_trainable_params: the trainable part of ``own_params``.
        is_leaf: the module has no children.
        is_recursive: the module already had a row (it is called again).
        executed: the forward pass called this module.
        mult_adds: torchinfo's multiply-accumulate count for this call
            ([`torchinfo_mult_adds`][convdims.analysis.torchinfo_mult_adds]: weights
            times output positions, biases included; 0 for layers without parameters).
        children_mult_adds: the sum over leaf descendants (shown at the depth limit).
        param_bytes: bytes of the parameters counted on this row.
        output_bytes: bytes of the output.
        measures: MACs, memory and receptive field of this call
            ([`LayerMeasures`][convdims.analysis.LayerMeasures]), when an analysis
            column was asked for; for a container, its descendants' MACs and its
            output's field.
    """

    class_name: str
    var_name: str
    depth: int
    depth_index: int | None
    input_shape: tuple[int, ...]
    output_shape: tuple[int, ...]
    kernel_size: Any
    num_params: int
    trainable_params: int
    own_params: int
    own_trainable_params: int
    is_leaf: bool
    is_recursive: bool
    executed: bool
    mult_adds: int
    children_mult_adds: int
    param_bytes: int
    output_bytes: int
    measures: LayerMeasures | None = None

    def title(self, show_var_name: bool = False, show_depth: bool = True) -> str:
        """The text of the layer column without the tree lines: ``Conv2d: 1-1``."""
        name = self.class_name
        if show_var_name and self.var_name:
            name += f" ({self.var_name})"
        if show_depth and self.depth > 0:
            name += f": {self.depth}"
            if self.depth_index is not None:
                name += f"-{self.depth_index}"
        return name


class LayerInfo:
    """A row under construction (torchinfo's ``LayerInfo``): one call of one module,
    or a module's place in the tree before it is called.

    Attributes:
        module: the module.
        var_name, depth: as in [`LayerRow`][convdims.torch.layer_info.LayerRow].
        parent: the place of the parent module in the tree (None for the model).
        children: after linking, the rows below this one (its descendants' calls).
        call_index: the index of this call in the model's
            [`ModelGraph`][convdims.description.ModelGraph] (a leaf call), or of the
            call whose output this container returned; None when unknown.
    """

    # What a row is until the trace says otherwise (immutable defaults, read from the
    # class: a row sets only what differs, which keeps a forward pass cheap).
    depth_index: int | None = None
    is_recursive = False
    executed = False
    input_shape: tuple[int, ...] = ()
    output_shape: tuple[int, ...] = ()
    output_bytes = 0
    mult_adds = 0
    num_params = 0
    trainable_params = 0
    param_bytes = 0
    in_tensors: tuple[Tensor, ...] = ()
    out_tensors: tuple[Tensor, ...] = ()
    call_index: int | None = None
    _leftovers: tuple[int, int] | None = None

    def __init__(
        self,
        var_name: str,
        module: Module,
        depth: int,
        parent: LayerInfo | None,
        is_leaf: bool | None = None,
    ) -> None:
        if is_leaf is None:
            is_leaf = not any(m is not None for m in module._modules.values())
        self.__dict__.update(
            module=module,
            var_name=var_name,
            depth=depth,
            parent=parent,
            class_name=type(module).__name__,
            is_leaf=is_leaf,
            children=[],
        )

    def leftovers(self) -> tuple[int, int]:
        """Parameters not shown on a descendant's row, and their trainable part
        (torchinfo's ``leftover_params``; computed once, after linking)."""
        if self.is_leaf:
            return self.num_params, self.trainable_params
        if self._leftovers is None:
            total, trainable = self.num_params, self.trainable_params
            for child in self.children:
                if child.is_recursive:
                    continue
                if child.is_leaf:
                    total -= child.num_params
                    trainable -= child.trainable_params
                else:
                    below, below_trainable = child.leftovers()
                    total -= below
                    trainable -= below_trainable
            self._leftovers = (total, trainable)
        return self._leftovers

    def record(self, measures: LayerMeasures | None = None) -> LayerRow:
        """The frozen row."""
        module = self.module
        kernel = _kernel_size(module)
        if isinstance(kernel, list):
            kernel = tuple(kernel)
        leftover, leftover_trainable = self.leftovers()
        is_leaf = self.is_leaf
        row = _new(LayerRow)
        # What LayerRow(...) stores, field by field, without its keyword call.
        _set(
            row,
            "__dict__",
            {
                "class_name": self.class_name,
                "var_name": self.var_name,
                "depth": self.depth,
                "depth_index": self.depth_index,
                "input_shape": self.input_shape,
                "output_shape": self.output_shape,
                "kernel_size": kernel,
                "num_params": self.num_params,
                "trainable_params": self.trainable_params,
                "own_params": leftover,
                "own_trainable_params": leftover_trainable,
                "is_leaf": is_leaf,
                "is_recursive": self.is_recursive,
                "executed": self.executed,
                "mult_adds": self.mult_adds,
                "children_mult_adds": (
                    0 if is_leaf else sum([c.mult_adds for c in self.children if c.is_leaf])
                ),
                "param_bytes": self.param_bytes,
                "output_bytes": self.output_bytes,
                "measures": measures,
            },
        )
        return row


_new = object.__new__
_set = object.__setattr__

#: Per module class: whether ``getattr(module, "kernel_size", None)`` is answered by
#: the instance's dicts alone (no class attribute or descriptor of that name, and
#: ``Module``'s own ``__getattr__``).
_plain_kernel: dict[type, bool] = {}


def _kernel_size(module: Module) -> Any:
    """``getattr(module, "kernel_size", None)``, without raising and catching an
    AttributeError for each module that has none."""
    cls = type(module)
    plain = _plain_kernel.get(cls)
    if plain is None:
        from convdims.torch.nn.module import Module

        plain = _plain_kernel[cls] = (
            not any("kernel_size" in base.__dict__ for base in cls.__mro__)
            and cls.__getattr__ is Module.__getattr__
            and cls.__getattribute__ is object.__getattribute__
        )
    if not plain:
        return getattr(module, "kernel_size", None)
    attributes = module.__dict__
    if "kernel_size" in attributes:
        return attributes["kernel_size"]
    for store in ("_parameters", "_buffers", "_modules"):
        values = attributes.get(store)
        if values is not None and "kernel_size" in values:
            return values["kernel_size"]
    return None

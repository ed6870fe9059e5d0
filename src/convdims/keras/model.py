"""Models: ``Sequential`` stacks and functional ``Model(inputs, outputs)`` graphs.

They behave like Keras 3's for everything that decides shapes, parameter counts and
names: a Sequential model builds itself (through an input layer and an inner functional
graph, which uses up a ``functional`` name as in Keras) as soon as it knows its input
shape and again after every ``add``; a functional model orders its layers by depth as
Keras does; both print Keras's summary table.
"""

from __future__ import annotations

from collections.abc import Callable

from convdims.keras._graph import KerasTensor, flatten, map_graph
from convdims.keras._naming import auto_name
from convdims.keras.layers._arguments import standardize_shape
from convdims.keras.layers._layer import Layer, Weight
from convdims.keras.layers.input_layer import InputLayer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _unique(weights: list[Weight]) -> list[Weight]:
    """Each weight once (a layer shared by two models), in first-seen order."""
    return list({id(weight): weight for weight in weights}.values())


_PLAIN: dict[type, bool] = {}


def _plain_weights(cls: type) -> bool:
    """Whether layers of ``cls`` list their weights as the base ``Layer`` does (their
    own ``_weights``, the ``trainable`` flag moving them all): no ``call`` of the user's
    (which tracks inner layers) and no weight property of its own."""
    plain = _PLAIN.get(cls)
    if plain is None:
        plain = _PLAIN[cls] = all(
            getattr(cls, name) is getattr(Layer, name)
            for name in ("call", "weights", "trainable", "trainable_weights")
        ) and (cls.non_trainable_weights is Layer.non_trainable_weights)
    return plain


def _replace_tensors(structure: Any, values: dict[int, Any]) -> Any:
    if isinstance(structure, KerasTensor):
        return values[id(structure)]
    if isinstance(structure, (list, tuple)):
        return [_replace_tensors(item, values) for item in structure]
    if isinstance(structure, dict):
        return {key: _replace_tensors(item, values) for key, item in structure.items()}
    return structure


class Model(Layer):
    """A model: ``Model(inputs, outputs)`` makes a functional model
    (``Functional``).

    Subclassed models with a custom ``call`` are not supported: convdims never runs
    code on values, so it cannot trace one.
    """

    #: The dialect whose ``describe(model, input_size)`` reads this model (for
    #: [`analysis.describe`][convdims.analysis.describe]).
    _dialect = "convdims.keras"

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        if cls is Model:
            return super().__new__(Functional)
        return super().__new__(cls)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if len(args) >= 2 or "inputs" in kwargs or "outputs" in kwargs:
            # A subclass built the functional way (super().__init__(inputs=..., outputs=
            # ...), as KerasCV's backbones are): Keras makes it a Functional model.
            self.__class__ = _functional_subclass(type(self))
            Functional.__init__(self, *args, **kwargs)
            return
        raise TypeError(
            "convdims.keras.Model needs `inputs` and `outputs` (the functional API); "
            "subclassed models with a custom call() cannot be traced without values"
        )

    def _inner_graph(self) -> Functional:
        """The functional graph of the model, which a summary and ``describe`` walk."""
        raise NotImplementedError

    # Weights -------------------------------------------------------------------------

    @property
    def layers(self) -> list[Layer]:
        raise NotImplementedError

    @property
    def trainable(self) -> bool:
        return self._trainable

    @trainable.setter
    def trainable(self, value: bool) -> None:
        self._trainable = bool(value)
        for layer in self._all_layers():
            layer.trainable = value

    def _all_layers(self) -> list[Layer]:
        return self.layers

    @property
    def weights(self) -> list[Weight]:
        return _unique([w for layer in self._all_layers() for w in layer.weights])

    @property
    def trainable_weights(self) -> list[Weight]:
        if not self.trainable:
            return []
        return _unique([w for layer in self._all_layers() for w in layer.trainable_weights])

    @property
    def non_trainable_weights(self) -> list[Weight]:
        if not self.trainable:
            return self.weights
        return _unique(
            [w for layer in self._all_layers() for w in layer.non_trainable_weights]
        )

    def _summary_weights(self) -> tuple[list[Weight], list[Weight]]:
        """``trainable_weights`` and ``non_trainable_weights``, as the summary counts
        them: read in one pass over the layers' own weights when neither this class
        nor a layer's class changes how weights are listed (every built-in one)."""
        cls = type(self)
        if not (
            cls.trainable_weights is Model.trainable_weights
            and cls.non_trainable_weights is Model.non_trainable_weights
            and cls.trainable is Model.trainable
            and self.trainable
        ):
            return self.trainable_weights, self.non_trainable_weights
        trainable: list[Weight] = []
        non_trainable: list[Weight] = []
        for layer in self._all_layers():
            if _plain_weights(type(layer)):
                if layer._trainable:
                    for weight in layer._weights:
                        (trainable if weight[3] else non_trainable).append(weight)
                else:
                    non_trainable += layer._weights
            else:
                trainable += layer.trainable_weights
                non_trainable += layer.non_trainable_weights
        return _unique(trainable), _unique(non_trainable)

    def get_layer(self, name: str | None = None, index: int | None = None) -> Layer:
        """A layer by name or by index in ``layers``."""
        if index is not None and name is not None:
            raise ValueError(
                "Provide only a layer name or a layer index. Received: "
                f"index={index}, name={name}."
            )
        if index is not None:
            if len(self.layers) <= index:
                raise ValueError(
                    f"Was asked to retrieve layer at index {index} but model only has "
                    f"{len(self.layers)} layers."
                )
            return self.layers[index]
        if name is not None:
            for layer in self.layers:
                if layer.name == name:
                    return layer
            raise ValueError(
                f"No such layer: {name}. Existing layers are: "
                f"{[layer.name for layer in self.layers]}."
            )
        raise ValueError("Provide either a layer name or layer index at `get_layer`.")

    # Training: accepted, never run ----------------------------------------------------

    #: Whether ``compile`` was called (Keras's ``Model.compiled``).
    compiled = False
    optimizer: Any = None
    loss: Any = None

    def compile(
        self,
        optimizer: Any = "rmsprop",
        loss: Any = None,
        loss_weights: Any = None,
        metrics: Any = None,
        weighted_metrics: Any = None,
        run_eagerly: bool = False,
        steps_per_execution: int = 1,
        jit_compile: Any = "auto",
        auto_scale_loss: bool = True,
    ) -> None:
        """Configure training, as Keras does: the optimizer is resolved now (an unknown
        name is refused as Keras refuses it), the loss and metrics when training would
        start. Nothing is trained here; ``summary()`` prints what Keras prints after
        ``compile`` (its optimizer has no variables before the first training step), and
        ``fit``, ``evaluate`` and ``predict`` are refused (convdims computes shapes and
        counts only).

        Raises:
            ValueError: an optimizer Keras cannot interpret.
        """
        from convdims.keras import optimizers

        self.optimizer = optimizers.get(optimizer)
        self.loss = loss
        self.compiled = True
        self._compile_config = {
            "loss_weights": loss_weights,
            "metrics": metrics,
            "weighted_metrics": weighted_metrics,
            "run_eagerly": run_eagerly,
            "steps_per_execution": steps_per_execution,
            "jit_compile": jit_compile,
            "auto_scale_loss": auto_scale_loss,
        }

    # Summary ---------------------------------------------------------------------------

    def summary(
        self,
        line_length: int | None = None,
        positions: list[float] | None = None,
        print_fn: Callable[..., Any] | None = None,
        expand_nested: bool = False,
        show_trainable: bool = False,
        layer_range: Any = None,
        columns: Any = None,
    ) -> None:
        """Print Keras 3's summary table, character for character.

        Args:
            line_length: total width; by default 88 (108 with a "Connected to" column),
                at most the terminal width minus 4, as in Keras.
            positions: right edges of the columns, as fractions of the width (or
                absolute positions).
            print_fn: called once with the whole summary as one string, instead of
                printing it.
            expand_nested: also list the layers inside nested models.
            show_trainable: add a "Trainable" column.
            layer_range: two layer names (or regexes): the first and last rows to show.
            columns: a convdims addition (Keras has no such argument): analysis
                columns to append, e.g. ``("macs", "receptive_field")``; see
                [`COLUMN_TITLES`][convdims.analysis.COLUMN_TITLES]. Without it the table is
                Keras's own.
        """
        from convdims.keras.summary import print_summary

        print_summary(
            self,
            line_length=line_length,
            positions=positions,
            print_fn=print_fn,
            expand_nested=expand_nested,
            show_trainable=show_trainable,
            layer_range=layer_range,
            columns=columns,
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} name={self.name}, built={self.built}>"


class Functional(Model):
    """A model defined by its input and output tensors (``keras.Model(inputs, outputs)``).

    >>> from convdims import keras
    >>> from convdims.keras import layers
    >>> x = keras.Input((32, 32, 3))
    >>> model = keras.Model(x, layers.Conv2D(5, 3)(x))
    >>> model.output_shape, model.count_params()
    ((None, 30, 30, 5), 140)
    """

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        # Keras's Functional defines __new__ too: its signature is (*args, **kwargs).
        return Layer.__new__(cls)

    def __init__(self, inputs: Any, outputs: Any, name: str | None = None, **kwargs: Any):
        trainable = kwargs.pop("trainable", None)
        if name is None:
            own = getattr(type(self), "_subclass_name", None)
            name = auto_name(own or "Functional")
        Layer.__init__(self, name=name, **kwargs)
        for what, value in (("inputs", inputs), ("outputs", outputs)):
            for x in flatten(value):
                if not isinstance(x, KerasTensor):
                    raise ValueError(
                        f"All `{what}` values must be KerasTensors. Received: "
                        f"{what}={value} including invalid value {x} of type {type(x)}"
                    )
        self._inputs_struct = inputs
        self._outputs_struct = outputs
        self._inputs = flatten(inputs)
        self._outputs = flatten(outputs)
        if not self._inputs:
            raise ValueError(
                f"`inputs` argument cannot be empty. Received:\ninputs={inputs}\n"
                f"outputs={outputs}"
            )
        if not self._outputs:
            raise ValueError(
                f"`outputs` argument cannot be empty. Received:\ninputs={inputs}\n"
                f"outputs={outputs}"
            )
        self._nodes, self._nodes_by_depth, self._operations, _ = map_graph(
            self._inputs, self._outputs
        )
        self._check_outputs_reachable()
        if trainable is not None:
            self.trainable = trainable
        self.built = True

    def _inner_graph(self) -> Functional:
        return self

    def _check_outputs_reachable(self) -> None:
        """Keras runs the graph once when built: each output must follow from inputs."""
        reached = {id(x) for x in self._inputs}
        for depth in sorted(self._nodes_by_depth, reverse=True):
            for node in self._nodes_by_depth[depth]:
                if not node.is_input and reached.issuperset(map(id, node.input_tensors)):
                    reached.update(map(id, node.outputs))
        for index, tensor in enumerate(self._outputs):
            if id(tensor) not in reached:
                path = "" if isinstance(self._outputs_struct, KerasTensor) else str(index)
                raise ValueError(f"Output with path `{path}` is not connected to `inputs`")

    @property
    def layers(self) -> list[Layer]:
        """Every layer, input layers included, in Keras's order (by depth); the
        operations of the graph (``x + 1.0``) are not layers, as in Keras."""
        return [
            op
            for op in self._operations
            if isinstance(op, Layer) and not getattr(op, "_is_operation", False)
        ]

    @property
    def inputs(self) -> list[KerasTensor]:
        return self._inputs

    @property
    def outputs(self) -> list[KerasTensor]:
        return self._outputs

    @property
    def input(self) -> Any:
        return self._inputs_struct

    @property
    def output(self) -> Any:
        return self._outputs_struct

    @property
    def input_shape(self) -> Any:
        shapes = [x.shape for x in self._inputs]
        return shapes[0] if len(shapes) == 1 else shapes

    @property
    def output_shape(self) -> Any:
        shapes = [x.shape for x in self._outputs]
        return shapes[0] if len(shapes) == 1 else shapes

    def compute_output_shape(self, input_shape: Any) -> Any:
        """Run new input shapes through the graph, layer by layer (no nodes recorded)."""
        shapes = input_shape
        if len(self._inputs) == 1 and not (
            isinstance(shapes, list) and shapes and isinstance(shapes[0], (list, tuple))
        ):
            shapes = [shapes]
        values: dict[int, Any] = {
            id(x): tuple(s)
            for x, s in zip(self._inputs, flatten_shapes(shapes), strict=False)
        }
        for depth in sorted(self._nodes_by_depth, reverse=True):
            for node in self._nodes_by_depth[depth]:
                if node.is_input or not all(id(x) in values for x in node.input_tensors):
                    continue
                arguments = _replace_tensors(node.arguments, values)
                if (
                    isinstance(arguments, list)
                    and len(node.input_tensors) == 1
                    and (isinstance(node.arguments, KerasTensor))
                ):
                    arguments = arguments[0]
                result = node.operation.compute_output_shape(arguments)
                outputs = (
                    [tuple(r) for r in result] if len(node.outputs) > 1 else [tuple(result)]
                )
                for tensor, shape in zip(node.outputs, outputs, strict=False):
                    values[id(tensor)] = standardize_shape(shape)
        result = [values[id(x)] for x in self._outputs]
        return result[0] if len(result) == 1 else result


def flatten_shapes(shapes: Any) -> list:
    """A list of shapes from one shape or a nested list of them."""
    if (
        isinstance(shapes, (list, tuple))
        and shapes
        and isinstance(shapes[0], (list, tuple))
    ):
        return [s for item in shapes for s in flatten_shapes(item)]
    return [shapes]


class Sequential(Model):
    """A plain stack of layers, each taking the previous one's output.

    >>> from convdims import keras
    >>> from convdims.keras import layers
    >>> model = keras.Sequential([keras.Input((32, 32, 3)), layers.Conv2D(5, 3)])
    >>> model.add(layers.MaxPooling2D(2))
    >>> model.output_shape, model.count_params()
    ((None, 15, 15, 5), 140)
    """

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        # Keras's Sequential defines __new__ too: its signature is (*args, **kwargs).
        return Layer.__new__(cls)

    def __init__(
        self,
        layers: list[Any] | None = None,
        trainable: bool = True,
        name: str | None = None,
    ) -> None:
        Layer.__init__(self, trainable=trainable, name=name)
        self._functional: Functional | None = None
        self._layers: list[Layer] = []
        if layers:
            for layer in layers:
                self.add(layer, rebuild=False)
            self._maybe_rebuild()

    def add(self, layer: Any, rebuild: bool = True) -> None:
        """Put ``layer`` (or a ``keras.Input`` tensor) on top of the stack."""
        if not self._layers and getattr(layer, "_input_shape_arg", None) is not None:
            self.add(InputLayer(shape=layer._input_shape_arg))
        history = getattr(layer, "_keras_history", None)
        if history is not None and isinstance(history[0], InputLayer):
            layer = history[0]
        if not isinstance(layer, Layer):
            raise ValueError(
                "Only instances of `keras.Layer` can be added to a Sequential model. "
                f"Received: {layer} (of type {type(layer)})"
            )
        if any(existing.name == layer.name for existing in self._layers):
            raise ValueError(
                "All layers added to a Sequential model should have unique names. Name "
                f"'{layer.name}' is already the name of a layer in this model. Update the "
                "`name` argument to pass a unique name."
            )
        if (
            isinstance(layer, InputLayer)
            and self._layers
            and isinstance(self._layers[0], InputLayer)
        ):
            raise ValueError(
                f"Sequential model '{self.name}' has already been configured to use input "
                f"shape {self._layers[0].batch_shape}. You cannot add a different Input "
                "layer to it."
            )
        self._layers.append(layer)
        if rebuild:
            self._maybe_rebuild()
        else:
            self.built = False
            self._functional = None

    def pop(self, rebuild: bool = True) -> Layer:
        """Remove the top layer and return it."""
        layer = self._layers.pop()
        self.built = False
        self._functional = None
        if rebuild:
            self._maybe_rebuild()
        return layer

    def _maybe_rebuild(self) -> None:
        self.built = False
        self._functional = None
        if isinstance(self._layers[0], InputLayer) and len(self._layers) > 1:
            self.build(self._layers[0].batch_shape)
        elif len(self._layers) > 1 and isinstance(self._layers[0], Model):
            try:
                shape = self._layers[0].input_shape
            except AttributeError:
                return
            self.build(shape)

    def build(self, input_shape: Any = None) -> None:
        """Build the stack for inputs of ``input_shape`` (batch axis included)."""
        try:
            input_shape = standardize_shape(input_shape)
        except (ValueError, TypeError):
            return
        if not self._layers:
            raise ValueError(
                f"Sequential model {self.name} cannot be built because it has no layers. "
                "Call `model.add(layer)`."
            )
        if isinstance(self._layers[0], InputLayer):
            if self._layers[0].batch_shape != input_shape:
                raise ValueError(
                    f"Sequential model '{self.name}' has already been configured to use "
                    f"input shape {self._layers[0].batch_shape}. You cannot build it with "
                    f"input_shape {input_shape}"
                )
        else:
            self._layers = [InputLayer(batch_shape=input_shape)] + self._layers
        inputs = self._layers[0].output
        x = inputs
        for layer in self._layers[1:]:
            x = layer(x)
        self._functional = Functional(inputs=inputs, outputs=x)
        self._build_shapes = input_shape
        self.built = True

    @property
    def layers(self) -> list[Layer]:
        """The layers added, without the input layer."""
        if self._layers and isinstance(self._layers[0], InputLayer):
            return self._layers[1:]
        return self._layers[:]

    def _all_layers(self) -> list[Layer]:
        return self._layers

    def _inner_graph(self) -> Functional:
        if self._functional is None:
            raise ValueError(
                f"Sequential model '{self.name}' has no input shape yet: give it a "
                "keras.Input (or build it) before measuring it"
            )
        return self._functional

    def compute_output_shape(self, input_shape: Any) -> Any:
        if self._functional is not None:
            return self._functional.compute_output_shape(input_shape)
        shape = input_shape
        for layer in self.layers:
            shape = layer.compute_output_shape(shape)
        return shape

    def _built_graph(self, what: str) -> Functional:
        if self._functional is None:
            raise AttributeError(
                f"Sequential model '{self.name}' has no defined {what} yet."
            )
        return self._functional

    @property
    def input_shape(self) -> Any:
        return self._built_graph("input shape").input_shape

    @property
    def output_shape(self) -> Any:
        return self._built_graph("output shape").output_shape

    @property
    def inputs(self) -> list[KerasTensor]:
        return self._built_graph("inputs").inputs

    @property
    def outputs(self) -> list[KerasTensor]:
        return self._built_graph("outputs").outputs

    @property
    def input(self) -> Any:
        return self._built_graph("input").input

    @property
    def output(self) -> Any:
        return self._built_graph("output").output


_functional_subclasses: dict[type, type] = {}


def _functional_subclass(cls: type) -> type:
    """``cls`` (a subclass of Model) with Functional behind it, as Keras's
    ``inject_functional_model_class`` makes it; it keeps the class's name."""
    made = _functional_subclasses.get(cls)
    if made is None:
        made = type(
            cls.__name__,
            (cls, Functional),
            {
                "__module__": cls.__module__,
                "__qualname__": cls.__qualname__,
                "_subclass_name": cls.__name__,
            },
        )
        _functional_subclasses[cls] = made
    return made

"""The base of every layer: names, weights, input checks and symbolic calls.

A layer here holds no values. Calling it on a ``KerasTensor``
checks the input against the layer's ``InputSpec``, builds the layer's weights
(shapes and sizes only) the first time, computes the output shape with the core
functions and records the call, exactly where Keras does each of these things, so
errors surface at the same moment (construction, build or call).
"""

from __future__ import annotations

from operator import itemgetter

from convdims.description import Kind
from convdims.keras._graph import KerasTensor, Node, flatten, new_tensor, shapes_only
from convdims.keras._naming import auto_name
from convdims.keras.layers._arguments import standardize_shape
from convdims.keras.layers._dtypes import _DTYPE_BITS, dtype_policy
from convdims.keras.layers._dtypes import dtype_bits as dtype_bits
from convdims.keras.layers._dtypes import standardize_dtype as standardize_dtype
from convdims.keras.layers._input_spec import InputSpec as InputSpec
from convdims.keras.layers._input_spec import assert_input_compatibility

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


class Weight(tuple):
    """One weight tensor of a layer: its shape and how many scalars it holds.

    ``size`` comes from the core parameter functions; it always equals the product of
    ``shape``. ``trainable`` is the weight's own flag: a layer whose ``trainable`` is
    False reports all its weights as non-trainable without changing them. A value (a
    tuple of its fields underneath: models make thousands of them, and a tuple is the
    cheapest immutable record to make).

    >>> Weight("bias", (5,), 5)
    Weight(name='bias', shape=(5,), size=5, trainable=True, dtype='float32')
    >>> Weight("bias", (5,), 5).nbytes
    20.0
    """

    __slots__ = ()

    def __new__(
        cls,
        name: str,
        shape: tuple[int, ...],
        size: int,
        trainable: bool = True,
        dtype: str = "float32",
    ) -> Weight:
        return tuple.__new__(cls, (name, shape, size, trainable, dtype))

    name = property(itemgetter(0), doc="The weight's name (``kernel``, ``bias``...).")
    shape = property(itemgetter(1), doc="Its shape.")
    size = property(itemgetter(2), doc="Scalars it holds.")
    trainable = property(itemgetter(3), doc="Whether it trains.")
    dtype = property(itemgetter(4), doc="The dtype of its values.")

    def __repr__(self) -> str:
        return (
            f"Weight(name={self[0]!r}, shape={self[1]!r}, size={self[2]!r}, "
            f"trainable={self[3]!r}, dtype={self[4]!r})"
        )

    @property
    def nbytes(self) -> float:
        """Memory of the values, in bytes."""
        return self[2] * _DTYPE_BITS[self[4]] / 8


_new_tuple = tuple.__new__
_size = itemgetter(2)  # Weight.size, without the property


def _shapes_of(inputs: Any) -> Any:
    if isinstance(inputs, KerasTensor):
        return inputs.shape
    if isinstance(inputs, (list, tuple)):
        return [_shapes_of(x) for x in inputs]
    if isinstance(inputs, dict):
        return {key: _shapes_of(value) for key, value in inputs.items()}
    raise TypeError(
        f"convdims layers only work on symbolic tensors (keras.Input(...) or the output "
        f"of another layer); got {inputs!r} of type {type(inputs).__name__}. "
        "convdims computes shapes and parameter counts, not values."
    )


class Layer:
    """Base class of the Keras lookalike layers.

    Accepts Keras's common keyword arguments: ``name``, ``trainable``, ``dtype``
    (a dtype policy: its variable dtype sets the bytes per weight in a summary),
    ``activity_regularizer`` and ``autocast`` (no effect here), and the legacy
    ``input_shape`` / ``input_dim`` that a Sequential model turns into an input layer
    (with Keras's warning).

    >>> from convdims.keras import layers
    >>> conv = layers.Conv2D(5, 3, name="conv")
    >>> conv.built
    False
    >>> conv.build((None, 32, 32, 3))
    >>> conv.count_params(), [w.shape for w in conv.weights]
    (140, [(3, 3, 3, 5), (5,)])

    Each class declares what it is for the analysis, once: its ``_kind`` (a
    [`Kind`][convdims.description.Kind]) and, in ``_record_fields``, the fields of its
    [`LayerCall`][convdims.description.LayerCall] that only it knows (its window,
    channels, groups); ``convdims.keras.describe`` fills the
    rest (name, shapes, parameters) the same way for every layer.
    """

    #: What the layer is, for the analysis (the base: something else).
    _kind: ClassVar[Kind] = Kind.OTHER

    # What every layer starts with, on the class: a layer assigns its own value only
    # where it differs (a model has hundreds of layers; these are read far more rarely
    # than layers are made).
    built = False
    input_spec: Any = None
    _input_shape_arg: Any = None
    _build_shapes: Any = None
    _compute_dtype = "float32"
    _variable_dtype = "float32"
    _trainable = True

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        # As in Keras, whose Layer defines __new__: the signature of the class is then
        # that of the first __init__ or __new__ found up its MRO, as Keras's is.
        return super().__new__(cls)

    def __init__(
        self,
        *,
        activity_regularizer: Any = None,
        trainable: bool = True,
        dtype: Any = None,
        autocast: bool = True,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        if name is None:
            name = auto_name(type(self).__name__)
        if type(name) is not str or "/" in name:
            raise ValueError(
                "Argument `name` must be a string and cannot contain character `/`. "
                f"Received: name={name} (of type {type(name)})"
            )
        self.name = name
        self._inbound_nodes: list[Node] = []
        self._outbound_nodes: list[Node] = []
        if dtype is not None:
            self._compute_dtype, self._variable_dtype = dtype_policy(dtype)
        if kwargs:
            input_dim = kwargs.pop("input_dim", None)
            shape_arg = (
                (input_dim,) if input_dim is not None else kwargs.pop("input_shape", None)
            )
            if shape_arg is not None:
                import warnings  # only here: a deprecated argument, rarely seen

                warnings.warn(
                    "Do not pass an `input_shape`/`input_dim` argument to a layer. When "
                    "using Sequential models, prefer using an `Input(shape)` object as "
                    "the first layer in the model instead.",
                    UserWarning,
                    stacklevel=3,
                )
                self._input_shape_arg = shape_arg
            if kwargs:
                raise ValueError(
                    "Unrecognized keyword arguments passed to "
                    f"{type(self).__name__}: {kwargs}"
                )
        if trainable is not True:
            if not isinstance(trainable, bool):
                raise ValueError(
                    "Expected `trainable` to be a boolean. "
                    f"Received: trainable={trainable} (of type {type(trainable)})"
                )
            self._trainable = trainable
        self._weights: list[Weight] = []

    # Weights -----------------------------------------------------------------------

    def _weight_shape(self, name: str, shape: tuple) -> tuple[int, ...]:
        """A weight's shape checked as Keras's ``add_weight`` checks it: whole
        dimensions only (a float kernel size fails here, when the layer is built), all
        of them known."""
        standard = standardize_shape(shape)
        if None in standard:
            raise ValueError(
                "Shapes used to initialize variables must be fully-defined (no `None` "
                f"dimensions). Received: shape={standard} for variable "
                f"path='{self.name}/{name}'"
            )
        return standard

    def _add_weight(
        self,
        name: str,
        shape: tuple[int, ...],
        size: int,
        trainable: bool = True,
    ) -> Weight:
        fields = (name, tuple(shape), size, trainable, self._variable_dtype)
        weight = _new_tuple(Weight, fields)
        self._weights.append(weight)
        return weight

    @property
    def trainable(self) -> bool:
        """Whether the weights train; False moves them all to non-trainable."""
        return self._trainable

    @trainable.setter
    def trainable(self, value: bool) -> None:
        self._trainable = bool(value)

    @property
    def weights(self) -> list[Weight]:
        """Every weight of the layer, trainable first as Keras lists them; a layer of
        the user's (one with a ``call``) also has the weights of the layers it holds
        in its attributes, as Keras tracks them."""
        if type(self).call is Layer.call:
            return list(self._weights)
        weights = list(self._weights)
        for layer in self._tracked_layers():
            weights += [w for w in layer.weights if all(w is not seen for seen in weights)]
        return weights

    def _flatten_layers(self, include_self: bool = True, recursive: bool = True) -> Any:
        """This layer (``include_self``) and the layers it holds, depth first when
        ``recursive`` (Keras's private walk, which KerasCV's backbones call)."""
        if include_self:
            yield self
        children = self.layers if hasattr(type(self), "layers") else self._tracked_layers()
        seen = {id(self)}
        for child in children:
            if id(child) in seen:
                continue
            seen.add(id(child))
            if recursive:
                yield from child._flatten_layers(include_self=True, recursive=True)
            else:
                yield child

    def _tracked_layers(self) -> list[Layer]:
        """The layers held in attributes (alone, or in lists, tuples and dicts), in the
        order they were assigned."""
        found: list[Layer] = []

        def visit(value: Any) -> None:
            if isinstance(value, Layer) and value is not self:
                if all(value is not seen for seen in found):
                    found.append(value)
            elif isinstance(value, (list, tuple)):
                for item in value:
                    visit(item)
            elif isinstance(value, dict):
                for item in value.values():
                    visit(item)

        for name, value in vars(self).items():
            if not name.startswith("_"):
                visit(value)
        return found

    @property
    def trainable_weights(self) -> list[Weight]:
        if not self.trainable:
            return []
        return [w for w in self.weights if w.trainable]

    @property
    def non_trainable_weights(self) -> list[Weight]:
        if not self.trainable:
            return self.weights
        return [w for w in self.weights if not w.trainable]

    @property
    def dtype(self) -> str:
        """The dtype of the layer's weights (its policy's variable dtype)."""
        return self._variable_dtype

    @property
    def compute_dtype(self) -> str:
        return self._compute_dtype

    def count_params(self) -> int:
        """Scalars in the layer's weights.

        Raises:
            ValueError: the layer is not built yet, as in Keras.
        """
        if not self.built:
            raise ValueError(
                f"You tried to call `count_params` on layer '{self.name}', but the layer "
                "isn't built. You can build it manually via: `layer.build(input_shape)`."
            )
        return sum(map(_size, self.weights))

    # Building and calling ----------------------------------------------------------

    def build(self, input_shape: Any = None) -> None:
        """Create the weights for inputs of ``input_shape`` (the batch axis included)."""
        if type(input_shape) is not tuple and (
            isinstance(input_shape, (list, tuple))
            and input_shape
            and not isinstance(input_shape[0], (list, tuple))
        ):
            input_shape = tuple(input_shape)
        self._build(input_shape)
        self._build_shapes = input_shape
        self.built = True

    def _build(self, input_shape: Any) -> None:
        """Subclasses create their weights here."""

    def compute_output_shape(self, input_shape: Any) -> Any:
        """The output shape for inputs of ``input_shape``; layers that keep it return it.

        A layer of the user's that defines ``call`` (and not this method) gets the
        shape of what its ``call`` returns on placeholder tensors of these shapes, as
        Keras's ``compute_output_spec`` does; the operations inside record nothing."""
        if type(self).call is not Layer.call:
            return self._shape_of_call(input_shape)
        return input_shape

    def call(self, *args: Any, **kwargs: Any) -> Any:
        """The layer's computation (a layer of the user's defines it; convdims runs it
        on shapes only)."""
        raise NotImplementedError(
            f"Layer {type(self).__name__} does not have a `call()` method implemented."
        )

    def _shape_of_call(self, input_shape: Any) -> Any:
        def placeholders(shape: Any) -> Any:
            if isinstance(shape, list) or (
                isinstance(shape, tuple) and shape and isinstance(shape[0], (list, tuple))
            ):
                return [placeholders(s) for s in shape]
            return KerasTensor(tuple(shape), self._compute_dtype)

        with shapes_only():
            result = self.call(placeholders(input_shape))

        def shapes(value: Any) -> Any:
            if isinstance(value, (list, tuple)):
                return [shapes(v) for v in value]
            return tuple(value.shape)

        return shapes(result)

    def add_weight(
        self,
        *args: Any,
        shape: Any = None,
        initializer: Any = None,
        dtype: Any = None,
        trainable: bool = True,
        autocast: bool = True,
        regularizer: Any = None,
        constraint: Any = None,
        aggregation: str = "none",
        overwrite_with_gradient: bool = False,
        name: str | None = None,
    ) -> Weight:
        """Add a weight of ``shape`` (Keras's ``Layer.add_weight``): it counts in the
        layer's parameters, trainable or not; its values are never made."""
        if args:
            shape = args[0] if shape is None else shape
            name = args[1] if len(args) > 1 and name is None else name
        standard = self._weight_shape(name or "variable", () if shape is None else shape)
        size = 1
        for dim in standard:
            size *= dim
        return self._add_weight(name or "variable", standard, size, trainable)

    def get_config(self) -> dict[str, Any]:
        """The layer's base config (its name, trainable flag and dtype), which a layer
        of the user's extends with its own arguments."""
        return {"name": self.name, "trainable": self.trainable, "dtype": self.dtype}

    def __call__(self, inputs: Any, *args: Any, **kwargs: Any) -> Any:
        """Apply the layer to symbolic tensors: check, build if needed, infer the shape.

        Extra arguments Keras layers take at call time (``training``, ``mask``...) are
        accepted and ignored.
        """
        if type(inputs) is KerasTensor:  # the common case, without the walks
            shapes: Any = inputs._shape
            flat = [inputs]
        else:
            shapes = _shapes_of(inputs)
            flat = flatten(inputs)
        if not flat:
            raise ValueError(f"Layer '{self.name}' was called without any input tensor.")
        assert_input_compatibility(self.input_spec, flat, self.name)
        if not self.built:
            self.build(shapes)
            self.built = True  # a user's build() need not call the base one
            assert_input_compatibility(self.input_spec, flat, self.name)
        output_shape = self.compute_output_shape(shapes)
        if type(output_shape) is tuple:  # one output (nearly every layer)
            outputs = new_tensor(standardize_shape(output_shape), self._compute_dtype)
        else:
            outputs = self._make_outputs(output_shape)
        Node(self, inputs, outputs)
        return outputs

    def _make_outputs(self, output_shape: Any) -> Any:
        if type(output_shape) is tuple:
            return new_tensor(standardize_shape(output_shape), self._compute_dtype)
        if (
            isinstance(output_shape, list)
            and output_shape
            and isinstance(output_shape[0], (list, tuple))
        ):
            return [self._make_outputs(tuple(s)) for s in output_shape]
        return KerasTensor(standardize_shape(output_shape), self._compute_dtype)

    # What the functional API recorded ------------------------------------------------

    def _node_attribute(self, attribute: str, what: str) -> Any:
        if not self._inbound_nodes:
            raise AttributeError(
                f"The layer {self.name} has never been called and thus has no defined "
                f"{what}."
            )
        values = getattr(self._inbound_nodes[0], attribute)
        return values[0] if len(values) == 1 else values

    @property
    def input(self) -> Any:
        """The tensor(s) the layer was first called on."""
        return self._node_attribute("input_tensors", "input")

    @property
    def output(self) -> Any:
        """The tensor(s) the layer's first call returned."""
        return self._node_attribute("output_tensors", "output")

    @property
    def output_shape(self) -> Any:
        """Shape of ``output`` (Keras 2's name; Keras 3 says ``output.shape``)."""
        output = self.output
        if isinstance(output, list):
            return [x.shape for x in output]
        return output.shape

    @property
    def input_shape(self) -> Any:
        """Shape of ``input`` (Keras 2's name; Keras 3 says ``input.shape``)."""
        value = self.input
        if isinstance(value, list):
            return [x.shape for x in value]
        return value.shape

    # What the layer is, for convdims.keras.describe ------------------------------------

    def _record_fields(self, input_shape: tuple, output_shape: tuple) -> dict[str, Any]:
        """The fields of this layer's [`LayerCall`][convdims.description.LayerCall]
        that depend on what the layer is (window, channels...), for one call with
        these first input and output shapes; the base layer has none."""
        return {}

    def _inner_graph(self) -> Any:
        """The functional graph to expand in place of this layer's calls (a nested
        model), or None for a plain layer."""
        return None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} name={self.name}, built={self.built}>"

"""Random small models built in convdims.keras and in real Keras 3 print the same summary.

Each case is a little program (inputs, layer calls, a model) run against both libraries
after resetting their name counters: both must fail at the same step, or both print the
same ``model.summary()`` text, character for character, and report the same output
shape and parameter count.
"""

from __future__ import annotations

import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convdims import keras as ck

SETTINGS = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

NAMES = st.one_of(
    st.none(),
    st.none(),
    st.text("abcxyz_0123456789", min_size=1, max_size=40).filter(lambda s: s[0].isalpha()),
)


def run(module, program, summary_kwargs):
    """Execute ``program`` with ``module`` as keras; the outcome to compare."""
    module.backend.clear_session(free_memory=False)
    tensors: dict[int, object] = {}
    made: list[object] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for step, instruction in enumerate(program):
            try:
                kind = instruction[0]
                if kind == "input":
                    _, key, shape, name = instruction
                    tensors[key] = module.Input(shape=shape, name=name)
                elif kind == "layer":
                    _, key, cls, args, kwargs, sources, shared = instruction
                    if shared is None:
                        layer = getattr(module.layers, cls)(*args, **kwargs)
                        made.append(layer)
                    elif made:
                        layer = made[shared % len(made)]
                    else:
                        layer = module.layers.ReLU()
                    inputs = [tensors[s] for s in sources]
                    tensors[key] = layer(inputs if len(inputs) > 1 else inputs[0])
                elif kind == "sequential":
                    _, specs, name = instruction
                    model = module.Sequential(name=name)
                    for cls, args, kwargs in specs:
                        model.add(
                            tensors[args]
                            if cls == "Input"
                            else getattr(module.layers, cls)(*args, **kwargs)
                        )
                else:
                    _, inputs, outputs, name = instruction
                    model = module.Model(
                        [tensors[i] for i in inputs]
                        if len(inputs) > 1
                        else tensors[inputs[0]],
                        [tensors[o] for o in outputs]
                        if len(outputs) > 1
                        else tensors[outputs[0]],
                        name=name,
                    )
            except Exception as error:  # noqa: BLE001 - any rejection counts
                return ("raised", step, error)
        lines: list[str] = []
        try:
            model.summary(print_fn=lines.append, **summary_kwargs)
        except Exception as error:  # noqa: BLE001
            return ("summary raised", type(error).__name__)
        shape = model.output_shape if model.built else None
        return ("ok", "".join(lines), shape, model.count_params() if model.built else None)


def check(keras, program, summary_kwargs):
    expected = run(keras, program, summary_kwargs)
    actual = run(ck, program, summary_kwargs)
    if expected[0] == "raised":
        assert actual[0] == "raised" and actual[1] == expected[1], (
            f"Keras raised at step {expected[1]} ({expected[2]!r}); convdims gives "
            f"{actual}\nprogram: {program}"
        )
        assert isinstance(actual[2], ValueError), actual
    else:
        assert actual[:1] == expected[:1], (expected, actual, program)
        if expected[0] == "ok":
            assert actual[1] == expected[1], (
                f"summaries differ for {program}\n--- Keras\n{expected[1]}"
                f"--- convdims\n{actual[1]}"
            )
            assert actual[2:] == expected[2:]


summary_options = st.fixed_dictionaries(
    {},
    optional={
        "line_length": st.integers(30, 150),
        "show_trainable": st.booleans(),
        "expand_nested": st.booleans(),
    },
)


@st.composite
def image_layer(draw, rank):
    """A layer spec that keeps an input of ``rank`` spatial axes mostly valid."""
    kernel = draw(st.integers(1, 3))
    padding = draw(st.sampled_from(["same", "same", "valid"]))
    name = draw(NAMES)
    common = {"name": name} if name else {}
    menu = ["Conv", "MaxPooling", "BatchNormalization", "Activation", "ReLU", "Dropout"]
    menu += ["AveragePooling", "ConvTranspose"]
    if rank == 2:
        menu += ["DepthwiseConv2D", "SeparableConv2D", "ZeroPadding2D", "Cropping2D"]
        menu += ["UpSampling2D"]
    kind = draw(st.sampled_from(menu))
    if kind == "Conv":
        kwargs = {"padding": padding, "strides": draw(st.integers(1, 2)), **common}
        kwargs["use_bias"] = draw(st.booleans())
        return f"Conv{rank}D", (draw(st.integers(1, 16)), kernel), kwargs
    if kind == "ConvTranspose":
        kwargs = {"padding": padding, "strides": draw(st.integers(1, 2)), **common}
        return f"Conv{rank}DTranspose", (draw(st.integers(1, 8)), kernel), kwargs
    if kind in ("MaxPooling", "AveragePooling"):
        return f"{kind}{rank}D", (draw(st.integers(1, 3)),), {"padding": padding, **common}
    if kind == "DepthwiseConv2D":
        kwargs = {"padding": padding, "depth_multiplier": draw(st.integers(1, 2)), **common}
        return kind, (kernel,), kwargs
    if kind == "SeparableConv2D":
        return kind, (draw(st.integers(1, 16)), kernel), {"padding": padding, **common}
    if kind in ("ZeroPadding2D", "Cropping2D", "UpSampling2D"):
        return kind, (draw(st.integers(1, 2)),), common
    if kind == "BatchNormalization":
        return kind, (), {"trainable": draw(st.booleans()), **common}
    if kind == "Activation":
        return kind, ("relu",), common
    if kind == "Dropout":
        return kind, (0.5,), common
    return kind, (), common


@st.composite
def sequential_programs(draw):
    rank = draw(st.integers(1, 3))
    shape = tuple(draw(st.integers(4, 40 if rank < 3 else 12)) for _ in range(rank))
    shape += (draw(st.integers(1, 8)),)
    specs = [draw(image_layer(rank)) for _ in range(draw(st.integers(1, 5)))]
    head = draw(st.sampled_from(["flatten", "global", "none"]))
    if head == "flatten":
        specs.append(("Flatten", (), {}))
    elif head == "global" and rank < 3:
        specs.append((f"GlobalAveragePooling{rank}D", (), {}))
    if head != "none":
        specs.append(("Dense", (draw(st.integers(1, 20)),), {}))
    program = [("input", 0, shape, None)]
    start = draw(st.sampled_from(["input", "input", "input_shape", "unbuilt"]))
    if start == "input":
        specs.insert(0, ("Input", 0, {}))
    elif start == "input_shape":
        cls, args, kwargs = specs[0]
        specs[0] = (cls, args, {**kwargs, "input_shape": shape})
    program.append(("sequential", specs, draw(NAMES)))
    return program


@given(program=sequential_programs(), options=summary_options)
@settings(SETTINGS, max_examples=150)
def test_sequential_models(keras, program, options):
    check(keras, program, options)


@st.composite
def functional_programs(draw):
    """Residual blocks, concatenations, several inputs and outputs, shared layers."""
    size = draw(st.integers(4, 24))
    channels = draw(st.integers(1, 8))
    program = [("input", 0, (size, size, channels), draw(NAMES))]
    inputs = [0]
    if draw(st.booleans()):
        program.append(("input", 1, (size, size, channels), draw(NAMES)))
        inputs.append(1)
    keys = list(inputs)
    next_key = len(keys)
    for _ in range(draw(st.integers(1, 6))):
        step = draw(st.sampled_from(["layer", "layer", "add", "concat", "shared"]))
        if step == "layer":
            cls, args, kwargs = draw(image_layer(2))
            program.append(
                ("layer", next_key, cls, args, kwargs, [draw(st.sampled_from(keys))], None)
            )
        elif step == "add":
            a = draw(st.sampled_from(keys))
            program.append(
                ("layer", next_key, "Conv2D", (channels, 3), {"padding": "same"}, [a], None)
            )
            keys.append(next_key)
            next_key += 1
            program.append(("layer", next_key, "Add", (), {}, [a, next_key - 1], None))
        elif step == "concat":
            sources = draw(st.lists(st.sampled_from(keys), min_size=2, max_size=3))
            program.append(("layer", next_key, "Concatenate", (), {}, sources, None))
        else:
            program.append(
                (
                    "layer",
                    next_key,
                    "",
                    (),
                    {},
                    [draw(st.sampled_from(keys))],
                    draw(st.integers(0, 9)),
                )
            )
        keys.append(next_key)
        next_key += 1
    outputs = [keys[-1]]
    middle = keys[len(inputs) : -1]
    if middle and draw(st.booleans()):
        outputs.append(draw(st.sampled_from(middle)))
    program.append(("model", inputs, outputs, draw(NAMES)))
    return program


@given(program=functional_programs(), options=summary_options)
@settings(SETTINGS, max_examples=150)
def test_functional_models(keras, program, options):
    check(keras, program, options)


def test_nested_model_summary(keras):
    """A Sequential model used as a layer of a functional one, listed and expanded."""
    program = [
        ("input", 0, (8, 8, 3), None),
        (
            "sequential",
            [("Input", 0, {}), ("Conv2D", (4, 3), {}), ("ReLU", (), {})],
            "inner",
        ),
    ]

    def outcome(module):
        run(module, program, {})
        lines: list[str] = []
        inner = module.Sequential(
            [module.Input((8, 8, 3)), module.layers.Conv2D(4, 3), module.layers.ReLU()]
        )
        x = module.Input((8, 8, 3))
        model = module.Model(x, module.layers.Flatten()(inner(x)))
        model.summary(print_fn=lines.append, expand_nested=True, show_trainable=True)
        return "".join(lines), model.output_shape

    assert outcome(ck) == outcome(keras)

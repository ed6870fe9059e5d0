"""Volume diagrams: boxes, labels and arrows for a chain or a small graph."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convdims import conv_output_size, conv_params, draw, pool_output_size
from test_draw_svg import NS, classes, groups, parse


def boxes(fig):
    root = parse(fig)
    return root, groups(root, "box")


def front(box):
    return next(r for r in box.iter(NS + "rect") if classes(r) == ["f"])


def test_the_article_chain_with_numbers_from_the_core():
    size = conv_output_size(32, 3)
    pooled = pool_output_size(size, 2)
    params = conv_params(3, 3, 5)
    fig = draw.volumes(
        [
            ("input", (32, 32, 3), 0),
            ("conv", (size, size, 5), params),
            ("pool", (pooled, pooled, 5), 0),
        ]
    )
    root, bs = boxes(fig)
    assert [b.get("data-shape") for b in bs] == [
        "32\u00d732\u00d73",
        "30\u00d730\u00d75",
        "15\u00d715\u00d75",
    ]
    texts = [t.text for b in bs for t in b.iter(NS + "text")]
    assert "140 params" in texts and "30\u00d730\u00d75" in texts
    assert (
        root[0].text == "Layer volumes: 32\u00d732\u00d73 \u2192 30\u00d730\u00d75 \u2192 "
        "15\u00d715\u00d75"
    )
    assert ["wt" in classes(b) for b in bs] == [False, True, False]
    arrows = [p for p in root.iter(NS + "path") if classes(p) == ["arrow"]]
    assert len(arrows) == 2
    # To scale: the 30-wide face is 30/32 of the 32-wide one.
    w = [float(front(b).get("width")) for b in bs]
    assert w[1] / w[0] == pytest.approx(30 / 32, abs=0.01)


dims = st.integers(1, 1024)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(dims, dims, dims), min_size=1, max_size=8),
    st.sampled_from(["auto", "log", "linear"]),
)
def test_bigger_sizes_never_draw_smaller(shapes, scale):
    fig = draw.volumes([(f"l{i}", s, 0) for i, s in enumerate(shapes)], scale=scale)
    _, bs = boxes(fig)
    assert len(bs) == len(shapes)
    faces = [(float(front(b).get("height")), float(front(b).get("width"))) for b in bs]
    for (h1, w1, _), (fh1, fw1) in zip(shapes, faces, strict=True):
        for (h2, w2, _), (fh2, fw2) in zip(shapes, faces, strict=True):
            if h1 < h2:
                assert fh1 <= fh2
            if w1 < w2:
                assert fw1 <= fw2
    logged = "log scale" in fig.svg
    assert logged == (scale == "log" or (scale == "auto" and max(map(max, shapes)) > 64))


def test_a_small_graph_draws_one_arrow_per_input():
    records = [
        ("x", (None, 32, 32, 3), 0),
        ("a", (32, 32, 16), 448, "x"),
        ("b", (32, 32, 16), 448, ["x"]),
        ("add", (32, 32, 16), 0, ["a", "b"]),
        ("pool", (16, 16, 16), 0, "add"),
    ]
    root, bs = boxes(draw.volumes(records))
    edges = {
        (p.get("data-from"), p.get("data-to"))
        for p in root.iter(NS + "path")
        if p.get("data-from")
    }
    assert edges == {("x", "a"), ("x", "b"), ("a", "add"), ("b", "add"), ("add", "pool")}
    # a and b share a column, stacked one above the other.
    xs = {b.get("data-label"): float(front(b).get("x")) for b in bs}
    assert xs["a"] == xs["b"] and xs["x"] < xs["a"] < xs["add"] < xs["pool"]


def test_channels_first_shapes_are_reordered():
    _, bs = boxes(draw.volumes([("conv", (16, 8, 4), 0)], channels="first"))
    assert bs[0].get("data-shape") == "8\u00d74\u00d716"


def test_a_long_chain_wraps_into_rows():
    records = [(f"layer{i}", (64, 64, 64), 10) for i in range(12)]
    root, bs = boxes(draw.volumes(records))
    rows = {float(front(b).get("y")) for b in bs}
    assert len(rows) > 1 and int(root.get("width")) < 1000


class _Layer:
    def __init__(self, name, shape, params):
        self.name, self.output_shape, self._params = name, shape, params

    def count_params(self):
        return self._params


class _Model:
    def __init__(self, layers):
        self.layers = layers


def test_a_model_with_layers_is_duck_typed():
    model = _Model(
        [
            _Layer("conv2d", (None, 30, 30, 5), 140),
            _Layer("max_pooling2d", (None, 15, 15, 5), 0),
            _Layer("flatten", (None, 1125), 0),
            _Layer("dense", (None, 10), 11260),
        ]
    )
    _, bs = boxes(draw.volumes(model))
    assert [
        (b.get("data-label"), b.get("data-shape"), b.get("data-params")) for b in bs
    ] == [
        ("conv2d", "30\u00d730\u00d75", "140"),
        ("max_pooling2d", "15\u00d715\u00d75", "0"),
        ("flatten", "1125", "0"),
        ("dense", "10", "11260"),
    ]


@pytest.mark.parametrize(
    ("records", "match"),
    [
        ([], "nothing to draw"),
        ([("a", (3,), 0), ("a", (3,), 0)], "unique"),
        ([("a", (3,), 0), ("b", (3,), 0, "c")], "not an earlier record"),
        ([("a", (0, 3), 0)], "positive ints"),
        ([("a", (3,), -1)], "params"),
        ([("a", (3,), 0)], "scale"),
    ],
)
def test_bad_records_are_refused(records, match):
    with pytest.raises(ValueError, match=match):
        draw.volumes(records, scale="cubic" if match == "scale" else "auto")


def test_a_record_of_the_wrong_form_is_a_type_error():
    with pytest.raises(TypeError, match="label, shape, params"):
        draw.volumes([("a", (3,))])


# --------------------------------------------------------------------------------------
# Models are read through their description: Keras and torch alike


def _boxes_of(fig):
    _, bs = boxes(fig)
    return [
        (b.get("data-label"), b.get("data-shape"), int(b.get("data-params"))) for b in bs
    ]


def _edges(fig):
    return {
        (p.get("data-from"), p.get("data-to"))
        for p in parse(fig).iter(NS + "path")
        if p.get("data-from")
    }


def _hwc(shape):
    """A channels-first shape without its batch, as the diagram writes it (H×W×C)."""
    dims = list(shape[1:])
    return "\u00d7".join(str(d) for d in (dims[1:] + dims[:1] if len(dims) >= 2 else dims))


def _vgg_like():
    from convdims.torch import nn

    return nn.Sequential(
        nn.Conv2d(3, 16, 3, padding=1),
        nn.ReLU(),
        nn.Conv2d(16, 16, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(32 * 8 * 8, 10),
    )


def test_a_torch_vgg_like_model_draws_one_box_per_module_call():
    from convdims import torch

    model = _vgg_like()
    fig = draw.volumes(model, input_size=(1, 3, 32, 32))
    # The expectation comes from running the modules one by one, not from the graph.
    x = torch.empty(1, 3, 32, 32)
    expected = [("input", _hwc(x.shape), 0)]
    for name, module in model.named_children():
        x = module(x)
        expected.append((name, _hwc(x.shape), sum(p.numel() for p in module.parameters())))
    assert _boxes_of(fig) == expected
    labels = [label for label, _, _ in expected]
    assert _edges(fig) == set(zip(labels, labels[1:], strict=False))
    # Channels-first shapes drawn channels last, as for Keras: the same picture as the
    # records written from those shapes, each reading the one before.
    records = [
        (label, tuple(map(int, shape.split("\u00d7"))), p, labels[n - 1] if n else ())
        for n, (label, shape, p) in enumerate(expected)
    ]
    assert draw.volumes(records).svg == fig.svg


def _branchy():
    from convdims.torch import nn

    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.a = nn.Conv2d(8, 8, 3, padding=1)
            self.b = nn.Conv2d(8, 8, 1)
            self.relu = nn.ReLU()
            self.pool = nn.MaxPool2d(2)

        def forward(self, x):
            return self.pool(self.relu(self.a(x)) + self.relu(self.b(x)))

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.stem = nn.Conv2d(3, 8, 3, padding=1)
            self.block = Block()
            self.head = nn.Sequential(nn.Flatten(), nn.Linear(8 * 16 * 16, 10))

        def forward(self, x):
            return self.head(self.block(self.stem(x)))

    return Net()


def test_a_torch_model_with_branches_draws_its_graph():
    model = _branchy()
    fig = draw.volumes(model, input_size=(1, 3, 32, 32))
    root, bs = boxes(fig)
    labels = [b.get("data-label") for b in bs]
    # Qualified module names; a module called twice gets a box per call.
    assert labels == [
        "input",
        "stem",
        "block.a",
        "block.b",
        "block.relu",
        "block.relu (call 2)",
        "block.pool",
        "head.0",
        "head.1",
    ]
    assert _edges(fig) == {
        ("input", "stem"),
        ("stem", "block.a"),
        ("stem", "block.b"),
        ("block.a", "block.relu"),
        ("block.b", "block.relu (call 2)"),
        ("block.relu", "block.pool"),
        ("block.relu (call 2)", "block.pool"),
        ("block.pool", "head.0"),
        ("head.0", "head.1"),
    }
    # The branches share a column, between the stem and the pooling that joins them.
    xs = {b.get("data-label"): float(front(b).get("x")) for b in bs}
    assert xs["block.a"] == xs["block.b"] and xs["stem"] < xs["block.a"] < xs["block.pool"]
    params = {b.get("data-label"): int(b.get("data-params")) for b in bs}
    assert params["stem"] == sum(p.numel() for p in model.stem.parameters())
    assert params["block.relu (call 2)"] == 0


def test_a_model_and_its_description_draw_the_same_picture():
    from convdims.analysis import describe

    model = _branchy()
    fig = draw.volumes(model, input_size=(1, 3, 32, 32))
    graph = describe(model, (1, 3, 32, 32))
    again = draw.volumes(graph)
    # The graph alone has no qualified names: the same boxes, shorter labels.
    assert [s for _, s, _ in _boxes_of(again)] == [s for _, s, _ in _boxes_of(fig)]
    assert [p for _, _, p in _boxes_of(again)] == [p for _, _, p in _boxes_of(fig)]
    # The layout is read from the graph; saying it explicitly changes nothing.
    assert draw.volumes(model, input_size=(1, 3, 32, 32), channels="first").svg == fig.svg


def test_a_keras_model_draws_as_the_records_of_its_layers():
    from convdims import keras
    from convdims.keras import layers

    model = keras.Sequential(
        [
            keras.Input((32, 32, 3)),
            layers.Conv2D(5, 3),
            layers.MaxPooling2D(),
            layers.Flatten(),
            layers.Dense(10),
        ]
    )
    fig = draw.volumes(model)
    # Today's picture (byte for byte): the records a reader writes from the layers' own
    # attributes, each reading the one before, after the model's input.
    names = [boxes(fig)[1][0].get("data-label")] + [lay.name for lay in model.layers]
    records = [(names[0], (32, 32, 3), 0)]
    records += [
        (lay.name, lay.output_shape, lay.count_params(), names[n])
        for n, lay in enumerate(model.layers)
    ]
    assert draw.volumes(records).svg == fig.svg


def test_a_keras_layer_called_twice_gets_a_box_per_call():
    from convdims import keras
    from convdims.keras import layers

    shared = layers.Dense(8, name="shared")
    x = keras.Input((8,))
    model = keras.Model(x, shared(layers.Dense(8, name="middle")(shared(x))))
    rows = _boxes_of(draw.volumes(model))
    assert [(label, p) for label, _, p in rows[1:]] == [
        ("shared", shared.count_params()),
        ("middle", 72),
        ("shared (call 2)", 0),
    ]


def test_a_torch_module_needs_its_input_size_and_records_refuse_one():
    with pytest.raises(ValueError, match="input_size"):
        draw.volumes(_vgg_like())
    with pytest.raises(ValueError, match="input_size") as caught:
        draw.volumes([("a", (3,), 0)], input_size=(1, 3))
    assert caught.value.argument == "input_size"


# --------------------------------------------------------------------------------------
# Refusals with the argument named, and well-formed markup whatever the labels


@pytest.mark.parametrize(
    ("records", "argument"),
    [
        ([("a\x1b[31m", (3,), 0)], "label"),
        ([("tab\there", (3,), 0)], "label"),
        ([("x" * 101, (3,), 0)], "label"),
        ([("a", (10**10, 3), 0)], "shape"),
        ([("a", (10**5000, 3), 0)], "shape"),
        ([("a", (None, None, 3), 0)], "shape"),
        ([("a", (3,), 10**16)], "params"),
        ([("a", (3,), True)], "params"),
        ([(f"l{i}", (3,), 0) for i in range(601)], "source"),
    ],
)
def test_records_beyond_the_rules_are_refused_naming_the_argument(records, argument):
    from convdims.errors import ArgumentError

    with pytest.raises(ArgumentError) as caught:
        draw.volumes(records)
    assert caught.value.argument == argument
    assert len(str(caught.value)) < 400


def test_an_endless_source_is_refused_after_the_limit():
    from convdims.draw._limits import MAX_VOLUMES

    read = []

    def endless():
        while True:
            read.append(None)
            yield (f"l{len(read)}", (3,), 0)

    with pytest.raises(ValueError, match="at most"):
        draw.volumes(endless())
    assert len(read) == MAX_VOLUMES + 1


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=4, unique=True))
def test_any_label_is_drawn_well_formed_or_refused_by_name(labels):
    from convdims.errors import ArgumentError

    try:
        fig = draw.volumes([(label, (4, 4, 2), 0) for label in labels])
    except ArgumentError as error:
        assert error.argument == "label"
        assert any(
            not (c.isprintable() or c == " ") for label in labels for c in label
        ) or any(len(label) > 100 for label in labels)
        return
    root, bs = boxes(fig)
    assert [b.get("data-label") for b in bs] == labels


def test_skipped_kinds_leave_no_box_and_the_arrows_pass_through():
    model = _branchy()
    fig = draw.volumes(model, input_size=(1, 3, 32, 32), skip=("activation",))
    labels = [label for label, _, _ in _boxes_of(fig)]
    assert "block.relu" not in labels and "block.relu (call 2)" not in labels
    assert ("block.a", "block.pool") in _edges(fig) and ("block.b", "block.pool") in _edges(
        fig
    )
    vgg = draw.volumes(
        _vgg_like(), input_size=(1, 3, 32, 32), skip=["activation", "flatten"]
    )
    full = draw.volumes(_vgg_like(), input_size=(1, 3, 32, 32))
    # The boxes of the full picture but the ReLUs' and the Flatten's (after the input).
    modules = list(_vgg_like())
    expected = ["input"] + [
        label
        for (label, _, _), module in zip(_boxes_of(full)[1:], modules, strict=True)
        if type(module).__name__ not in ("ReLU", "Flatten")
    ]
    labels = [label for label, _, _ in _boxes_of(vgg)]
    assert labels == expected and len(labels) < len(modules)
    assert _edges(vgg) == set(zip(labels, labels[1:], strict=False))


@pytest.mark.parametrize(
    ("source", "skip"),
    [
        ([("a", (3,), 0)], ("activation",)),
        (None, ("relu",)),
        (None, 3),
    ],
)
def test_skip_takes_layer_kinds_of_a_model(source, skip):
    with pytest.raises((ValueError, TypeError)) as caught:
        draw.volumes(
            source if source is not None else _vgg_like(),
            input_size=None if source is not None else (1, 3, 32, 32),
            skip=skip,
        )
    assert caught.value.argument == "skip"


def test_keras_channels_first_layers_and_their_input_draw_channels_last():
    from convdims import keras
    from convdims.keras import layers

    model = keras.Sequential(
        [
            keras.Input((3, 32, 32)),
            layers.Conv2D(8, 3, data_format="channels_first"),
            layers.MaxPooling2D(data_format="channels_first"),
        ]
    )
    rows = _boxes_of(draw.volumes(model))
    expected = [(3, 32, 32)] + [lay.output_shape[1:] for lay in model.layers]
    assert [shape for _, shape, _ in rows] == [
        "\u00d7".join(str(d) for d in (*s[1:], s[0])) for s in expected
    ]


def test_a_nested_keras_model_is_opened_up():
    from convdims import keras
    from convdims.keras import layers

    inner = keras.Sequential([keras.Input((8, 8, 3)), layers.Conv2D(4, 3)], name="inner")
    x = keras.Input((8, 8, 3))
    model = keras.Model(x, layers.Flatten()(inner(x)))
    rows = _boxes_of(draw.volumes(model))
    conv = inner.layers[0]
    assert (conv.name, "6\u00d76\u00d74", conv.count_params()) in rows
    assert "inner" not in [label for label, _, _ in rows]
    assert sum(p for _, _, p in rows) == model.count_params()

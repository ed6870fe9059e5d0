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

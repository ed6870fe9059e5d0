"""Keras 3's rules (checked against keras here, on the torch backend; its layers and
arguments are backend independent)."""

from __future__ import annotations

from convdims.conventions._convention import Convention, Family

KERAS = Convention(
    name="keras",
    title="Keras",
    padding_words={
        Family.CONV: ("valid", "same", "causal"),
        Family.POOL: ("valid", "same"),
        Family.TRANSPOSE: ("valid", "same"),
    },
    padding_cells=frozenset(),
    default_padding={Family.CONV: "valid", Family.POOL: "valid", Family.TRANSPOSE: "valid"},
    causal_axes=1,
    strided_dilation=False,
    pool_ceil_mode=False,
    pool_dilation=False,
    output_padding_none=True,
    output_padding_limit="stride",
    source="keras 3 (run here on the torch backend)",
    extra_hint={
        "int": "; for explicit padding put ZeroPadding{axes}D({padding}) before the layer",
        "pair": "; for explicit padding put ZeroPadding{axes}D({padding}) before the layer",
    },
)

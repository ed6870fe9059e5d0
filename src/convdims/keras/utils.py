"""``keras.utils``: ``clear_session`` (it lives here too in Keras 3),
``get_source_inputs``, and ``get_file``, which refuses to download.

>>> from convdims import keras
>>> x = keras.Input((8,))
>>> get_source_inputs(keras.layers.Dense(2)(x)) == [x]
True
"""

from __future__ import annotations

from convdims.keras.backend import clear_session

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def get_source_inputs(tensor: Any) -> list[Any]:
    """The input tensors (``keras.Input``) a symbolic tensor is computed from, each
    once, in the order the graph reaches them, as Keras returns them."""
    history = getattr(tensor, "_keras_history", None)
    if history is None or history.operation is None:
        return [tensor]
    operation, node_index, _ = history
    node = operation._inbound_nodes[node_index]
    if node.is_input:
        return list(node.output_tensors)
    found: list[Any] = []
    for parent in node.input_tensors:
        for source in get_source_inputs(parent):
            if all(source is not seen for seen in found):
                found.append(source)
    return found


def get_file(
    fname: str | None = None,
    origin: str | None = None,
    untar: bool = False,
    md5_hash: str | None = None,
    file_hash: str | None = None,
    cache_subdir: str = "datasets",
    hash_algorithm: str = "auto",
    extract: bool = False,
    archive_format: str = "auto",
    cache_dir: str | None = None,
    force_download: bool = False,
) -> str:
    """``keras.utils.get_file``: refused; convdims downloads nothing (pretrained
    weights, datasets).

    Raises:
        Unsupported: always.
    """
    from convdims.standin import Unsupported

    raise Unsupported("keras.utils.get_file")


__all__ = ["clear_session", "get_file", "get_source_inputs"]

"""The analysis columns both summaries accept, their titles and their values."""

from __future__ import annotations

from convdims.analysis._measures import LayerMeasures
from convdims.errors import ArgumentError
from convdims.receptive import ReceptiveField

#: The analysis columns both dialects' summaries accept, with their titles (FLOPs are
#: 2 x MACs: no column of their own).
COLUMN_TITLES = {
    "macs": "MACs",
    "activations": "Activations",
    "activation_bytes": "Activation memory",
    "param_bytes": "Param memory",
    "receptive_field": "Receptive field",
    "effective_stride": "Effective stride",
    "effective_padding": "Effective padding",
}


def field_text(fields: tuple[ReceptiveField, ...] | None, what: str = "size") -> str:
    """One receptive-field attribute of a layer as a table cell: ``"212"``, ``"7x5"``.

    Equal values on every axis print once; ``""`` when there is none to show.

    Examples:
        >>> field_text((ReceptiveField(212, 32, 90),) * 2)
        '212'
        >>> field_text((ReceptiveField(7, 2, 3), ReceptiveField(5, 2, 2)), "padding")
        '3x2'
    """
    if not fields:
        return ""
    values = [getattr(f, what) for f in fields]
    if len(set(values)) == 1:
        return str(values[0])
    return "x".join(str(v) for v in values)


def check_columns(columns: object) -> tuple[str, ...]:
    """The analysis column names asked for (a name or an iterable of names).

    Raises:
        ValueError: an unknown column.
    """
    if columns is None:
        return ()
    if isinstance(columns, str):
        columns = (columns,)
    names = tuple(str(name) for name in columns)  # type: ignore[union-attr]
    for name in names:
        if name not in COLUMN_TITLES:
            raise ArgumentError(
                f"unknown column {name!r}; use any of {', '.join(COLUMN_TITLES)}",
                argument="columns",
                value=name,
                valid=", ".join(COLUMN_TITLES),
            )
    return names


def column_value(layer: LayerMeasures, column: str) -> int | str:
    """The value of an analysis column for one layer (an int, or the field's text).

    Examples:
        >>> m = LayerMeasures("c", "Conv2D", "conv", (None, 30, 30, 5), 140, 135, 560,
        ...                   121500, 126000, 4500, 18000, True,
        ...                   (ReceptiveField(3, 1, 0),) * 2)
        >>> column_value(m, "macs"), column_value(m, "receptive_field")
        (121500, '3')
    """
    if column == "receptive_field":
        return field_text(layer.receptive_field, "size")
    if column == "effective_stride":
        return field_text(layer.receptive_field, "stride")
    if column == "effective_padding":
        return field_text(layer.receptive_field, "padding")
    if column in COLUMN_TITLES:
        return getattr(layer, column)
    raise ArgumentError(
        f"unknown analysis column {column!r}; use any of {', '.join(COLUMN_TITLES)}",
        argument="column",
        value=column,
        valid=", ".join(COLUMN_TITLES),
    )

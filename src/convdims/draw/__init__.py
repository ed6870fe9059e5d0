"""Pictures drawn from the arithmetic: SVG with no dependency.

Each function returns a [`Figure`][convdims.draw.Figure]: it shows itself in Jupyter,
``str(fig)`` or ``fig.svg`` is the markup, and ``fig.save(path)`` writes it. The numbers
in every picture come from the core ([`conv_geometry`][convdims.conv_geometry],
[`pool_geometry`][convdims.pool_geometry], ``convdims.receptive``,
``convdims.transposed_geometry``, and for [`volumes`][convdims.draw.volumes] the model
description of ``convdims.analysis.describe``), so a figure can never disagree with the
numbers printed next to it.

Every figure is well-formed XML whatever its text: characters XML cannot hold never
reach the markup (a label with a control character is refused).

**Limits.** A figure draws a mark per cell or per layer; beyond these sizes it would be
megabytes of SVG and, scaled to a page, unreadable, so it is refused with an
[`ArgumentError`][convdims.ArgumentError] (a ValueError) that names the argument. The
check comes before anything is built per cell, so a refusal is as quick as a small
picture.

| figure | what is counted | at most |
|---|---|---:|
| ``window`` | cells of the padded axis (with ceil_mode's overhang) | 512 |
| ``window`` | taps drawn: windows times kernel size | 16,384 |
| ``window2d`` | cells of the padded grid, along each axis | 256 |
| ``window2d`` | taps of one window: kernel height times width | 4,096 |
| ``transpose`` | cells of the stretched, padded axis; taps drawn | 512; 16,384 |
| ``receptive_field`` | cells of a padded map; layers | 512; 32 |
| ``volumes`` | layers (boxes); characters of a label | 600; 100 |
| ``volumes`` | a size in a shape; a parameter count | 10^9; 10^15 |

An ImageNet-sized axis (224 cells, padding included) is drawn; a million cells is not.

Examples:
    >>> from convdims import draw
    >>> fig = draw.window(11, 2, stride=2)
    >>> "<title" in str(fig) and fig._repr_svg_() == fig.svg
    True
    >>> try:
    ...     draw.window(10**6, 10**6)
    ... except ValueError as error:
    ...     error.argument, error.valid
    ('input_size', 'a picture of at most 512 cells on the padded axis')
"""

from convdims.draw._receptive import receptive_field
from convdims.draw._records import Volume
from convdims.draw._svg import Figure
from convdims.draw._transposed import transpose
from convdims.draw._volumes import volumes
from convdims.draw._window import window, window2d

__all__ = [
    "Figure",
    "Volume",
    "receptive_field",
    "transpose",
    "volumes",
    "window",
    "window2d",
]

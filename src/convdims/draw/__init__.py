"""Pictures drawn from the arithmetic: SVG with no dependency.

Each function returns a :class:`Figure`: it shows itself in Jupyter, ``str(fig)`` or
``fig.svg`` is the markup, and ``fig.save(path)`` writes it. The numbers in every picture
come from the core (:func:`~convdims.conv_geometry`, :func:`~convdims.pool_geometry`,
:mod:`convdims.receptive`, :mod:`convdims.transposed_geometry`), so a figure can never
disagree with the numbers printed next to it.

Examples:
    >>> from convdims import draw
    >>> fig = draw.window(11, 2, stride=2)
    >>> "<title" in str(fig) and fig._repr_svg_() == fig.svg
    True
"""

from convdims.draw._receptive import receptive_field
from convdims.draw._svg import Figure
from convdims.draw._transposed import transpose
from convdims.draw._volumes import Volume, volumes
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

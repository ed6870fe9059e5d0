"""The geometry of a sliding window along one axis, as plain data.

Everything a table, a derivation or a picture needs to know about one axis of a
convolution or pooling layer: the padding actually applied on each side, where every
window starts, which input cells no window reads. The output-size functions compute it;
renderers only read it.
"""

from __future__ import annotations

from dataclasses import dataclass

from convdims.window import AxisWindow, effective_kernel


@dataclass(frozen=True)
class AxisGeometry:
    """One axis of a convolution or pooling window sliding over a padded input.

    Coordinates are 0-based on the padded axis: the input occupies cells
    ``pad_before .. pad_before + input_size - 1``.

    Examples:
        >>> from convdims import conv_geometry
        >>> g = conv_geometry(11, 2, stride=2)
        >>> g.output_size, g.window_starts, g.unvisited_inputs
        (5, (0, 2, 4, 6, 8), (10,))
    """

    input_size: int
    kernel_size: int
    stride: int
    dilation: int
    pad_before: int
    pad_after: int
    output_size: int
    ceil_mode: bool = False

    @property
    def effective_kernel(self) -> int:
        """K = d*(k - 1) + 1: the span one window covers, holes included."""
        return effective_kernel(self.kernel_size, self.dilation)

    @property
    def window(self) -> AxisWindow:
        """The window alone (kernel, stride, padding applied, dilation), without sizes."""
        return AxisWindow(
            self.kernel_size, self.stride, self.pad_before, self.pad_after, self.dilation
        )

    @property
    def padded_size(self) -> int:
        """Input plus the padding on both sides."""
        return self.pad_before + self.input_size + self.pad_after

    @property
    def window_starts(self) -> tuple[int, ...]:
        """The padded-axis cell where each window starts, one per output cell."""
        return tuple(n * self.stride for n in range(self.output_size))

    def taps(self, start: int) -> tuple[int, ...]:
        """The padded-axis cells a window starting at ``start`` reads (every d-th cell)."""
        return tuple(start + j * self.dilation for j in range(self.kernel_size))

    @property
    def visited_inputs(self) -> tuple[int, ...]:
        """Input cells (0-based, input coordinates) that at least one window reads."""
        read = {tap for start in self.window_starts for tap in self.taps(start)}
        return tuple(i for i in range(self.input_size) if i + self.pad_before in read)

    @property
    def unvisited_inputs(self) -> tuple[int, ...]:
        """Input cells no window reads: rows the floor throws away, dilation's holes."""
        visited = set(self.visited_inputs)
        return tuple(i for i in range(self.input_size) if i not in visited)

    @property
    def overhang(self) -> int:
        """How many cells the last window reaches past the padded end (ceil_mode only)."""
        if not self.output_size:
            return 0
        last_end = self.window_starts[-1] + self.effective_kernel
        return max(last_end - self.padded_size, 0)

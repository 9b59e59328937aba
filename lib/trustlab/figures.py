"""Matplotlib figures that show themselves in Jupyter.

The charts are drawn with matplotlib's object API (no pyplot, so nothing pops up and nothing
is left open). A bare ``Figure`` only displays as a picture in Jupyter once pyplot has been
imported, so :func:`new_figure` tells IPython, when it is running, how to show one as PNG.
"""

from __future__ import annotations

import io
import sys

__all__ = ["new_figure", "png_bytes"]


def new_figure(**options):
    """A matplotlib ``Figure`` (options as for ``Figure``) that Jupyter displays as a picture."""
    from matplotlib.figure import Figure  # imported here: matplotlib loads only when a chart is drawn

    _show_figures_in_ipython()
    return Figure(**options)


def png_bytes(figure, dpi: int = 110) -> bytes:
    """The figure as PNG bytes, for embedding in a report or a notebook.

    >>> png_bytes(new_figure(figsize=(1, 1)))[:4]
    b'\\x89PNG'
    """
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


_shells_told: set[int] = set()


def _show_figures_in_ipython() -> None:
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None or id(shell) in _shells_told:
        return
    from matplotlib.figure import Figure

    shell.display_formatter.formatters["image/png"].for_type(Figure, png_bytes)
    _shells_told.add(id(shell))

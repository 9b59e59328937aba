"""Tests for trustlab.figures: charts that show themselves as pictures in Jupyter."""

import pytest

from trustlab.figures import new_figure, png_bytes


def test_png_bytes_are_a_png():
    """Is a figure turned into PNG bytes?"""
    assert png_bytes(new_figure(figsize=(1, 1)))[:4] == b"\x89PNG"


def test_a_figure_displays_as_a_picture_in_ipython():
    """In an IPython shell without pyplot, does a returned figure display as a PNG, not as text?"""
    shell_module = pytest.importorskip("IPython.core.interactiveshell")
    shell = shell_module.InteractiveShell.instance()
    try:
        figure = new_figure(figsize=(1, 1))
        data, _ = shell.display_formatter.format(figure)
        assert data["image/png"][:4] == b"\x89PNG"
    finally:
        shell_module.InteractiveShell.clear_instance()

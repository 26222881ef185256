"""The OCR engine's own steps without the models: text regions from the detector's map, the
detector's input size, and a missing model named."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from seller_app import paths
from seller_app.evidence.ocr import (
    OcrEngine,
    OcrUnavailableError,
    _det_size,
    load_settings,
    regions,
)

SETTINGS = load_settings()


def test_regions_are_the_connected_blobs() -> None:
    mask = np.zeros((20, 30), dtype=bool)
    mask[2:5, 3:12] = True  # a line of text
    mask[2:5, 14:20] = True  # a word two columns further: its own box
    mask[10:12, 5:8] = True
    mask[12:14, 8:10] = True  # touches the blob above only at a corner: 8-connected, joined
    mask[17, 0:30] = True  # a row across the whole map
    assert sorted(regions(mask)) == [
        (0, 17, 30, 18),
        (3, 2, 12, 5),
        (5, 10, 10, 14),
        (14, 2, 20, 5),
    ]


def test_a_u_shape_is_one_region() -> None:
    mask = np.zeros((6, 7), dtype=bool)
    mask[0:6, 0] = mask[0:6, 6] = mask[5, 0:7] = True
    assert regions(mask) == [(0, 0, 7, 6)]


def test_no_regions_in_an_empty_map() -> None:
    assert regions(np.zeros((8, 8), dtype=bool)) == []


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ((1080, 2400), (768, 1696)),  # phone screenshot: shrunk to a 768 short side
        ((750, 1334), (736, 1344)),  # already small: kept (to multiples of 32)
        ((200, 60), (1056, 320)),  # a tiny crop: enlarged to a 320 short side
        ((1080, 20000), (128, 2560)),  # a very long page: the long side capped
    ],
)
def test_detector_input_size(size: tuple[int, int], expected: tuple[int, int]) -> None:
    assert _det_size(*size, SETTINGS) == expected


def test_a_missing_model_is_named(tmp_path: Path) -> None:
    with pytest.raises(OcrUnavailableError) as raised:
        OcrEngine(models=tmp_path)
    assert SETTINGS.det_model in raised.value.detail


def test_the_models_are_found_in_the_installed_wheel() -> None:
    folder = paths.ocr_models_dir()
    assert (folder / SETTINGS.det_model).is_file() and (folder / SETTINGS.rec_model).is_file()

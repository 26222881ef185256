"""Reading the text of a screenshot, offline: PP-OCR models (shipped inside the `rapidocr` wheel)
run with onnxruntime on numpy arrays from Pillow.

Why not ``rapidocr.RapidOCR`` itself: its pipeline imports OpenCV (157 MB of libraries, FFmpeg
included), which would take the frozen app far past its size budget. A screenshot needs less of
it: its text is upright and axis-aligned, so the detector's probability map is cut into
rectangles (connected runs, no contour tracing or perspective warps) and no angle classifier runs.
The steps and numbers follow RapidOCR's defaults (``rapidocr/config.yaml``, v3.10): DB post-
processing with threshold 0.3, box score 0.5, unclip ratio 1.6, a 2×2 dilation; recognition at
48 px high, batches sorted by width, CTC greedy decoding with the model's own character list.

`OcrEngine` loads both models once (about 0.3 s) and is then reused warm; it holds no Qt object,
so the UI can run `OcrEngine.read` in its task runner. Nothing is downloaded, ever: a missing
model file is an `OcrUnavailableError` error naming it.
"""

from __future__ import annotations

import logging
import math
import threading
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from seller_app import paths
from seller_app.domain.timeline import OcrLine

log = logging.getLogger(__name__)


class OcrUnavailableError(Exception):
    """The OCR engine cannot run here (a model file or onnxruntime is missing)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


@dataclass(frozen=True)
class OcrSettings:
    """``resources/timeline/ocr.toml``: model file names and the pipeline's numbers."""

    det_model: str
    rec_model: str
    det_short_side: int
    det_min_side: int
    det_max_side: int
    det_thresh: float
    det_box_thresh: float
    det_unclip_ratio: float
    det_min_size: int
    rec_height: int
    rec_batch: int
    rec_min_score: float
    tile_ratio: float
    threads: int


@cache
def load_settings(resources: Path | None = None) -> OcrSettings:
    root = resources or paths.resources_dir()
    with (root / "timeline" / "ocr.toml").open("rb") as handle:
        data = tomllib.load(handle)
    det, rec = data["detection"], data["recognition"]
    return OcrSettings(
        det_model=str(data["models"]["detection"]),
        rec_model=str(data["models"]["recognition"]),
        det_short_side=int(det["short_side"]),
        det_min_side=int(det["min_side"]),
        det_max_side=int(det["max_side"]),
        det_thresh=float(det["thresh"]),
        det_box_thresh=float(det["box_thresh"]),
        det_unclip_ratio=float(det["unclip_ratio"]),
        det_min_size=int(det["min_size"]),
        rec_height=int(rec["height"]),
        rec_batch=int(rec["batch"]),
        rec_min_score=float(rec["min_score"]),
        tile_ratio=float(det["tile_ratio"]),
        threads=int(data["engine"]["threads"]),
    )


# --------------------------------------------------------------------------- detection


def _runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Horizontal runs of True in a 2-D mask: (row, first column, column past the end)."""
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    edges = np.diff(padded, axis=1)
    start_rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    return start_rows, starts, ends


def regions(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (x0, y0, x1, y1; end-exclusive) of the 8-connected regions of `mask`.

    Runs of one row are joined to the overlapping runs of the row above with a union-find; a
    detector map of a screenshot has a few thousand runs, so this stays in milliseconds.
    """
    rows, starts, ends = _runs(mask)
    count = len(rows)
    parent = list(range(count))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    row_begin = np.searchsorted(rows, np.arange(mask.shape[0] + 1))
    for row in range(1, mask.shape[0]):
        above = range(row_begin[row - 1], row_begin[row])
        here = range(row_begin[row], row_begin[row + 1])
        if not above or not here:
            continue
        j = above.start
        for i in here:
            # 8-connectivity: runs touching diagonally belong together
            while j < above.stop and ends[j] < starts[i]:
                j += 1
            k = j
            while k < above.stop and starts[k] <= ends[i]:
                a, b = find(i), find(k)
                if a != b:
                    parent[a] = b
                k += 1
    boxes: dict[int, list[int]] = {}
    for i in range(count):
        root = find(i)
        x0, x1, y = int(starts[i]), int(ends[i]), int(rows[i])
        box = boxes.get(root)
        if box is None:
            boxes[root] = [x0, y, x1, y + 1]
        else:
            box[0], box[1] = min(box[0], x0), min(box[1], y)
            box[2], box[3] = max(box[2], x1), max(box[3], y + 1)
    return [tuple(box) for box in boxes.values()]  # type: ignore[misc]


def _det_size(width: int, height: int, settings: OcrSettings) -> tuple[int, int]:
    """The detector's input size: a phone screenshot shrunk so its short side is
    ``det_short_side`` (text size follows the page width), a small picture enlarged only up to
    ``det_min_side``; the long side at most ``det_max_side``; both multiples of 32."""
    short = min(width, height)
    ratio = min(1.0, settings.det_short_side / short)
    if short * ratio < settings.det_min_side:
        ratio = settings.det_min_side / short
    ratio = min(ratio, settings.det_max_side / max(width, height))
    w = max(32, round(width * ratio / 32) * 32)
    h = max(32, round(height * ratio / 32) * 32)
    return w, h


@dataclass(frozen=True)
class _Box:
    x0: int
    y0: int
    x1: int
    y1: int
    score: float


# --------------------------------------------------------------------------- the engine


class OcrEngine:
    """Both PP-OCR sessions, loaded once; `read` is safe to call from several threads."""

    def __init__(self, models: Path | None = None, settings: OcrSettings | None = None) -> None:
        self.settings = settings or load_settings()
        self.models = models or paths.ocr_models_dir()
        try:
            import onnxruntime as ort
        except ImportError as error:  # pragma: no cover - a broken install or build
            raise OcrUnavailableError(f"onnxruntime: {error}") from None
        options = ort.SessionOptions()
        options.log_severity_level = 3
        # no busy-waiting between operators: the app shares the machine with the seller's
        # other programs, and a spinning pool only burns a loaded CPU
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        if self.settings.threads > 0:
            options.intra_op_num_threads = self.settings.threads
        self._det = self._session(ort, self.settings.det_model, options)
        self._rec = self._session(ort, self.settings.rec_model, options)
        meta = self._rec.get_modelmeta().custom_metadata_map
        # CTC: index 0 is the blank, the model's list follows, then the space
        self._chars = ["", *meta["character"].splitlines(), " "]
        self._lock = threading.Lock()

    def _session(self, ort: Any, name: str, options: Any) -> Any:
        path = self.models / name
        if not path.is_file():
            raise OcrUnavailableError(str(path))
        return ort.InferenceSession(
            str(path), sess_options=options, providers=["CPUExecutionProvider"]
        )

    def read(self, image: Image.Image) -> list[OcrLine]:
        """The text boxes of `image` (any mode), top to bottom, left to right.

        A long scrolling capture (taller than ``tile_ratio`` widths) is read in overlapping
        tiles, so its text is not shrunk away; a line is kept from the tile where it lies whole.
        """
        rgb = image.convert("RGB")
        ratio = self.settings.tile_ratio
        if rgb.height <= ratio * rgb.width:
            return self._read_tile(rgb)
        tile, overlap = int(0.8 * ratio * rgb.width), int(0.2 * rgb.width)
        lines: list[OcrLine] = []
        top = 0
        while True:
            bottom = min(rgb.height, top + tile)
            own_top = 0 if top == 0 else top + overlap // 2
            own_bottom = rgb.height if bottom == rgb.height else bottom - overlap // 2
            for line in self._read_tile(rgb.crop((0, top, rgb.width, bottom))):
                x0, y0, x1, y1 = line.box
                middle = top + (y0 + y1) / 2
                if own_top <= middle < own_bottom:
                    lines.append(OcrLine(line.text, (x0, y0 + top, x1, y1 + top), line.score))
            if bottom == rgb.height:
                break
            top = bottom - overlap
        return sorted(lines, key=lambda line: (line.box[1], line.box[0]))

    def _read_tile(self, rgb: Image.Image) -> list[OcrLine]:
        boxes = self._detect(rgb)
        if not boxes:
            return []
        texts = self._recognise(rgb, boxes)
        lines = [
            OcrLine(text, (b.x0, b.y0, b.x1, b.y1), score)
            for b, (text, score) in zip(boxes, texts, strict=True)
            if text.strip() and score >= self.settings.rec_min_score
        ]
        return sorted(lines, key=lambda line: (line.box[1], line.box[0]))

    def _detect(self, image: Image.Image) -> list[_Box]:
        s = self.settings
        w, h = _det_size(image.width, image.height, s)
        resized = np.asarray(image.resize((w, h), Image.Resampling.BILINEAR), dtype=np.float32)
        tensor = ((resized / 255.0 - 0.5) / 0.5).transpose(2, 0, 1)[np.newaxis]
        with self._lock:
            (pred,) = self._det.run(None, {"x": tensor})
        prob = pred[0, 0]
        mask = prob > s.det_thresh
        # RapidOCR's 2x2 dilation: joins glyphs one pixel apart
        mask[:-1, :-1] |= mask[1:, :-1] | mask[:-1, 1:] | mask[1:, 1:]
        scale_x, scale_y = image.width / w, image.height / h
        found = []
        for x0, y0, x1, y1 in regions(mask):
            if min(x1 - x0, y1 - y0) < s.det_min_size:
                continue
            score = float(prob[y0:y1, x0:x1].mean())
            if score < s.det_box_thresh:
                continue
            # DB's unclip: grow the shrunk text kernel by area * ratio / perimeter
            bw, bh = x1 - x0, y1 - y0
            grow = bw * bh * s.det_unclip_ratio / (2 * (bw + bh))
            box = _Box(
                max(0, math.floor((x0 - grow) * scale_x)),
                max(0, math.floor((y0 - grow) * scale_y)),
                min(image.width, math.ceil((x1 + grow) * scale_x)),
                min(image.height, math.ceil((y1 + grow) * scale_y)),
                score,
            )
            if box.x1 - box.x0 > 3 and box.y1 - box.y0 > 3:
                found.append(box)
        return found

    def _recognise(self, image: Image.Image, boxes: Sequence[_Box]) -> list[tuple[str, float]]:
        s = self.settings
        crops = []
        for b in boxes:
            crop = image.crop((b.x0, b.y0, b.x1, b.y1))
            width = max(1, math.ceil(s.rec_height * crop.width / crop.height))
            crops.append(crop.resize((width, s.rec_height), Image.Resampling.BILINEAR))
        order = sorted(range(len(crops)), key=lambda i: crops[i].width)
        results: list[tuple[str, float]] = [("", 0.0)] * len(crops)
        for begin in range(0, len(order), s.rec_batch):
            batch = order[begin : begin + s.rec_batch]
            # at least 320 wide, like PaddleOCR's 3x48x320 input
            width = max(max(crops[i].width for i in batch), s.rec_height * 320 // 48)
            tensor = np.zeros((len(batch), 3, s.rec_height, width), dtype=np.float32)
            for slot, index in enumerate(batch):
                pixels = np.asarray(crops[index], dtype=np.float32)
                tensor[slot, :, :, : pixels.shape[1]] = ((pixels / 255.0 - 0.5) / 0.5).transpose(
                    2, 0, 1
                )
            with self._lock:
                (pred,) = self._rec.run(None, {"x": tensor})
            for slot, index in enumerate(batch):
                results[index] = self._decode(pred[slot])
        return results

    def _decode(self, pred: np.ndarray) -> tuple[str, float]:
        """CTC greedy decoding: best class per step, repeats merged, blanks dropped."""
        best = pred.argmax(axis=1)
        keep = np.ones(len(best), dtype=bool)
        keep[1:] = best[1:] != best[:-1]
        keep &= best != 0
        if not keep.any():
            return "", 0.0
        text = "".join(self._chars[i] for i in best[keep] if i < len(self._chars))
        score = float(pred.max(axis=1)[keep].mean())
        return text, score


_shared: OcrEngine | None = None
_shared_lock = threading.Lock()


def shared_engine() -> OcrEngine:
    """The process's one engine, loaded on first use (from any thread) and kept warm."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = OcrEngine()
        return _shared


def warm_up() -> None:
    """Load the models now (e.g. from a worker thread when the wizard opens)."""
    shared_engine()

"""Picture measures behind the quality warnings: sharpness and brightness, with Pillow only."""

from __future__ import annotations

from PIL import Image, ImageFilter, ImageMath, ImageStat

_LAPLACIAN = ImageFilter.Kernel((3, 3), [0, 1, 0, 1, -4, 1, 0, 1, 0], scale=1, offset=0)


def _grey(image: Image.Image) -> Image.Image:
    return image if image.mode == "L" else image.convert("L")


def _mean(image: Image.Image, box: tuple[int, int, int, int] | None = None) -> float:
    """Exact mean of an "F" image, or of its `box` (ImageStat bins float images into 256
    buckets)."""
    value = image.resize((1, 1), Image.Resampling.BOX, box=box).getpixel((0, 0))
    assert isinstance(value, float)
    return value


def sharpness(image: Image.Image) -> float:
    """Variance of the Laplacian of the grey image (the usual focus measure; higher = sharper).

    Filtered in 32-bit integers, so bright edges are not capped at 255 as in 8-bit "L"; but
    Pillow clips the filtered "I" image at 0, so the negative half of the Laplacian counts as 0
    (a lone dot 100 brighter than its ground gives 0 at its centre, where the response is -400):
    the measure is the variance of the positive half. `blur_threshold`
    (resources/evidence/checks.toml) is tuned on this measure; filtering without the clip would
    need it tuned again. The value depends on the pixel scale, so callers measure the prepared
    copy (long side 1600).
    """
    grey = _grey(image).convert("I")
    if grey.width < 3 or grey.height < 3:
        return 0.0
    # Pillow leaves the 1-pixel border unfiltered (raw grey values): the means leave it out
    # (the same values as cropping it away, without copying the picture)
    inside = (1, 1, grey.width - 1, grey.height - 1)
    laplacian = grey.filter(_LAPLACIAN).convert("F")
    squared = ImageMath.lambda_eval(lambda a: a["x"] * a["x"], x=laplacian)
    assert isinstance(squared, Image.Image)
    mean = _mean(laplacian, inside)
    return max(0.0, _mean(squared, inside) - mean * mean)


def brightness(image: Image.Image) -> float:
    """Mean luminance 0..255 (ITU-R 601 luma, Pillow's "L" conversion)."""
    return float(ImageStat.Stat(_grey(image)).mean[0])

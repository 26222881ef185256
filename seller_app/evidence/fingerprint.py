"""Fingerprints: SHA-256 of the original bytes (proof of the original) and a 64-bit dHash
(near-identical pictures, e.g. the same photo re-saved or resized by a chat app)."""

from __future__ import annotations

import hashlib

from PIL import Image

DHASH_SIZE = 8


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def dhash(image: Image.Image) -> int:
    """Difference hash: shrink to 9x8 grey, one bit per pixel brighter than its right neighbour.

    Robust to resizing, re-compression and small brightness changes; a different shot of the same
    box usually differs in more than 10 of the 64 bits.
    """
    grey = image if image.mode == "L" else image.convert("L")
    small = grey.resize((DHASH_SIZE + 1, DHASH_SIZE), Image.Resampling.BOX)
    pixels = small.tobytes()
    bits = 0
    for row in range(DHASH_SIZE):
        for col in range(DHASH_SIZE):
            left = pixels[row * (DHASH_SIZE + 1) + col]
            right = pixels[row * (DHASH_SIZE + 1) + col + 1]
            bits = (bits << 1) | (left > right)
    return bits


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()

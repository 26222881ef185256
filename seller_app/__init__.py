"""理赔助手 — claim-filing assistant for online-shop sellers."""

__version__ = "0.1.0"

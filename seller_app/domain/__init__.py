"""Pure domain layer: case model, money, policies, rules, carriers, schedule.

Nothing here imports Qt, sqlite, ReportLab, Pillow or keyring, and nothing reads the clock:
callers pass `now` in. The only I/O is reading the catalog's own data files from a directory
the caller names (see `catalog.Catalog.load`).
"""

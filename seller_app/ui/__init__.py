"""The desktop app (PySide6): main window with the case list, the claim wizard, reminders.

Only this package and ``seller_app.__main__`` import Qt. It calls the domain, evidence, documents
and store packages; nothing calls it.
"""

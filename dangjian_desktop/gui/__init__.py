"""The Qt user interface: windows, pages, dialogs, table models and workers (Qt only here)."""

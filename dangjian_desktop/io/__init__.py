"""Importers: messy Excel in, per-row errors out."""

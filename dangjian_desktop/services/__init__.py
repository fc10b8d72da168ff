"""Use cases: one function is one user action and one transaction; plain dataclasses out."""

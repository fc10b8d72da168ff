"""Python made by uic from forms/*.ui: do not edit; run `make forms` after changing a .ui."""

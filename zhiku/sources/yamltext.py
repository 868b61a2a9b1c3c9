"""Moved to :mod:`zhiku.sources.yamlload`, the one YAML loader; these names are kept for
imports written before the move."""

from zhiku.sources.yamlload import as_str_list, as_text, load_mapping

__all__ = ["as_str_list", "as_text", "load_mapping"]

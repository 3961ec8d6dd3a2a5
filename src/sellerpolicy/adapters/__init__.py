"""Adapters from other systems' data shapes to sellerpolicy values."""

__all__: list[str] = []

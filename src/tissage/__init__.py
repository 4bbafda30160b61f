"""Tissage: software for an international network of music workshop-festivals."""

__version__ = "0.1.0"

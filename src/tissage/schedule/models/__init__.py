from .releases import Release

__all__ = ["Release"]

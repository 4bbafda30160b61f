from .messages import Message

__all__ = ["Message"]

"""Typed errors of the library. The CLI turns each into one line with a hint."""

from __future__ import annotations


class GraphError(Exception):
    """Base of every error a user can cause. ``hint`` says what to do about it."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class ParseError(GraphError):
    """A file that cannot be read or parsed; names the file and, where known, the line."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str = "",
    ) -> None:
        where = file or "<input>"
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}", hint=hint)
        self.file = file
        self.line = line
        self.column = column


class ValidationError(GraphError):
    """Data that parses but breaks the shapes; ``violations`` lists each problem."""

    def __init__(
        self, message: str, *, violations: list[str] | None = None, hint: str = ""
    ) -> None:
        super().__init__(message, hint=hint)
        self.violations = violations or []


class UnknownEntityError(GraphError):
    """A name that matches nothing the graph knows (or matches several things)."""


class StoreError(GraphError):
    """The store is missing, locked by another process, or damaged."""

    locked = False  # True when another process holds the store


class QueryError(GraphError):
    """A query that is unknown, malformed, badly parameterised, or timed out."""

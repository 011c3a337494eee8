"""Turn pydantic's validation errors into Problems a programme officer can act on."""

from __future__ import annotations

import difflib
import types
import typing

from pydantic import BaseModel, ValidationError

from ..errors import Problem
from ..load import Source

_TYPE_WORDS = {
    "string_type": "expected text",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": "expected a list",
    "tuple_type": "expected a list",
    "dict_type": "expected a mapping of fields",
    "model_type": "expected a mapping of fields",
    "model_attributes_type": "expected a mapping of fields",
}


def _shown(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    text = str(value)
    return f'"{text[:40]}…"' if len(text) > 40 else f'"{text}"'


def _allowed_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """Return the field names of the model found by following ``loc`` from ``model``."""
    current: object = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return []
        current = _inner_model(current.model_fields[part].annotation)
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _inner_model(annotation: object) -> object:
    """Return the model class inside list[X], X | None, tuple[X, ...] annotations."""
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
    return annotation


def _message(error: dict, model: type[BaseModel]) -> str:
    kind, loc = error["type"], error["loc"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        hint = f'; did you mean "{close[0]}"?' if close else (f"; expected one of {', '.join(allowed)}" if allowed else "")
        return f"unknown field{hint}"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    if kind == "literal_error":
        return f"expected one of {error['ctx']['expected'].replace(chr(39), '')}; got {_shown(error['input'])}"
    if kind in ("too_short", "too_long"):
        noun = "item" if isinstance(error.get("input"), list) else "character"
        limit = error["ctx"].get("min_length", error["ctx"].get("max_length"))
        words = "at least" if kind == "too_short" else "at most"
        return f"expected {words} {limit} {noun}{'s' if limit != 1 else ''}"
    if kind == "string_pattern_mismatch":
        return f"{_shown(error['input'])} is not in the expected form ({error['ctx']['pattern']})"
    if kind.startswith(("greater_than", "less_than")):
        return f"expected a number {error['msg'].split('should be ', 1)[-1]}; got {_shown(error['input'])}"
    if kind in _TYPE_WORDS:
        return f"{_TYPE_WORDS[kind]}; got {_shown(error['input'])}"
    return error["msg"]


def problems_from(exc: ValidationError, source: Source, model: type[BaseModel]) -> list[Problem]:
    """Return one Problem per pydantic error, placed at the YAML node it concerns."""
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(part for part in error["loc"] if not (isinstance(part, str) and part.startswith("function-")))
        problems.append(source.problem(loc, _message(error, model), key=error["type"] == "extra_forbidden"))
    return problems

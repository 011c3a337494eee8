"""Turn pydantic's validation errors into Problems a programme officer can act on."""

from __future__ import annotations

import datetime as dt
import types
import typing

from pydantic import BaseModel, ValidationError

from ..errors import Problem
from ..load import Source
from .hints import one_of

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
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "finite_number": "expected a number",
    "int_parsing_size": "expected a number of a readable size",
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


def _got(value: object, typed: str | None) -> str:
    """Return "got ..." naming what the officer typed, and how YAML read it when that surprises."""
    if typed is None or isinstance(value, (str, dict, list)) or value is None or not typed:
        return f"got {_shown(value)}"
    reading = "true or false" if isinstance(value, bool) else "a date" if isinstance(value, dt.date) else "a number"
    return f'got {typed}, which YAML reads as {reading}; put it in quotes to mean the text "{typed}"'


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


def _field_description(model: type[BaseModel], loc: tuple) -> str:
    """Return the description of the field at ``loc``, as the model documents it."""
    *parents, name = [part for part in loc if not isinstance(part, int)]
    current: object = model
    for part in parents:
        current = _inner_model(current.model_fields[part].annotation)
    return current.model_fields[name].description or "another form"


def _message(error: dict, model: type[BaseModel], typed: str | None = None) -> str:
    kind, loc = error["type"], error["loc"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        hint = one_of(str(loc[-1]), _allowed_fields(model, loc[:-1]))
        return f"unknown field; {hint}" if hint else "unknown field"
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
        return f"expected {_field_description(model, loc)}; got {_shown(error['input'])}"
    if kind.startswith(("greater_than", "less_than")):
        return f"expected a number {error['msg'].split('should be ', 1)[-1]}; got {_shown(error['input'])}"
    if kind == "string_type":
        return f"expected text; {_got(error['input'], typed)}"
    if kind in _TYPE_WORDS:
        return f"{_TYPE_WORDS[kind]}; got {_shown(error['input'])}"
    return error["msg"]


def problems_from(exc: ValidationError, source: Source, model: type[BaseModel]) -> list[Problem]:
    """Return one Problem per pydantic error, placed at the YAML node it concerns."""
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(part for part in error["loc"] if not (isinstance(part, str) and part.startswith("function-")))
        message = _message(error, model, source.typed.get(loc))
        problems.append(source.problem(loc, message, key=error["type"] == "extra_forbidden"))
    return problems

"""Turn pydantic's validation errors into Problems a programme officer can act on."""

from __future__ import annotations

import datetime as dt
import re
import types
import typing

from pydantic import BaseModel, ValidationError

from ..errors import Problem
from ..load import Source
from ..model.base import NotOneOf
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


def _model_at(model: type[BaseModel], loc: tuple, data) -> object:
    """Return the model (or type) found by following ``loc`` from ``model`` through ``data``.

    Where an annotation is a union of models, the one chosen is the one that fits the data found
    at that place, so a table block's fields are looked up in that table's own model."""
    annotation: object = model
    for part in loc:
        if not isinstance(part, int):
            current = _inner_model(annotation, data)
            if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
                return None
            annotation = current.model_fields[part].annotation
        data = _step(data, part)
    return _inner_model(annotation, data)


def _step(data, part):
    try:
        return data[part]
    except (KeyError, IndexError, TypeError):
        return None


def _allowed_fields(model: type[BaseModel], loc: tuple, data) -> list[str]:
    """Return the field names of the model found by following ``loc`` from ``model``."""
    current = _model_at(model, loc, data)
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _models_in(annotation: object) -> list[type[BaseModel]]:
    """Return the model classes inside list[X], X | None, tuple[X, ...], Annotated and union annotations."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, typing.Union, types.UnionType, typing.Annotated):
        args = typing.get_args(annotation)
        return [m for arg in (args[:1] if origin is typing.Annotated else args) for m in _models_in(arg)]
    return []


def _inner_model(annotation: object, data=None) -> object:
    """Return the model inside ``annotation``: of a union's models, the one whose fields ``data`` uses most."""
    models = _models_in(annotation)
    if not models:
        return annotation
    keys = set(data) if isinstance(data, dict) else set()

    def fit(model) -> tuple:
        # A field whose one allowed value the data gives (a tagged union's tag) decides first.
        tagged = sum(1 for name, f in model.model_fields.items() if typing.get_origin(f.annotation) is typing.Literal
                     and isinstance(data, dict) and typing.get_args(f.annotation) == (data.get(name),))
        return tagged, len(keys & set(model.model_fields)) - len(keys - set(model.model_fields)), -models.index(model)

    return max(models, key=fit)


def _field_description(model: type[BaseModel], loc: tuple, data) -> str:
    """Return the description of the field at ``loc``, as the model documents it."""
    current = _model_at(model, loc[:-1], data)
    field = current.model_fields.get(loc[-1]) if isinstance(current, type) and issubclass(current, BaseModel) else None
    return (field.description if field else None) or "another form"


def _message(error: dict, model: type[BaseModel], loc: tuple, data, typed: str | None = None) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        hint = one_of(str(loc[-1]), _allowed_fields(model, loc[:-1], data))
        return f"unknown field; {hint}" if hint else "unknown field"
    if kind == "value_error":
        reason = error["ctx"]["error"]
        # A rating is suggested only for a slip of a letter or two: a wrong guess would change the status.
        return _near(str(reason), reason.got, reason.choices, max_edits=2) if isinstance(reason, NotOneOf) else str(reason)
    if kind == "literal_error":
        expected = error["ctx"]["expected"].replace(chr(39), "")
        choices = [c.strip() for c in re.split(r",| or ", expected) if c.strip()]
        return _near(f"expected one of {expected}; got {_shown(error['input'])}", str(error["input"]), choices)
    if kind in ("too_short", "too_long"):
        noun = "item" if isinstance(error.get("input"), list) else "character"
        limit = error["ctx"].get("min_length", error["ctx"].get("max_length"))
        words = "at least" if kind == "too_short" else "at most"
        return f"expected {words} {limit} {noun}{'s' if limit != 1 else ''}"
    if kind == "string_pattern_mismatch":
        return f"expected {_field_description(model, loc, data)}; got {_shown(error['input'])}"
    if kind.startswith(("greater_than", "less_than")):
        return f"expected a number {error['msg'].split('should be ', 1)[-1]}; got {_shown(error['input'])}"
    if kind == "string_type":
        return f"expected text; {_got(error['input'], typed)}"
    if kind in _TYPE_WORDS:
        return f"{_TYPE_WORDS[kind]}; got {_shown(error['input'])}"
    return error["msg"]


def _near(message: str, got: str, choices: list[str], max_edits: int | None = None) -> str:
    """Return ``message`` with a did-you-mean when ``got`` is a near miss of one of ``choices``."""
    hint = one_of(got, choices, max_edits)
    return f"{message}; {hint}" if hint.startswith("did you mean") else message


def _in_data(loc: tuple, data) -> tuple:
    """Return ``loc`` without the parts pydantic adds that the file does not have (union tags,
    validator names): every part but the last must be a key or index of ``data``."""
    kept = []
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(part, str) and part.startswith("function-"):
            continue
        step = _step(data, part)
        if step is None and not last and not (isinstance(data, dict) and part in data):
            continue
        if not last and isinstance(step, (str, int, float, bool)):
            continue  # a union's tag that is also a key (image: x.png), not a step into the file
        kept.append(part)
        data = step
    return tuple(kept)


def problems_from(exc: ValidationError, source: Source, model: type[BaseModel]) -> list[Problem]:
    """Return one Problem per pydantic error, placed at the YAML node it concerns."""
    problems = []
    for error in exc.errors(include_url=False):
        loc = _in_data(error["loc"], source.data)
        message = _message(error, model, loc, source.data, source.typed.get(loc))
        problems.append(source.problem(loc, message, key=error["type"] == "extra_forbidden"))
    return problems

"""The API's OpenAPI schema as a test reads it: every path with its arguments filled in, and
a response checked against its operation's 200 schema (OpenAPI 3.0's `nullable` rewritten as
JSON Schema's null type, so jsonschema checks it)."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema
from drf_spectacular.generators import SchemaGenerator


def api_schema() -> dict[str, Any]:
    return SchemaGenerator().get_schema(request=None, public=True)


def _json_schema(node: Any) -> Any:
    if isinstance(node, list):
        return [_json_schema(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: _json_schema(v) for k, v in node.items()}
    if node.pop("nullable", False):
        if "type" in node:
            node["type"] = [node["type"], "null"]
            if "enum" in node and None not in node["enum"]:
                node["enum"] = [*node["enum"], None]
        else:
            node = {"anyOf": [node, {"type": "null"}]}
    return node


def response_schema(schema: dict[str, Any], path: str, media: str = "application/json") -> Any:
    operation = schema["paths"][path]["get"]
    content = operation["responses"]["200"]["content"]
    if media not in content:
        return None
    body = copy.deepcopy(content[media]["schema"])
    return _json_schema({**body, "components": schema["components"]})


def validate(instance: Any, schema: dict[str, Any], path: str) -> None:
    body = response_schema(schema, path)
    assert body is not None, path
    jsonschema.validate(instance, body)


def concrete(path: str, values: dict[str, Any]) -> str:
    for name, value in values.items():
        path = path.replace("{" + name + "}", str(value))
    assert "{" not in path, path
    return path

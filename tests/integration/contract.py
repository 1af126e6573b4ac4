"""Every JSON answer the integration tests receive is checked against
docs/openapi.yaml: the route and method must be documented, the status
listed for them, and the body valid against the schema of that status and
content type (JSON Schema 2020-12, as OpenAPI 3.1 uses, by the jsonschema
library). A mismatch fails the test that received the answer."""

import json
import os
import re

import jsonschema
import yaml

SPEC_PATH = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "openapi.yaml")
JSON_TYPES = ("application/json", "application/problem+json")


class ContractError(AssertionError):
    pass


class Contract:
    def __init__(self, path=SPEC_PATH):
        with open(path, encoding="utf-8") as f:
            self.spec = yaml.safe_load(f)
        self.routes = []  # (regex, template, path item)
        for template, item in self.spec.get("paths", {}).items():
            literal = re.escape(template).replace(r"\{", "{").replace(r"\}", "}")
            pattern = "^" + re.sub(r"\{[^/]+\}", "[^/]+", literal) + "$"
            # Literal segments win over parameters (/tickets/queue before /tickets/{id}).
            self.routes.append((re.compile(pattern), template, item))
        self.routes.sort(key=lambda r: r[1].count("{"))

    def _resolve(self, node):
        while isinstance(node, dict) and "$ref" in node:
            node = self._pointer(node["$ref"])
        return node

    def _pointer(self, ref):
        node = self.spec
        for part in ref.lstrip("#/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def check(self, method, path, status, content_type, body):
        """Raises ContractError when the answer breaks the document."""
        route = next((r for r in self.routes if r[0].match(path)), None)
        if route is None:
            if status == 404 or not path.startswith("/api/"):
                return  # unknown paths (their 404s), the web app's files
            raise ContractError(f"{method} {path}: no such path in the document")
        _, template, item = route
        operation = item.get(method.lower()) or (item.get("get") if method == "HEAD" else None)
        if operation is None:
            if status == 405:
                return
            raise ContractError(f"{method} {template}: method not in the document")
        responses = operation.get("responses", {})
        response = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX") \
            or responses.get("default")
        if response is None:
            raise ContractError(f"{method} {template}: status {status} is not documented "
                                f"(documented: {sorted(responses)})")
        response = self._resolve(response)
        media = (content_type or "").split(";")[0].strip().lower()
        if method == "HEAD" or media not in JSON_TYPES or not body:
            return
        content = response.get("content", {})
        schema = (content.get(media) or {}).get("schema")
        if schema is None:
            raise ContractError(f"{method} {template} {status}: {media} is not documented "
                                f"(documented: {sorted(content)})")
        try:
            instance = json.loads(body)
        except ValueError as e:
            raise ContractError(f"{method} {template} {status}: body is not JSON: {e}")
        validator = jsonschema.Draft202012Validator(
            {**schema, "components": self.spec.get("components", {})})
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.path))
        if errors:
            first = errors[0]
            where = "/".join(str(p) for p in first.absolute_path) or "(body)"
            raise ContractError(f"{method} {template} {status}: {where}: {first.message}")


_contract = None


def check(method, path, status, content_type, body):
    """Contract.check on the repository's document. With HD_CONTRACT_LOG set,
    mismatches are appended to that file instead of failing the test (to
    survey a whole run)."""
    global _contract
    if _contract is None:
        _contract = Contract()
    try:
        _contract.check(method, path, status, content_type, body)
    except ContractError as e:
        log = os.environ.get("HD_CONTRACT_LOG")
        if not log:
            raise
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{e}\n")

#!/usr/bin/env python3
"""Validate JSON files against a JSON Schema (draft 2020-12).

Usage: validate-json-schema.py SCHEMA FILE...

Exit codes:
  0  every FILE is valid
  1  at least one FILE is invalid (each error is printed with its path inside the JSON)
  2  usage error, unreadable file, malformed JSON, or the schema itself is not valid
  3  the `jsonschema` package is not installed (pip install jsonschema)

Used by the tests to check that kpi-align's exports and transcripts match the schemas in
docs/, and by anyone who wants to check a file by hand.
"""

import json
import sys

try:
    import jsonschema
except ImportError:
    print("validate-json-schema: the python package 'jsonschema' is not installed "
          "(pip install jsonschema)", file=sys.stderr)
    sys.exit(3)


def json_path(parts):
    """`$.exchanges[3].changes[0]`: the same path style the importer's messages use."""
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def load(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as error:
        print(f"{path}: cannot read JSON: {error}", file=sys.stderr)
        sys.exit(2)


def main(argv):
    if len(argv) < 3 or argv[1] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    schema = load(argv[1])
    validator_class = jsonschema.validators.validator_for(
        schema, default=jsonschema.Draft202012Validator)
    try:
        validator_class.check_schema(schema)
    except jsonschema.exceptions.SchemaError as error:
        print(f"{argv[1]}: not a valid schema: {error.message} "
              f"at {json_path(error.absolute_path)}", file=sys.stderr)
        return 2
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    invalid = False
    for path in argv[2:]:
        errors = sorted(validator.iter_errors(load(path)),
                        key=lambda e: [str(p) for p in e.absolute_path])
        if not errors:
            print(f"{path}: valid")
            continue
        invalid = True
        for error in errors:
            # For oneOf/anyOf, the most specific cause says more than "is not valid under any".
            best = jsonschema.exceptions.best_match([error])
            print(f"{path}: invalid at {json_path(best.absolute_path)}: {best.message}")
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Write docs/cascade.schema.json and docs/transcript.schema.json.

Both schemas describe the same Swift types (Cascade and its parts), so they are generated from
one description here instead of being kept in step by hand. The description mirrors the Swift
types' Codable encodings:

- structs encode every stored property under its name; Optional properties that are nil are
  omitted (so they are never "required" and never null);
- enums with raw values encode as the raw string;
- enums with associated values (synthesized Codable) encode as an object with one key, the
  case name, whose value is an object of the labelled associated values (`_0` for an
  unlabelled one), e.g. {"companyKPIAdded": {"id": "c1", "name": "Revenue growth"}};
  a case without associated values encodes as {"none": {}}.

Run from anywhere: python3 scripts/generate-schemas.py. Tests/ExportsTests checks that the
Swift encodings validate against the result, so a drift between this file and the Swift types
fails the tests rather than a user's import.
"""

import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIALECT = "https://json-schema.org/draft/2020-12/schema"

STRING = {"type": "string"}
ID = {"type": "string", "minLength": 1, "description": "A stable id, e.g. c1, d2, k3."}
DAY = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
       "description": "A calendar day, YYYY-MM-DD (UTC)."}
INSTANT = {"type": "string", "format": "date-time", "pattern": "Z$",
           "description": "An ISO 8601 instant in UTC, e.g. 2026-03-02T09:15:00Z."}


def ref(name):
    return {"$ref": f"#/$defs/{name}"}


def obj(description, required, optional=None):
    """A closed object: `required` and `optional` map property names to schemas."""
    properties = dict(required)
    properties.update(optional or {})
    schema = {"type": "object", "description": description, "additionalProperties": False,
              "required": list(required), "properties": properties}
    if not schema["required"]:
        del schema["required"]
    return schema


def raw_enum(description, values):
    return {"type": "string", "description": description, "enum": values}


def case(name, description, required=None, optional=None):
    """One case of a Swift enum with associated values, as synthesized Codable writes it."""
    return obj(description, {name: obj(f"The {name} case's associated values.",
                                       required or {}, optional)})


CASCADE_DEFS = {
    "Cascade": obj(
        "The agreed KPI cascade, exactly as Swift's Cascade encodes it.",
        {"companyKPIs": {"type": "array", "items": ref("CompanyKPI")},
         "departments": {"type": "array", "items": ref("Department")},
         "contributions": {"type": "array", "items": ref("Contribution")},
         "individualKPIs": {"type": "array", "items": ref("IndividualKPI"),
                            "description": "Level 3: individual and team KPIs."},
         "conflicts": {"type": "array", "items": ref("Conflict")},
         "governance": ref("Governance"),
         "overrides": {"type": "array", "items": ref("Override")}},
        {"readings": {"type": "array", "items": ref("Reading"),
                      "description": "Readings of KPIs at every level, ordered by KPI id then "
                      "day; at most one per KPI and day. Omitted when there are none."},
         "reviews": {"type": "array", "items": ref("Review"),
                     "description": "Review meetings held, oldest first. Omitted when there are none."},
         "lockedOn": DAY | {"description": "The day the company KPIs were locked for twelve "
                            "months; absent while they are not locked."}}),
    "CompanyKPI": obj(
        "A Level 1 outcome the board cares about.",
        {"id": ID, "name": STRING,
         "changes": {"type": "array", "items": ref("LockedChange"),
                     "description": "Changes made after the lock, oldest first."}},
        {"target": STRING | {"description": "The measurable target as the room said it."},
         "owner": STRING | {"description": "The accountable executive."}}),
    "LockedChange": obj(
        "A change to a locked company KPI and its recorded reason.",
        {"what": STRING, "reason": STRING}),
    "Department": obj(
        "A department in the room.",
        {"id": ID, "name": STRING,
         "kpis": {"type": "array", "items": ref("DepartmentKPI")}},
        {"head": STRING, "function": ref("DepartmentFunction")}),
    "DepartmentFunction": raw_enum(
        "What a department does, whatever it is called.",
        ["sales", "marketing", "operations", "finance", "hr", "product", "customer-success",
         "other"]),
    "DepartmentKPI": obj(
        "A Level 2 KPI: a department's leading indicator of one company KPI. Optional fields "
        "are absent until the room has answered the question that sets them.",
        {"id": ID, "name": STRING,
         "companyKPI": STRING | {"description": "The id of the company KPI this one moves."},
         "contributors": {"type": "array", "items": STRING,
                          "description": "Ids of other departments contributing to a shared "
                          "metric; the KPI's own department is the primary owner."}},
        {"leadTimeDays": {"type": "integer", "minimum": 0,
                          "description": "Days ahead of the outcome; 0 means lagging."},
         "linkSentence": STRING, "target": STRING, "tension": ref("Tension"),
         "owner": STRING}),
    "IndividualKPI": obj(
        "A Level 3 KPI: what one role or team measures to drive a department KPI.",
        {"id": ID, "name": STRING,
         "parent": STRING | {"description": "The id of the department KPI it drives."}},
        {"role": STRING, "target": STRING, "owner": STRING}),
    "Tension": {
        "description": "Whether pushing the KPI could make another KPI worse.",
        "oneOf": [
            case("none", "No tension declared."),
            case("with", "Pushing the KPI may hurt this other KPI.", {"kpi": STRING}),
        ]},
    "Contribution": obj(
        "Step 2's answer for one company KPI x department. An absent text means the room said "
        "the department does nothing that moves this company KPI.",
        {"companyKPI": STRING, "department": STRING}, {"text": STRING}),
    "Conflict": obj(
        "A pair of department KPIs examined in step 4.",
        {"first": STRING, "second": STRING, "companyKPI": STRING,
         "origin": ref("ConflictOrigin")},
        {"structural": {"type": "boolean",
                        "description": "true: both can hit target while the company KPI gets "
                        "worse. Absent: not yet asked."},
         "resolution": ref("Resolution")}),
    "ConflictOrigin": raw_enum("Why the pair was put to the room.",
                               ["classic", "declared", "raised"]),
    "Resolution": obj(
        "How a structural conflict was removed: one KPI adjusted, old -> new.",
        {"kpi": STRING, "oldName": STRING, "newName": STRING},
        {"oldTarget": STRING, "newTarget": STRING}),
    "Governance": obj(
        "Step 6: the rhythm and rules that keep the cascade alive. Absent fields are not set.",
        {},
        {"velocity": ref("BusinessVelocity"), "operationalReview": ref("ReviewCadence"),
         "strategicReview": ref("ReviewCadence"), "alignmentReview": STRING,
         "annualRealignment": STRING, "processOwner": STRING, "disputeResolver": STRING,
         "changeProcess": STRING, "missPolicy": STRING}),
    "BusinessVelocity": raw_enum("How fast the business moves.", ["high", "steady"]),
    "ReviewCadence": raw_enum("How often a review meets.",
                              ["weekly", "bi-weekly", "monthly", "quarterly"]),
    "Override": obj("A finding the facilitator accepted on purpose, and why.",
                    {"finding": STRING | {"description": "The finding's id."},
                     "reason": STRING}),
    "Reading": obj(
        "One measured value of a KPI on a day, in the KPI's target unit (23% is 23).",
        {"kpi": ID, "day": DAY, "value": {"type": "number"}},
        {"note": STRING, "confidence": {"type": "integer", "minimum": 0, "maximum": 10},
         "recordedBy": STRING}),
    "ReviewKind": raw_enum("Which review meeting: operational (department and Level 3 KPIs) or "
                           "strategic (company and department KPIs).",
                           ["operational", "strategic"]),
    "Review": obj(
        "A review meeting as held: the KPIs off track that day and what their owners said.",
        {"kind": ref("ReviewKind"), "day": DAY,
         "offTrack": {"type": "array", "items": ID},
         "variances": {"type": "array", "items": ref("Variance")}}),
    "Variance": obj(
        "An off-track KPI's explanation and improvement plan at a review (absent: none given).",
        {"kpi": ID}, {"explanation": STRING, "plan": STRING}),
}

FINDING_DEFS = {
    "Finding": obj(
        "What one alignment check says about one subject.",
        {"id": STRING | {"description": "<check>:<subject>, e.g. lead-time:k4."},
         "check": ref("CheckKind"), "verdict": ref("Verdict"),
         "subject": STRING, "reason": STRING},
        {"remedy": STRING}),
    "CheckKind": raw_enum("The alignment checks.",
                          ["lock", "counts", "line-of-sight", "link", "lead-time", "target",
                           "activity", "conflicts", "accountability", "governance",
                           "miss-policy"]),
    "Verdict": raw_enum("A check's verdict.", ["pass", "warn", "fail"]),
}

CASCADE_EVENTS = [
    case("companyKPIAdded", "A company KPI was added.", {"id": ID, "name": STRING}),
    case("companyKPIsLocked", "The company KPIs were locked for twelve months.", {"on": DAY}),
    case("departmentAdded", "A department was added.", {"id": ID, "name": STRING}),
    case("headSet", "A department's head was named.", {"department": STRING, "person": STRING}),
    case("functionSet", "A department's function was confirmed.",
         {"department": STRING, "function": ref("DepartmentFunction")}),
    case("contributionRecorded", "Step 2's answer; no text: the department does nothing that "
         "moves the company KPI.", {"companyKPI": STRING, "department": STRING},
         {"text": STRING}),
    case("departmentKPIAdded", "A department KPI was proposed for a company KPI.",
         {"id": ID, "department": STRING, "companyKPI": STRING, "name": STRING}),
    case("leadTimeSet", "A KPI's lead time in days.",
         {"kpi": STRING, "days": {"type": "integer", "minimum": 0}}),
    case("linkSentenceSet", "A KPI's one-sentence link to its company KPI.",
         {"kpi": STRING, "sentence": STRING}),
    case("tensionSet", "A KPI's declared tension.", {"kpi": STRING, "tension": ref("Tension")}),
    case("contributorAdded", "Another department contributes to a shared metric.",
         {"kpi": STRING, "department": STRING}),
    case("targetSet", "A KPI's target at either level; a reason once company KPIs are locked.",
         {"kpi": STRING, "target": STRING}, {"reason": STRING}),
    case("individualKPIAdded", "A Level 3 KPI under a department KPI.",
         {"id": ID, "parent": STRING, "name": STRING}),
    case("roleSet", "The role or team a Level 3 KPI measures.", {"kpi": STRING, "role": STRING}),
    case("ownerSet", "A KPI's accountable person; a reason to replace a locked company KPI's executive.",
         {"kpi": STRING, "person": STRING}, {"reason": STRING}),
    case("renamed", "A department or KPI was renamed.", {"id": STRING, "name": STRING},
         {"reason": STRING}),
    case("removed", "A department (with its KPIs) or a KPI was removed.", {"id": STRING},
         {"reason": STRING}),
    case("conflictRaised", "A pair of KPIs was put to the room.",
         {"first": STRING, "second": STRING, "companyKPI": STRING,
          "origin": ref("ConflictOrigin")}),
    case("conflictAnswered", "The room answered whether the pair is a structural conflict.",
         {"first": STRING, "second": STRING, "structural": {"type": "boolean"}}),
    case("conflictResolved", "A structural conflict was resolved by adjusting one KPI.",
         {"first": STRING, "second": STRING, "resolution": ref("Resolution")}),
    case("velocitySet", "The business velocity.",
         {"velocity": ref("BusinessVelocity")}),
    case("operationalReviewSet", "The operational review cadence.",
         {"cadence": ref("ReviewCadence")}),
    case("strategicReviewSet", "The strategic review cadence.", {"cadence": ref("ReviewCadence")}),
    case("governanceSet", "One text field of governance.",
         {"field": ref("GovernanceField"), "value": STRING}),
    case("findingAccepted", "A finding was overridden with a reason.",
         {"finding": STRING, "reason": STRING}),
    case("readingsRecorded", "Readings of KPIs (/record, /readings FILE, kpi-align readings); "
         "one on a day that already has a reading of that KPI replaces it.",
         {"readings": {"type": "array", "items": ref("Reading"), "minItems": 1}}),
    case("reviewHeld", "A review meeting held on a day, with the KPIs due at it that were off track.",
         {"kind": ref("ReviewKind"), "on": DAY, "offTrack": {"type": "array", "items": ID}}),
    case("varianceRecorded", "At the latest review, an off-track KPI's explanation and plan "
         "(absent: none given).", {"kpi": ID}, {"explanation": STRING, "plan": STRING}),
    case("restored", "The whole cascade replaced by one read from an exported file "
         "(kpi-align import of a cascade document).", {"cascade": ref("Cascade")}),
]

TRANSCRIPT_DEFS = {
    "SessionInfo": obj(
        "Who the session is.",
        {"name": STRING | {"description": "The workshop's name as the room said it."},
         "slug": {"type": "string", "maxLength": 64,
                  "pattern": "^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$",
                  "description": "The file-safe name: sessions/<slug>.json."},
         "created": INSTANT}),
    "Exchange": obj(
        "One accepted answer or command, with what it changed.",
        {"seq": {"type": "integer", "minimum": 1}, "at": INSTANT,
         "step": {"type": "integer", "minimum": 1, "maximum": 6},
         "question": STRING, "answer": STRING,
         "changes": {"type": "array", "items": ref("WorkshopEvent")}}),
    "WorkshopEvent": {
        "description": "What an exchange changed: where the workshop stands, or the cascade.",
        "oneOf": [
            obj("The room moved to a step.",
                {"stepEntered": obj("", {"step": {"type": "integer", "minimum": 1,
                                                  "maximum": 6}})}),
            obj("A list the room was filling is complete.",
                {"listClosed": obj("", {"list": STRING})}),
            obj("A closed list is open again (/add): the room adds to it.",
                {"listReopened": obj("", {"list": STRING})}),
            obj("The exchange with this seq no longer counts (/undo).",
                {"undone": obj("", {"seq": {"type": "integer", "minimum": 1}})}),
            obj("Step 4: the room chose which KPI of a structural conflict it will adjust.",
                {"adjustmentChosen": obj("", {"conflict": STRING, "kpi": STRING})}),
            obj("Step 4: the adjusted KPI's new name, before its new target is asked.",
                {"adjustmentNamed": obj("", {"conflict": STRING, "name": STRING})}),
            obj("At a review: the explanation of an off-track KPI's variance (absent: skipped); "
                "its plan is asked next.",
                {"varianceExplained": obj("", {"kpi": STRING}, {"explanation": STRING})}),
            ref("CascadeEvent"),
        ]},
    "CascadeEvent": {"description": "One change to the cascade.", "oneOf": CASCADE_EVENTS},
    "GovernanceField": raw_enum(
        "The text fields of governance.",
        ["alignment-review", "annual-realignment", "process-owner", "dispute-resolver",
         "change-process", "miss-policy"]),
}

CASCADE_SCHEMA = {
    "$schema": DIALECT,
    "$id": "https://kpi-align.invalid/schemas/cascade.schema.json",
    "title": "kpi-align cascade export",
    **obj("The JSON export (kpi-align export --format json); see docs/cascade.md.", {"format": {"const": "kpi-align-cascade"}, "version": {"const": 1},
               "workshop": STRING, "cascade": ref("Cascade"),
               "findings": {"type": "array", "items": ref("Finding"),
                            "description": "Open findings: warn or fail, not overridden."}}),
    "$defs": CASCADE_DEFS | FINDING_DEFS,
}

TRANSCRIPT_SCHEMA = {
    "$schema": DIALECT,
    "$id": "https://kpi-align.invalid/schemas/transcript.schema.json",
    "title": "kpi-align session transcript",
    **obj("A session file, sessions/<slug>.json; see docs/transcript.md.", {"format": {"const": "kpi-align-transcript"}, "version": {"const": 1},
               "session": ref("SessionInfo"),
               "exchanges": {"type": "array", "items": ref("Exchange")},
               "cascade": ref("Cascade")}),
    "$defs": TRANSCRIPT_DEFS | CASCADE_DEFS,
}


def strip_empty_descriptions(node):
    if isinstance(node, dict):
        if node.get("description") == "":
            del node["description"]
        for value in node.values():
            strip_empty_descriptions(value)
    elif isinstance(node, list):
        for value in node:
            strip_empty_descriptions(value)
    return node


for name, schema in [("cascade.schema.json", CASCADE_SCHEMA),
                     ("transcript.schema.json", TRANSCRIPT_SCHEMA)]:
    with open(os.path.join(ROOT, "docs", name), "w", encoding="utf-8") as handle:
        json.dump(strip_empty_descriptions(json.loads(json.dumps(schema))), handle, indent=2,
                  ensure_ascii=False)
        handle.write("\n")
    print(f"wrote docs/{name}")

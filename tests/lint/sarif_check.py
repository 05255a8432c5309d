#!/usr/bin/env python3
"""Structural validation of a SARIF 2.1.0 log against the rules of the OASIS
schema (sarif-schema-2.1.0.json) for every object kind aioc emits: required
properties, property types, enums, minimums, and no properties the schema
does not define (the schema sets additionalProperties: false on these
objects, and GitHub code scanning rejects logs that break it). Plus what
GitHub needs beyond the schema: a ruleId on each result that names a rule
of the driver, and at least one location with a relative URI.

    sarif_check.py LOG.sarif   exit 0 when valid, else prints the errors
"""
import json
import sys

ERRORS = []

# kind -> (required, {property: checker})
SCHEMA = {}


def err(path, msg):
    ERRORS.append(f"{path}: {msg}")


def obj(kind):
    def check(v, path):
        if not isinstance(v, dict):
            return err(path, f"{kind} must be an object")
        required, props = SCHEMA[kind]
        for r in required:
            if r not in v:
                err(path, f"{kind} lacks required '{r}'")
        for k, x in v.items():
            if k not in props:
                err(path, f"{kind} has no property '{k}' in SARIF 2.1.0")
            else:
                props[k](x, f"{path}.{k}")
    return check


def array(item, min_items=0):
    def check(v, path):
        if not isinstance(v, list):
            return err(path, "must be an array")
        if len(v) < min_items:
            err(path, f"needs at least {min_items} items")
        for i, x in enumerate(v):
            item(x, f"{path}[{i}]")
    return check


def string(v, path):
    if not isinstance(v, str):
        err(path, "must be a string")


def integer(minimum):
    def check(v, path):
        if not isinstance(v, int) or isinstance(v, bool):
            return err(path, "must be an integer")
        if v < minimum:
            err(path, f"must be >= {minimum}")
    return check


def enum(*values):
    def check(v, path):
        if v not in values:
            err(path, f"{v!r} not one of {values}")
    return check


def anything(v, path):
    pass


LEVEL = enum("none", "note", "warning", "error")
MESSAGE_PROPS = {"text": string, "markdown": string, "id": string,
                 "arguments": array(string), "properties": anything}

SCHEMA.update({
    "sarifLog": (["version", "runs"], {
        "$schema": string, "version": enum("2.1.0"),
        "runs": array(obj("run")), "inlineExternalProperties": anything,
        "properties": anything}),
    "run": (["tool"], {
        "tool": obj("tool"), "results": array(obj("result")),
        "columnKind": enum("utf16CodeUnits", "unicodeCodePoints"),
        "invocations": anything, "originalUriBaseIds": anything,
        "artifacts": anything, "automationDetails": anything,
        "language": string, "properties": anything}),
    "tool": (["driver"], {
        "driver": obj("toolComponent"),
        "extensions": array(obj("toolComponent")), "properties": anything}),
    "toolComponent": (["name"], {
        "name": string, "version": string, "semanticVersion": string,
        "fullName": string, "organization": string, "product": string,
        "informationUri": string, "downloadUri": string, "guid": string,
        "rules": array(obj("reportingDescriptor")),
        "shortDescription": obj("multiformatMessageString"),
        "fullDescription": obj("multiformatMessageString"),
        "properties": anything}),
    "reportingDescriptor": (["id"], {
        "id": string, "name": string, "guid": string, "helpUri": string,
        "shortDescription": obj("multiformatMessageString"),
        "fullDescription": obj("multiformatMessageString"),
        "help": obj("multiformatMessageString"),
        "messageStrings": anything,
        "defaultConfiguration": obj("reportingConfiguration"),
        "deprecatedIds": array(string), "relationships": anything,
        "properties": anything}),
    "multiformatMessageString": (["text"], {
        "text": string, "markdown": string, "properties": anything}),
    "reportingConfiguration": ([], {
        "enabled": anything, "level": LEVEL, "rank": anything,
        "parameters": anything, "properties": anything}),
    "result": (["message"], {
        "ruleId": string, "ruleIndex": integer(-1), "rule": anything,
        "kind": enum("notApplicable", "pass", "fail", "review", "open",
                     "informational"),
        "level": LEVEL, "message": obj("message"),
        "locations": array(obj("location")),
        "relatedLocations": array(obj("location")),
        "fixes": array(obj("fix")), "partialFingerprints": anything,
        "fingerprints": anything, "codeFlows": anything, "guid": string,
        "properties": anything}),
    "message": ([], MESSAGE_PROPS),
    "location": ([], {
        "id": integer(-1), "physicalLocation": obj("physicalLocation"),
        "logicalLocations": anything, "message": obj("message"),
        "annotations": array(obj("region")), "relationships": anything,
        "properties": anything}),
    "physicalLocation": ([], {
        "artifactLocation": obj("artifactLocation"), "region": obj("region"),
        "contextRegion": obj("region"), "address": anything,
        "properties": anything}),
    "artifactLocation": ([], {
        "uri": string, "uriBaseId": string, "index": integer(-1),
        "description": obj("message"), "properties": anything}),
    "region": ([], {
        "startLine": integer(1), "startColumn": integer(1),
        "endLine": integer(1), "endColumn": integer(1),
        "charOffset": integer(-1), "charLength": integer(0),
        "byteOffset": integer(-1), "byteLength": integer(0),
        "snippet": obj("artifactContent"), "message": obj("message"),
        "sourceLanguage": string, "properties": anything}),
    "artifactContent": ([], {
        "text": string, "binary": string, "rendered": anything,
        "properties": anything}),
    "fix": (["artifactChanges"], {
        "description": obj("message"),
        "artifactChanges": array(obj("artifactChange"), 1),
        "properties": anything}),
    "artifactChange": (["artifactLocation", "replacements"], {
        "artifactLocation": obj("artifactLocation"),
        "replacements": array(obj("replacement"), 1),
        "properties": anything}),
    "replacement": (["deletedRegion"], {
        "deletedRegion": obj("region"),
        "insertedContent": obj("artifactContent"), "properties": anything}),
})


def semantic(log):
    """What the schema cannot say, and what GitHub code scanning needs."""
    for r, run in enumerate(log.get("runs", [])):
        rules = run["tool"]["driver"].get("rules", [])
        ids = [d["id"] for d in rules]
        if len(ids) != len(set(ids)):
            err(f"runs[{r}]", "duplicate rule ids")
        for i, res in enumerate(run.get("results", [])):
            p = f"runs[{r}].results[{i}]"
            if "text" not in res["message"] and "id" not in res["message"]:
                err(p, "message needs text or id")
            if res.get("ruleId") not in ids:
                err(p, f"ruleId {res.get('ruleId')!r} is not a driver rule")
            elif "ruleIndex" in res and ids[res["ruleIndex"]] != res["ruleId"]:
                err(p, "ruleIndex does not point at ruleId")
            locs = res.get("locations", [])
            if not locs:
                err(p, "no location (GitHub needs one)")
            for loc in locs + res.get("relatedLocations", []):
                phys = loc.get("physicalLocation", {})
                uri = phys.get("artifactLocation", {}).get("uri", "")
                if not uri or uri.startswith("/"):
                    err(p, f"location uri {uri!r} must be relative")
                reg = phys.get("region", {})
                if (reg.get("endLine", reg.get("startLine", 1)),
                        reg.get("endColumn", 1)) < (reg.get("startLine", 1),
                                                    reg.get("startColumn", 1)):
                    err(p, "region ends before it starts")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        log = json.load(f)
    obj("sarifLog")(log, "$")
    if not ERRORS:
        semantic(log)
    for e in ERRORS:
        print("SARIF:", e)
    n = sum(len(r.get("results", [])) for r in log.get("runs", []))
    if not ERRORS and n == 0:
        print("SARIF: no results to check")
        return 1
    return 1 if ERRORS else 0


if __name__ == "__main__":
    sys.exit(main())

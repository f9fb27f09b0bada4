#!/usr/bin/env bash
# Compares trailwatch's CloudFormation loader with cfn-lint's template parser on the shared corpus.
# For every row of ../shared/corpus/cfn-oracle.tsv (one "test" each):
#   ok    -> agrees when trailwatch reads the file as a template and reports no error for it (a
#            file trailwatch skips, not taking it for a template, is a disagreement, unless this
#            script finds it is JSON with no top-level Resources mapping: not a template at all);
#   error -> agrees when trailwatch reports an error for that file with a line and a column.
# A trailwatch error for a file that is not in the oracle is also a disagreement (and a failure).
# Skips (exit 0) when the shared folder or the corpus is missing; fails on an empty corpus.
# Nothing is copied into the project.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
corpus="$shared/corpus"
cfn_dir="$corpus/cloudformation"
oracle="$corpus/cfn-oracle.tsv"

skip_unless_present "$shared" "shared folder"
if [ ! -d "$cfn_dir" ] || [ ! -f "$oracle" ]; then
  echo "SKIP: CloudFormation corpus ($cfn_dir or $oracle) not found"
  exit 0
fi
corpus=$(cd "$corpus" && pwd)
fail_if_empty "$cfn_dir" "the CloudFormation corpus"
if ! grep -q -v -e '^#' -e '^[[:space:]]*$' "$oracle"; then
  echo "FAIL: the CloudFormation oracle $oracle has no row: nothing to compare"
  exit 1
fi

ensure_jar

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One run over the whole folder, from the corpus folder so that reported paths are corpus-relative.
rc=0
(cd "$corpus" && "$root/bin/trailwatch" scan -f json -q cloudformation) >"$tmp/report.json" 2>"$tmp/stderr.txt" || rc=$?
if [ "$rc" -gt 2 ] || [ ! -s "$tmp/report.json" ]; then
  echo "trailwatch failed (exit $rc):" >&2
  cat "$tmp/stderr.txt" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# The oracle's files trailwatch skips without reading (not a template to it): named, as pre-commit would.
grep -v -e '^#' -e '^[[:space:]]*$' "$oracle" | cut -f1 >"$tmp/files.txt"
python3 "$root/scripts/unread-files.py" "$root/bin/trailwatch" "$corpus" "$tmp/files.txt" >"$tmp/unread.txt"

python3 - "$tmp/report.json" "$oracle" "$corpus" "$rc" "$tmp/unread.txt" <<'PY'
import json, os, sys

report_path, oracle_path, corpus, rc, unread_path = sys.argv[1:6]
unread = {l.rstrip("\n") for l in open(unread_path, encoding="utf-8") if l.strip()}
with open(report_path, encoding="utf-8") as f:
    report = json.load(f)

def rel(p):
    if not os.path.isabs(p):
        p = os.path.join(corpus, p)
    return os.path.relpath(os.path.normpath(p), corpus)

errors = {}
for e in report.get("errors", []):
    errors.setdefault(rel(e.get("file", "")), []).append(e)

oracle = []
with open(oracle_path, encoding="utf-8") as f:
    for line in f:
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        path = cols[0]
        verdict = cols[1].strip() if len(cols) > 1 else ""
        msg = cols[2] if len(cols) > 2 else ""
        oracle.append((path, verdict, msg))

def positioned(e):
    return isinstance(e.get("line"), int) and e["line"] >= 1 and isinstance(e.get("column"), int) and e["column"] >= 1

def fmt(e):
    return f'{e.get("line")}:{e.get("column")}: {e.get("message", "")}'

def not_a_template(path):
    """Checked here, not taken from trailwatch: JSON whose top level has no Resources mapping."""
    try:
        with open(os.path.join(corpus, path), encoding="utf-8") as f:
            document = json.load(f)
    except (ValueError, OSError):
        return False  # YAML, or unreadable: not decided here
    return not (isinstance(document, dict) and isinstance(document.get("Resources"), dict))

passed = failed = both_load = both_reject = not_templates = 0
disagreements = []
for path, verdict, msg in oracle:
    tw = errors.get(path, [])
    if path in unread and verdict == "ok" and not_a_template(path):
        # cfn-lint's parser loads any JSON; a document without a Resources mapping at its top (a
        # macro's event payload holding a template under "fragment") is no template to deploy.
        not_templates += 1; passed += 1
    elif path in unread:
        failed += 1
        disagreements.append(f"{path}: cfn-lint {'loads' if verdict == 'ok' else 'rejects'} it, trailwatch skips it"
                             " (not a template to it)")
    elif verdict == "ok":
        if not tw:
            both_load += 1; passed += 1
        else:
            failed += 1
            disagreements.append(f"{path}: cfn-lint loads it, trailwatch reports: " + " | ".join(fmt(e) for e in tw))
    elif verdict == "error":
        if tw and all(positioned(e) for e in tw):
            both_reject += 1; passed += 1
        elif tw:
            failed += 1
            disagreements.append(f"{path}: both reject, but trailwatch's error has no line/column: " + " | ".join(fmt(e) for e in tw))
        else:
            failed += 1
            disagreements.append(f"{path}: cfn-lint rejects it ({msg}), trailwatch reports no error")
    else:
        failed += 1
        disagreements.append(f"{path}: unknown oracle verdict {verdict!r}")

known = {p for p, _, _ in oracle}
extra = sorted(p for p in errors if p not in known)
for p in extra:
    failed += 1
    disagreements.append(f"{p}: not in the oracle, trailwatch reports: " + " | ".join(fmt(e) for e in errors[p]))

for d in disagreements:
    print("DISAGREE " + d)
print(f"trailwatch exit code: {rc}; oracle rows: {len(oracle)}; files scanned (summary): {report.get('summary', {}).get('files')}")
print(f"both load: {both_load}")
print(f"both reject: {both_reject}")
print(f"skipped by trailwatch: {len(unread)}, of which JSON without a top-level Resources mapping"
      f" (not a template, checked here): {not_templates}")
print(f"disagreements: {len(disagreements)}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY

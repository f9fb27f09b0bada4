#!/usr/bin/env bash
# Compares trailwatch's HCL parser with HashiCorp's (hcl v2.23.0) on every native-syntax file of
# ../shared/corpus (the HCL specification suite inputs in hcl-spec/ and the real Terraform in
# terraform/), using the verdicts in ../shared/corpus/hcl-oracle.tsv (one "test" per row):
#   ok    -> agrees when trailwatch reads the file and parses it without an error (a file
#            trailwatch skips without reading is a disagreement);
#   error -> agrees when trailwatch reports an error for the file with a line and a column.
# Skips (exit 0) when ../shared or the corpus is missing; fails on an empty corpus (no
# native-syntax row). Nothing is copied into the project.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
skip_unless_present "$shared" "shared folder"
skip_unless_present "$shared/corpus/hcl-oracle.tsv" "HCL oracle"
corpus=$(cd "$shared/corpus" && pwd)
ensure_jar

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The files the oracle judged as native syntax, named one by one (as pre-commit would name them).
awk -F'\t' 'NR > 1 && $2 == "native" { print $1 }' "$corpus/hcl-oracle.tsv" > "$tmp/files.txt"
if [ ! -s "$tmp/files.txt" ]; then
  echo "FAIL: the HCL corpus is empty ($corpus/hcl-oracle.tsv lists no native-syntax file): nothing to compare"
  exit 1
fi
rc=0
mapfile -t files < "$tmp/files.txt"
(cd "$corpus" && "$root/bin/trailwatch" scan -f json -q "${files[@]}") \
  > "$tmp/report.json" 2> "$tmp/stderr.txt" || rc=$?
if [ "$rc" -gt 2 ] || [ ! -s "$tmp/report.json" ]; then
  echo "trailwatch failed (exit $rc):"; cat "$tmp/stderr.txt"
  echo "0 passed, 1 failed"
  exit 1
fi

# The files trailwatch skips without reading (excluded, for one).
python3 "$root/scripts/unread-files.py" "$root/bin/trailwatch" "$corpus" "$tmp/files.txt" >"$tmp/unread.txt"

python3 - "$corpus/hcl-oracle.tsv" "$tmp/report.json" "$tmp/unread.txt" <<'PY'
import json, sys
oracle_path, report_path, unread_path = sys.argv[1], sys.argv[2], sys.argv[3]
unread = {l.rstrip("\n") for l in open(unread_path, encoding="utf-8") if l.strip()}
report = json.load(open(report_path, encoding="utf-8"))
errors = {}
for e in report["errors"]:
    errors.setdefault(e["file"], e)
both_ok = both_error = 0
disagreements = []
for line in open(oracle_path, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    path, syntax, verdict = line.rstrip("\n").split("\t")[:3]
    if syntax != "native":
        continue
    ours = errors.get(path)
    if path in unread:
        disagreements.append(f"DISAGREE {path}: HashiCorp {verdict}, trailwatch skips it without reading it")
    elif verdict == "ok" and ours is None:
        both_ok += 1
    elif verdict == "error" and ours is not None and ours.get("line") and ours.get("column"):
        both_error += 1
    else:
        said = "accepts" if ours is None else f"rejects at {ours.get('line')}:{ours.get('column')}: {ours['message']}"
        disagreements.append(f"DISAGREE {path}: HashiCorp {verdict}, trailwatch {said}")
for d in disagreements:
    print(d)
print(f"both accept: {both_ok}")
print(f"both reject (trailwatch with a position): {both_error}")
print(f"skipped by trailwatch: {len(unread)}")
print(f"disagreements: {len(disagreements)}")
print(f"{both_ok + both_error} passed, {len(disagreements)} failed")
sys.exit(1 if disagreements else 0)
PY

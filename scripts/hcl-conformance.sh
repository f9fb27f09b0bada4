#!/usr/bin/env bash
# Compares trailwatch's HCL parser with HashiCorp's (hcl v2.23.0) on every native-syntax file of
# ../shared/corpus (the HCL specification suite inputs in hcl-spec/ and the real Terraform in
# terraform/), using the verdicts in ../shared/corpus/hcl-oracle.tsv (one "test" per row):
#   ok    -> agrees when trailwatch parses the file without an error;
#   error -> agrees when trailwatch reports an error for the file with a line and a column.
# Skips (exit 0) when ../shared or the corpus is missing. Nothing is copied into the project.
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
rc=0
mapfile -t files < "$tmp/files.txt"
(cd "$corpus" && "$root/bin/trailwatch" scan -f json -q "${files[@]}") \
  > "$tmp/report.json" 2> "$tmp/stderr.txt" || rc=$?
if [ "$rc" -gt 2 ] || [ ! -s "$tmp/report.json" ]; then
  echo "trailwatch failed (exit $rc):"; cat "$tmp/stderr.txt"
  echo "0 passed, 1 failed"
  exit 1
fi

python3 - "$corpus/hcl-oracle.tsv" "$tmp/report.json" <<'PY'
import json, sys
oracle_path, report_path = sys.argv[1], sys.argv[2]
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
    if verdict == "ok" and ours is None:
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
print(f"disagreements: {len(disagreements)}")
print(f"{both_ok + both_error} passed, {len(disagreements)} failed")
sys.exit(1 if disagreements else 0)
PY

#!/usr/bin/env bash
# Scans all of ../shared/corpus at once and prints how many findings each rule made, and every
# TW002/TW003 finding in full (each one is read by a person: testdata/REAL-WORLD.md). Passes
# when the scan completes and its only input errors are the files cfn-lint or HashiCorp's parser
# also rejects (cfn-oracle.tsv, hcl-oracle.tsv). Skips when ../shared is missing; fails when the
# scan read no file (an empty corpus).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
skip_unless_present "$shared/corpus" "corpus"
corpus=$(cd "$shared/corpus" && pwd)
fail_if_empty "$corpus" "the corpus"
ensure_jar

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rc=0
(cd "$corpus" && "$root/bin/trailwatch" scan -f json -q --strict .) >"$tmp/report.json" 2>"$tmp/err.txt" || rc=$?

python3 - "$tmp/report.json" "$corpus" "$rc" <<'PY'
import collections, json, os, sys
report_path, corpus, rc = sys.argv[1], sys.argv[2], int(sys.argv[3])
rejected = set()
for oracle in ("cfn-oracle.tsv", "hcl-oracle.tsv"):
    if not os.path.exists(os.path.join(corpus, oracle)):
        continue  # no oracle: every input error is unexpected
    for row in open(os.path.join(corpus, oracle), encoding="utf-8"):
        cells = row.rstrip("\n").split("\t")
        if len(cells) >= 3 and "error" in cells[1:3]:
            rejected.add(cells[0])
report = json.load(open(report_path, encoding="utf-8"))
counts = collections.Counter(f["ruleId"] for f in report["findings"])
s = report["summary"]
print(f'files {s["files"]}, resources {s["resources"]}, trails {s["trails"]}, unknown values {s["unknownValues"]}')
for rule in ("TW000", "TW001", "TW002", "TW003", "TW004", "TW005"):
    print(f"{rule}: {counts.get(rule, 0)} findings")
for f in report["findings"]:
    if f["ruleId"] in ("TW002", "TW003"):
        print(f'  {f["file"]}:{f["line"]}:{f["column"]}: {f["ruleId"]} {f["message"]}')
unexpected = [e for e in report["errors"] if e["file"] not in rejected or "internal error" in e["message"]]
for e in unexpected:
    print(f'UNEXPECTED ERROR {e["file"]}:{e.get("line")}: {e["message"]}')
if s["files"] == 0:
    print(f"FAIL: the corpus {corpus} holds no file trailwatch reads: nothing was scanned")
ok = rc in (0, 1, 2) and not unexpected and s["files"] > 0
print(f'{1 if ok else 0} passed, {0 if ok else 1} failed')
sys.exit(0 if ok else 1)
PY

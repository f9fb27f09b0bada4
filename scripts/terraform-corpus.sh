#!/usr/bin/env bash
# Scans every repository of ../shared/corpus/terraform as a whole (as a user would scan a
# checkout) and prints, per repository: files, resources, trails found, findings, attribute
# values that stayed unknown, and errors. A repository passes when trailwatch completes (exit
# 0, 1 or 2) with no error other than the files HashiCorp's parser also rejects (hcl-oracle.tsv)
# and no internal error. Skips when ../shared is missing; fails when the corpus holds no repository.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
skip_unless_present "$shared/corpus/terraform" "Terraform corpus"
corpus=$(cd "$shared/corpus" && pwd)
ensure_jar

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail_if_empty "$corpus/terraform" "the Terraform corpus"
shopt -s nullglob
repos=("$corpus"/terraform/*/)
passed=0
failed=0
printf '%-62s %6s %9s %6s %8s %7s %6s  %s\n' repository files resources trails findings unknown errors verdict
for repo in "${repos[@]}"; do
  name=$(basename "$repo")
  rc=0
  (cd "$corpus" && "$root/bin/trailwatch" scan -f json -q "terraform/$name") >"$tmp/report.json" 2>"$tmp/err.txt" || rc=$?
  line=$(python3 - "$tmp/report.json" "$corpus/hcl-oracle.tsv" "$rc" <<'PY'
import json, sys
report_path, oracle_path, rc = sys.argv[1], sys.argv[2], int(sys.argv[3])
rejected = set()
for row in open(oracle_path, encoding="utf-8"):
    cells = row.rstrip("\n").split("\t")
    if len(cells) >= 3 and cells[2] == "error":
        rejected.add(cells[0])
try:
    report = json.load(open(report_path, encoding="utf-8"))
except Exception:
    print(f"- - - - - - FAIL (exit {rc}, no report)")
    sys.exit()
s = report["summary"]
unexpected = [e for e in report["errors"] if e["file"] not in rejected or "internal error" in e["message"]]
ok = rc in (0, 1, 2) and not unexpected
verdict = "ok" if ok else "FAIL: " + "; ".join(f'{e["file"]}:{e.get("line")}: {e["message"]}' for e in unexpected[:3])
print(f'{s["files"]} {s["resources"]} {s["trails"]} {s["findings"]} {s.get("unknownValues", 0)} {s["errors"]} {verdict}')
PY
)
  read -r files resources trails findings unknown errors verdict <<<"$line"
  printf '%-62s %6s %9s %6s %8s %7s %6s  %s\n' "$name" "$files" "$resources" "$trails" "$findings" "$unknown" "$errors" "$verdict"
  if [ "${verdict%%:*}" = ok ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

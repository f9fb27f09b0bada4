#!/usr/bin/env bash
# Checks trailwatch against the CloudFormation rows of the table in ../shared/peer-fixtures/README.md
# (what trailwatch must report for other linters' test inputs for the same control).
# A case passes when the set of error-severity findings is exactly the expected one: rule, resource
# address and, for the KICS fixtures, the line of the resource's logical-id key (found by grepping
# the fixture, never hard-coded).
# Skips (exit 0) when the shared folder or the peer fixtures are missing. Nothing is copied into the project.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
peers="$shared/peer-fixtures"

skip_unless_present "$shared" "shared folder"
if [ ! -d "$peers" ]; then
  echo "SKIP: peer fixtures folder $peers not found"
  exit 0
fi
peers=$(cd "$peers" && pwd)
fail_if_empty "$peers" "the peer fixtures folder"

ensure_jar

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Expected results: input (relative to peer-fixtures) | trail | expected error findings
# ("RULE:ADDRESS" separated by spaces; "-" = none). For the KICS rows the line is the trail's key line.
cases=$(cat <<'TABLE'
kics/cloudformation/positive1.yaml|myTrail|TW001:myTrail
kics/cloudformation/positive4.json|myTrail|TW001:myTrail
kics/cloudformation/positive2.yaml|myTrail2|TW001:myTrail2
kics/cloudformation/positive5.json|myTrail|TW001:myTrail
kics/cloudformation/positive3.yaml|myTrail3|TW001:myTrail3
kics/cloudformation/positive6.json|myTrail|TW001:myTrail
kics/cloudformation/negative1.yaml|myTrail|-
kics/cloudformation/negative2.json|myTrail|-
trivy/examples.yaml#cloudformation.good[1]|GoodExampleTrail|TW001:GoodExampleTrail
trivy/examples.yaml#cloudformation.bad[1]|BadExampleTrail|TW001:BadExampleTrail
kics/terraform/positive.tf|aws_cloudtrail.positive1|TW001:aws_cloudtrail.positive1
kics/terraform/negative.tf|aws_cloudtrail.negative1|-
checkov/terraform/main.tf|aws_cloudtrail.aws_cloudtrail_ok, aws_cloudtrail.aws_cloudtrail_not_ok|TW001:aws_cloudtrail.aws_cloudtrail_ok TW001:aws_cloudtrail.aws_cloudtrail_not_ok
trivy/examples.yaml#terraform.good[1]|aws_cloudtrail.good_example|TW001:aws_cloudtrail.good_example
trivy/examples.yaml#terraform.bad[1]|aws_cloudtrail.bad_example|TW001:aws_cloudtrail.bad_example
TABLE
)

# Line of a resource's declaration: the logical-id key ("myTrail:" in YAML, "myTrail": in JSON),
# or the Terraform header (resource "aws_cloudtrail" "name") for an address type.name: first match.
key_line() {
  local file=$1 key=$2
  case "$file" in
    *.tf) grep -n -E "^resource[[:space:]]+\"${key%%.*}\"[[:space:]]+\"${key#*.}\"" "$file" | head -n 1 | cut -d: -f1 ;;
    *) grep -n -E "^[[:space:]]*(\"$key\"|'$key'|$key)[[:space:]]*:" "$file" | head -n 1 | cut -d: -f1 ;;
  esac
}

# Writes the trivy template blocks to temp files (good-1.yaml, bad-1.yaml, ...).
extract_trivy() {
  python3 - "$peers/trivy/examples.yaml" "$tmp/trivy" <<'PY'
import os, sys, yaml
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
with open(src, encoding="utf-8") as f:
    doc = yaml.safe_load(f)
for language, extension in (("cloudformation", "yaml"), ("terraform", "tf")):
    for kind in ("good", "bad"):
        for i, text in enumerate((doc.get(language) or {}).get(kind) or [], 1):
            # One folder each: Terraform reads a folder as one module.
            folder = os.path.join(out, f"{language}-{kind}-{i}")
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, f"{kind}-{i}.{extension}"), "w", encoding="utf-8") as g:
                g.write(text if text.endswith("\n") else text + "\n")
PY
}

have_trivy=0
if [ -f "$peers/trivy/examples.yaml" ]; then
  extract_trivy && have_trivy=1
fi

passed=0
failed=0
rows=()
while IFS='|' read -r input trail expected; do
  [ -n "$input" ] || continue
  case "$input" in
    trivy/examples.yaml\#*)
      language=${input#trivy/examples.yaml#}; language=${language%%.*}
      kind=${input#trivy/examples.yaml#$language.}; kind=${kind%%[*}
      idx=${input##*[}; idx=${idx%]}
      extension=yaml; [ "$language" = terraform ] && extension=tf
      file="$tmp/trivy/$language-$kind-$idx/$kind-$idx.$extension"
      with_line=0
      ;;
    *)
      file="$peers/$input"
      with_line=1
      ;;
  esac
  if [ ! -f "$file" ]; then
    rows+=("$input|$trail|$expected|input not found|no")
    failed=$((failed + 1))
    continue
  fi
  want="-"
  if [ "$expected" != "-" ]; then
    want=""
    for item in $expected; do
      if [ "$with_line" = 1 ]; then
        line=$(key_line "$file" "${item#*:}")
        [ -n "$line" ] || line="?"
        item="$item@$line"
      fi
      want="${want:+$want }$item"
    done
  fi
  rc=0
  "$root/bin/trailwatch" scan -f json -q "$file" >"$tmp/out.json" 2>"$tmp/err.txt" || rc=$?
  got=$(python3 - "$tmp/out.json" "$with_line" "$rc" "$file" <<'PY'
import json, os, sys
path, with_line, rc, scanned = sys.argv[1], sys.argv[2] == "1", sys.argv[3], os.path.realpath(sys.argv[4])
try:
    with open(path, encoding="utf-8") as f:
        r = json.load(f)
except Exception as e:
    print(f"no JSON report (exit {rc})"); sys.exit()
items = []
for x in r.get("findings", []):
    # A Terraform file is evaluated with its folder; only this file's findings answer for it.
    if x.get("severity") != "error" or os.path.realpath(x.get("file", "")) != scanned:
        continue
    s = f'{x.get("ruleId")}:{(x.get("resource") or {}).get("address")}'
    if with_line:
        s += f'@{x.get("line")}'
    items.append(s)
for e in r.get("errors", []):
    items.append(f'input-error@{e.get("line")}:{e.get("column")}')
print(" ".join(sorted(items)) if items else "-")
PY
)
  want_sorted=$(tr ' ' '\n' <<<"$want" | sort | tr '\n' ' ' | sed 's/ $//')
  if [ "$got" = "$want_sorted" ]; then
    agree=yes; passed=$((passed + 1))
  else
    agree=no; failed=$((failed + 1))
  fi
  rows+=("$input|$trail|$want_sorted|$got|$agree")
done <<<"$cases"

print_table() {
  if command -v column >/dev/null 2>&1; then column -t -s '|'; else sed 's/|/ | /g'; fi
}
{
  echo "input|trail|expected|got|agree"
  printf '%s\n' "${rows[@]}"
} | print_table
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

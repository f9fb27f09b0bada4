#!/usr/bin/env bash
# Runs the README's .gitlab-ci.yml example as GitLab's runner would run its script: each line in
# order, in a throwaway repository that holds a trail without CloudWatch Logs, with the
# repository URL pointing at this checkout (GitHub is not reachable here) and /opt at a temporary
# folder. The image's apt-get line is skipped (the machine already has git). Checks the exit code
# and the two report artifacts: JUnit for the test report, Code Quality for the merge request
# widget. Needs python3 with PyYAML (Debian's python3-yaml, installed when missing).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

python=python3
if ! $python -c 'import yaml' >/dev/null 2>&1; then
  python=/usr/bin/python3
  if ! $python -c 'import yaml' >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-yaml) >/dev/null 2>&1
  fi
fi
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
passed=0
failed=0
check() { # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $name"; else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

# The example: the yaml block that starts with "# .gitlab-ci.yml".
$python - "$root/README.md" >"$tmp/script.sh" <<'PY'
import re, sys, yaml
text = open(sys.argv[1], encoding="utf-8").read()
block = re.search(r"```yaml\n(# \.gitlab-ci\.yml\n.*?)```", text, re.S).group(1)
job = yaml.safe_load(block)["trailwatch"]
print("set -e")
for line in job["script"]:
    if line.startswith("apt-get"):
        continue  # the image's packages; git is on this machine
    print(line)
reports = job["artifacts"]["reports"]
print("# artifacts: " + " ".join(f"{k}={v}" for k, v in sorted(reports.items())))
PY
check "the README has a .gitlab-ci.yml example with a script" test -s "$tmp/script.sh"
sed -n 's/^# artifacts: //p' "$tmp/script.sh" >"$tmp/artifacts"
sed -i -e "s#https://github.com/OWNER/trailwatch.git#$root#" -e "s#/opt/trailwatch#$tmp/opt/trailwatch#g" "$tmp/script.sh"
sed 's/^/  | /' "$tmp/script.sh"

mkdir -p "$tmp/project" && cd "$tmp/project" && git init -q
cat >main.tf <<'TF'
resource "aws_cloudtrail" "audit" {
  name           = "audit"
  s3_bucket_name = "audit-logs"
}
TF
out=$(bash "$tmp/script.sh" 2>&1); code=$?
sed 's/^/  | /' <<<"$out" | tail -n 15
check "the job fails on a trail without CloudWatch Logs" test "$code" -ne 0
check "the log shows the finding" grep -q "main.tf:1:1: error TW001 aws_cloudtrail.audit" <<<"$out"
junit=$(sed -n 's/.*junit=\([^ ]*\).*/\1/p' "$tmp/artifacts")
quality=$(sed -n 's/.*codequality=\([^ ]*\).*/\1/p' "$tmp/artifacts")
check "the JUnit artifact names the failing trail" grep -q "aws_cloudtrail.audit" "$junit"
check "the Code Quality artifact has the finding with GitLab's fields" $python -c '
import json, sys
issues = json.load(open(sys.argv[1]))
assert any(i["check_name"] == "trailwatch.TW001" and i["location"]["path"] == "main.tf"
           and i["location"]["lines"]["begin"] == 1 and i["severity"] == "major" and i["fingerprint"] for i in issues)
' "$quality"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Runs action.yml's steps as the GitHub Actions runner would (scripts/action-steps.py: each step in
# order, expressions substituted, GITHUB_OUTPUT/GITHUB_STEP_SUMMARY/GITHUB_WORKSPACE set, other
# actions checked by their inputs, the cache emulated) in throwaway repositories that hold only
# Terraform files and no pom.xml, with the action itself copied from this checkout's files as the
# runner downloads it. Needs python3 with PyYAML (Debian's python3-yaml, installed when missing)
# and jq (installed when missing).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

need() { # need COMMAND_TEST DEBIAN_PACKAGE
  if ! eval "$1" >/dev/null 2>&1; then
    echo "installing Debian's $2" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2") >/dev/null 2>&1
  fi
  if ! eval "$1" >/dev/null 2>&1; then
    echo "FAILED: $2 is needed and could not be installed"
    echo "0 passed, 1 failed"
    exit 1
  fi
}
python=python3
if ! python3 -c 'import yaml' >/dev/null 2>&1 && [ -x /usr/bin/python3 ]; then python=/usr/bin/python3; fi
need "$python -c 'import yaml'" python3-yaml
python=$(command -v "$python")
if ! $python -c 'import yaml' >/dev/null 2>&1; then python=/usr/bin/python3; fi
need "command -v jq" jq

tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/user-cache" # the launcher's archives of the temporary jars go there
action="$tmp/action"
mkdir -p "$action"
# The action as the runner gets it: the repository's files (here: as in the working tree), no build.
(cd "$root" && git ls-files -z -co --exclude-standard | tar --null -T - -cf -) | tar -x -C "$action"

passed=0
failed=0
check() { # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $name"; else failed=$((failed + 1)); echo "FAILED: $name"; fi
}
q() { jq -e "$@" >/dev/null; } # q FILTER FILE: true when the filter holds

workspace() { # workspace NAME: a fresh git repository with only Terraform files
  local ws="$tmp/$1"
  mkdir -p "$ws"
  git -C "$ws" init -q
  echo "$ws"
}
trail() { # trail NAME [delivers]
  if [ "${2:-}" = delivers ]; then
    printf 'resource "aws_cloudtrail" "%s" {\n  name                       = "%s"\n  s3_bucket_name             = "logs"\n  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:ct:*"\n  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/ct"\n}\n' "$1" "$1"
  else
    printf 'resource "aws_cloudtrail" "%s" {\n  name           = "%s"\n  s3_bucket_name = "logs"\n}\n' "$1" "$1"
  fi
}
run_action() { # run_action WORKSPACE STATE RESULT [action-steps options...]
  local ws=$1 state=$2 result=$3
  shift 3
  mkdir -p "$state"
  "$python" "$root/scripts/action-steps.py" "$action" "$ws" "$state" "$@" >"$result" 2>"$result.err"
  local code=$?
  if [ $code -ne 0 ]; then
    echo "  action-steps.py failed ($code):"
    sed 's/^/    /' "$result.err"
    echo '{"steps": [], "annotations": [], "uses": [], "outputs": {}, "summary": "", "success": null}' >"$result"
  fi
}
step() { jq -r --arg id "$2" '.steps[] | select(.id == $id)' "$1"; } # step RESULT ID

# 1. Twelve trails that do not deliver and one that stops logging, cold cache.
ws=$(workspace tf)
for i in $(seq 1 12); do trail "t$i" >"$ws/trail$i.tf"; done
{ trail quiet delivers | sed 's/^}$/  enable_logging             = false\n}/'; } >"$ws/quiet.tf"
state="$tmp/state"
run_action "$ws" "$state" "$tmp/r1.json"
r="$tmp/r1.json"
echo "-- a Terraform-only repository, twelve trails without CloudWatch Logs, first run"
check "the repository has no pom.xml" test ! -e "$ws/pom.xml"
check "setup-java is asked for Java 17 and no cache keyed on the user's files" \
  q '.uses[] | select(.uses | startswith("actions/setup-java@")) | .with | (.["java-version"] == "17") and (has("cache") | not) and (has("cache-dependency-path") | not)' "$r"
check "every other action is given only inputs it accepts" q '[.uses[].problems[]] | length == 0' "$r"
check "no step fails but the last" q '[.steps[:-1][] | select(.outcome == "failure")] | length == 0' "$r"
check "the jar is built from the action's revision with the wrapper" \
  q '.steps[] | select(.id == "prepare") | .stdout | contains("building the jar from the action'"'"'s revision")' "$r"
check "no Maven colour codes or download noise in any step's output" \
  q '[.steps[] | (.stdout // "") + (.stderr // "") | select(test("\u001b|Downloading|Downloaded"))] | length == 0' "$r"
check "the cache key is the action's sources', not the user's files" \
  q '.uses[] | select(.uses | startswith("actions/cache/restore@")) | .with.key | test("^trailwatch-jar-src-[0-9a-f]{32}$")' "$r"
check "the jar is saved to the cache after the build" \
  q '.uses[] | select(.uses | startswith("actions/cache/save@")) | .outcome == "success"' "$r"
check "outputs: exit-code 1, findings 12 (errors; the warning too: 13), sarif-file" \
  q '.outputs == {"exit-code": "1", "sarif-file": "trailwatch.sarif", "findings": "13"}' "$r"
check "one scan: one summary line from trailwatch" \
  test "$(step "$r" scan | jq -r .stderr | grep -c '^trailwatch: 13 files, ')" -eq 1
check "the SARIF file holds every finding" \
  q '.runs[0].results | length == 13' "$ws/trailwatch.sarif"
check "12 error annotations and 1 warning, at file and line" \
  q '([.annotations[] | select(.level == "error" and (.file | test("^trail[0-9]+\\.tf$")) and .line == "1")] | length == 12)
     and ([.annotations[] | select(.level == "warning" and .file == "quiet.tf")] | length == 1)' "$r"
check "the job summary has a row per finding" \
  test "$(jq -r .summary "$r" | grep -c '^| \(error\|warning\) | TW00[15] | `')" -eq 13
check "the job summary says that 2 of 12 errors are not annotated" \
  q '.summary | contains("GitHub shows at most 10 annotations of each kind per step, so 2 of 12 errors are not annotated")' "$r"
check "the summary's heading counts them" q '.summary | startswith("### trailwatch ❌ 13 findings (12 errors, 1 warning, 0 notes), exit code 1")' "$r"
check "upload-sarif v4, the SARIF file, category trailwatch/." \
  q '.uses[] | select(.uses == "github/codeql-action/upload-sarif@v4") | .with == {"sarif_file": "trailwatch.sarif", "category": "trailwatch/."} and .sarif_results == 13' "$r"
check "the job fails with trailwatch's exit code" \
  q '(.success == false) and (.steps[-1].exit == 1) and (.steps[-1].stdout | contains("13 findings"))' "$r"

echo "-- the same repository again: the jar comes from the cache"
run_action "$ws" "$state" "$tmp/r2.json"
r="$tmp/r2.json"
check "the cache is hit and nothing is built" \
  q '(.steps[] | select(.id == "prepare") | .outcome == "skipped") and ([.steps[] | .stdout // "" | select(contains("building"))] | length == 0)' "$r"
check "same outputs" q '.outputs == {"exit-code": "1", "sarif-file": "trailwatch.sarif", "findings": "13"}' "$r"

echo "-- fixed trails, options through inputs, a SARIF file in a folder, a category"
ws=$(workspace fixed)
mkdir -p "$ws/infra"
trail ok delivers >"$ws/infra/main.tf"
trail other >"$ws/examples.tf"
run_action "$ws" "$state" "$tmp/r3.json" --input path=infra --input sarif-file=reports/tw.sarif \
  --input category=trailwatch-prod --input "args=--skip-rules TW004 --strict"
r="$tmp/r3.json"
check "exit-code 0, no findings, the job passes" \
  q '.outputs == {"exit-code": "0", "sarif-file": "reports/tw.sarif", "findings": "0"} and .success == true' "$r"
check "the SARIF file is where asked" test -f "$ws/reports/tw.sarif"
check "the category is the input's" \
  q '.uses[] | select(.uses | startswith("github/codeql-action/upload-sarif@")) | .with.category == "trailwatch-prod"' "$r"
check "the summary says there is nothing" q '.summary | contains("No findings.")' "$r"

echo "-- a pull request from a fork, fail-on never"
ws="$tmp/tf"
run_action "$ws" "$state" "$tmp/r4.json" --input fail-on=never \
  --event '{"pull_request": {"head": {"repo": {"full_name": "stranger/infra", "fork": true}}}}'
r="$tmp/r4.json"
check "SARIF is not uploaded, with a notice that says why" \
  q '(.steps[] | select(.uses // "" | startswith("github/codeql-action/upload-sarif@")) | .outcome == "skipped")
     and ([.annotations[] | select(.level == "notice" and (.message | contains("fork stranger/infra")))] | length == 1)' "$r"
check "annotations and summary are still there; fail-on never passes the job" \
  q '([.annotations[] | select(.level == "error")] | length == 12) and (.summary | contains("| error | TW001 |")) and .success == true and .outputs["exit-code"] == "0"' "$r"

echo "-- a broken Terraform file next to a finding"
ws=$(workspace broken)
trail t >"$ws/main.tf"
printf 'resource "aws_cloudtrail" "x" {\n  name = \n}\n' >"$ws/broken.tf"
run_action "$ws" "$state" "$tmp/r5.json"
r="$tmp/r5.json"
check "exit code 2, the job fails" q '.outputs["exit-code"] == "2" and .success == false and .steps[-1].exit == 2' "$r"
check "the input error is an annotation at its position and a row of the summary" \
  q '([.annotations[] | select(.level == "error" and .file == "broken.tf" and .line == "2" and .col == "10")] | length == 1) and (.summary | contains("**Input errors**"))' "$r"
check "the finding is reported too" q '[.annotations[] | select(.file == "main.tf")] | length == 1' "$r"

echo "-- a released version, downloaded (here from a file:// URL) and checked against its SHA-256"
jar=$(find "$state/cache-store" -name trailwatch.jar | head -n 1)
rel="$tmp/rel/releases/download"
mkdir -p "$rel/v9.9.9" "$rel/v9.9.8"
cp "$jar" "$rel/v9.9.9/trailwatch-9.9.9.jar"
(cd "$rel/v9.9.9" && sha256sum trailwatch-9.9.9.jar >trailwatch-9.9.9.jar.sha256)
cp "$jar" "$rel/v9.9.8/trailwatch-9.9.8.jar"
echo "0000000000000000000000000000000000000000000000000000000000000000  trailwatch-9.9.8.jar" \
  >"$rel/v9.9.8/trailwatch-9.9.8.jar.sha256"
ws="$tmp/tf"
run_action "$ws" "$tmp/state-release" "$tmp/r6.json" --input version=v9.9.9 --github server_url=file:// \
  --github "action_repository=${tmp#/}/rel"
r="$tmp/r6.json"
check "the release jar is downloaded, verified and cached under its version" \
  q '(.steps[] | select(.id == "prepare") | .stdout | contains("trailwatch-9.9.9.jar verified"))
     and (.uses[] | select(.uses | startswith("actions/cache/restore@")) | .with.key == "trailwatch-jar-9.9.9")' "$r"
check "nothing is built" q '[.steps[] | .stdout // "" | select(contains("building"))] | length == 0' "$r"
check "it scans as the built one does" q '.outputs == {"exit-code": "1", "sarif-file": "trailwatch.sarif", "findings": "13"}' "$r"
run_action "$ws" "$tmp/state-tampered" "$tmp/r7.json" --input version=9.9.8 --github server_url=file:// \
  --github "action_repository=${tmp#/}/rel"
r="$tmp/r7.json"
check "a jar whose SHA-256 differs is refused: the job fails with exit code 2 and says why" \
  q '(.steps[] | select(.id == "prepare") | .outcome == "failure")
     and ([.annotations[] | select(.level == "error" and (.message | contains("SHA-256")))] | length == 1)
     and (.steps[] | select(.id == "scan") | .outcome == "skipped") and .steps[-1].exit == 2 and .success == false' "$r"
check "and it is not cached" test ! -e "$tmp/state-tampered/cache-store/trailwatch-jar-9.9.8"

echo "-- the README's workflow example"
pinned=$(sed -n 's/^      - uses: OWNER\/trailwatch@\([0-9a-f]\{40\}\) .*/\1/p' "$root/README.md" | head -n 1)
check "it pins a commit of this repository whose action.yml has the inputs it uses" \
  bash -c 'git -C "$1" show "$2:action.yml" | "$3" -c "import sys, yaml; i = yaml.safe_load(sys.stdin)[\"inputs\"]; sys.exit(0 if {\"path\", \"fail-on\", \"version\", \"category\"} <= set(i) else 1)"' \
  _ "$root" "$pinned" "$python"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

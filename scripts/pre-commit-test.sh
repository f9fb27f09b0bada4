#!/usr/bin/env bash
# Integration test of the hook with the real pre-commit client (Debian's package, installed when
# missing): `pre-commit try-repo` on a throwaway repository fails with a trail that does not
# deliver to CloudWatch Logs and passes once it does. Also runs action.yml's shell steps.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if ! command -v pre-commit >/dev/null 2>&1; then
  echo "installing Debian's pre-commit package" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit) >/dev/null 2>&1
fi
if ! command -v pre-commit >/dev/null 2>&1; then
  echo "pre-commit could not be installed"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "pre-commit $(pre-commit --version | awk '{print $2}')"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME="$tmp/cache"
repo="$tmp/repo"
mkdir -p "$repo" && cd "$repo" || exit 1
git init -q && git config user.email ci@example.invalid && git config user.name ci
cat >main.tf <<'TF'
resource "aws_cloudtrail" "audit" {
  name           = "audit"
  s3_bucket_name = "audit-logs"
}
TF
git add main.tf

passed=0
failed=0
check() { # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $name"; else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

out=$(pre-commit try-repo "$root" trailwatch --files main.tf 2>&1); code=$?
echo "$out" | sed 's/^/  /'
check "the hook fails on a trail without CloudWatch Logs" test "$code" -ne 0
check "it says why, at the resource" grep -q "main.tf:1:1: error TW001 aws_cloudtrail.audit" <<<"$out"

cat >main.tf <<'TF'
resource "aws_cloudtrail" "audit" {
  name                       = "audit"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:CloudTrail/audit:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/CloudTrailToCloudWatchLogs"
}
TF
git add main.tf
out=$(pre-commit try-repo "$root" trailwatch --files main.tf 2>&1); code=$?
echo "$out" | sed 's/^/  /'
check "the hook passes once the trail delivers" test "$code" -eq 0

# A commit that changes only a caller's terraform.tfvars breaks the trail of the local module it
# calls: pre-commit names only that file, and the hook still fails, at the module's trail.
mkdir -p modules/cloudtrail live/prod
cat >modules/cloudtrail/main.tf <<'TF'
variable "log_group_arn" {
  type = string
}

resource "aws_cloudtrail" "this" {
  name                       = "audit"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = var.log_group_arn
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/CloudTrailToCloudWatchLogs"
}
TF
cat >live/prod/main.tf <<'TF'
variable "log_group_arn" {
  type = string
}

module "audit" {
  source        = "../../modules/cloudtrail"
  log_group_arn = var.log_group_arn
}
TF
echo 'log_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:CloudTrail/audit:*"' >live/prod/terraform.tfvars
git add . && git commit -qm "a module and its caller"
echo 'log_group_arn = ""' >live/prod/terraform.tfvars
git add live/prod/terraform.tfvars
out=$(pre-commit try-repo "$root" trailwatch --files live/prod/terraform.tfvars 2>&1); code=$?
echo "$out" | sed 's/^/  /'
check "the hook fails when only the caller's tfvars empties the module's trail" test "$code" -ne 0
check "it names the module's trail and line" grep -q \
  "modules/cloudtrail/main.tf:8:3: error TW001 module.audit.aws_cloudtrail.this" <<<"$out"

# action.yml's shell steps, on the failing trail again.
git checkout -q -- . 2>/dev/null
cat >main.tf <<'TF'
resource "aws_cloudtrail" "audit" {
  name = "audit"
}
TF
export GITHUB_OUTPUT="$tmp/github-output"
out=$(TRAILWATCH_PATH=main.tf TRAILWATCH_SARIF="$tmp/out.sarif" bash "$root/scripts/github-action.sh" 2>&1)
echo "$out" | sed 's/^/  /'
check "the action annotates the pull request" grep -q "^::error file=main.tf,line=1,col=1,.*title=TW001" <<<"$out"
check "the action writes SARIF" grep -q '"ruleId" : "TW001"' "$tmp/out.sarif"
check "the action's outcome is the scan's exit code" grep -qx "exit-code=1" "$GITHUB_OUTPUT"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

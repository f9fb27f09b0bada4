#!/usr/bin/env bash
# Both hooks of .pre-commit-hooks.yaml under the real pre-commit client (Debian's package,
# installed when missing), in a throwaway repository with a trail that does not deliver to
# CloudWatch Logs:
# - `pre-commit try-repo` twice with the hook `trailwatch`: the first run builds the jar with the
#   Maven Wrapper, the second (a new clone of the same sources) must not build again;
# - the hook `trailwatch-system` with this checkout's bin/trailwatch linked onto PATH;
# - real commits through `pre-commit install` and a .pre-commit-config.yaml pinned to a commit
#   SHA, as the README shows: both hooks block the bad commit and let the fixed one through;
# - a change to a caller's terraform.tfvars alone fails at the trail it empties in a local module;
# - no escape codes in any output.
# The hook repository is a snapshot of this checkout's files (committed, as pre-commit needs a rev).
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
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME="$tmp/pre-commit-home"
export XDG_CACHE_HOME="$tmp/user-cache" # the jar and class-data caches start empty
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.invalid GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.invalid

hooks="$tmp/trailwatch"
mkdir -p "$hooks"
(cd "$root" && git ls-files -z -co --exclude-standard | tar --null -T - -cf -) | tar -x -C "$hooks"
git -C "$hooks" init -q && git -C "$hooks" add -A && git -C "$hooks" commit -qm snapshot
rev=$(git -C "$hooks" rev-parse HEAD)

repo="$tmp/repo"
mkdir -p "$repo" && cd "$repo" || exit 1
git init -q
bad() {
  cat >main.tf <<'TF'
resource "aws_cloudtrail" "audit" {
  name           = "audit"
  s3_bucket_name = "audit-logs"
}
TF
}
good() {
  cat >main.tf <<'TF'
resource "aws_cloudtrail" "audit" {
  name                       = "audit"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:CloudTrail/audit:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/CloudTrailToCloudWatchLogs"
}
TF
}
bad
git add main.tf

passed=0
failed=0
check() { # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $name"; else failed=$((failed + 1)); echo "FAILED: $name"; fi
}
show() { sed 's/^/  | /' <<<"$1"; }
no_escapes() { ! grep -q $'\e' <<<"$1"; }
finding="main.tf:1:1: error TW001 aws_cloudtrail.audit is not integrated with CloudWatch Logs"

check "pre-commit validates the hooks' manifest" pre-commit validate-manifest "$hooks/.pre-commit-hooks.yaml"

echo "-- hook trailwatch, pre-commit try-repo, cold"
out=$(pre-commit try-repo "$hooks" trailwatch --ref "$rev" --files main.tf 2>&1); code=$?
show "$out"
check "the hook fails on a trail without CloudWatch Logs" test "$code" -ne 0
check "it says why, at the resource" grep -qF "$finding" <<<"$out"
check "it says it builds the jar with the Maven Wrapper, once" \
  grep -q "trailwatch: building .*/target/trailwatch.jar with the Maven Wrapper in .* (once; later runs reuse it)" <<<"$out"
check "no escape codes (Maven's colours) in the output" no_escapes "$out"

echo "-- hook trailwatch, pre-commit try-repo again (a new clone of the same sources)"
out=$(pre-commit try-repo "$hooks" trailwatch --ref "$rev" --files main.tf 2>&1); code=$?
show "$out"
check "the hook fails again, with the finding" bash -c '[ "$1" -ne 0 ] && grep -qF "$2" <<<"$3"' _ "$code" "$finding" "$out"
check "nothing is built" bash -c '! grep -q "building" <<<"$1"' _ "$out"

echo "-- hook trailwatch-system, with bin/trailwatch linked onto PATH"
mkdir -p "$tmp/path"
ln -s "$hooks/bin/trailwatch" "$tmp/path/trailwatch"
export PATH="$tmp/path:$PATH"
start=$(date +%s%N)
out=$(pre-commit try-repo "$hooks" trailwatch-system --ref "$rev" --files main.tf 2>&1); code=$?
end=$(date +%s%N)
show "$out"
check "trailwatch-system fails on the trail, with the finding" \
  bash -c '[ "$1" -ne 0 ] && grep -qF "$2" <<<"$3"' _ "$code" "$finding" "$out"
check "no escape codes" no_escapes "$out"
echo "  (pre-commit try-repo with trailwatch-system took $(((end - start) / 1000000)) ms, pre-commit's own set-up included)"

echo "-- real commits: pre-commit install, both hooks pinned to the commit SHA the README pins"
# The README's example, with this repository's path for its URL.
pinned=$(sed -n 's/^    rev: \([0-9a-f]\{40\}\) .*/\1/p' "$root/README.md" | head -n 1)
check "the README pins a commit of this repository" git -C "$root" cat-file -e "$pinned^{commit}"
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $root
    rev: $pinned
    hooks:
      - id: trailwatch
      - id: trailwatch-system
YAML
check "pre-commit validates the configuration" pre-commit validate-config .pre-commit-config.yaml
pre-commit install -q >/dev/null 2>&1 || pre-commit install >/dev/null
git add .pre-commit-config.yaml main.tf
out=$(git commit -qm "a trail" 2>&1); code=$?
show "$out"
check "the bad commit is blocked" bash -c '[ "$1" -ne 0 ] && ! git rev-parse -q --verify HEAD >/dev/null' _ "$code"
check "both hooks report the finding" test "$(grep -cF "$finding" <<<"$out")" -eq 2
check "no escape codes" no_escapes "$out"
out=$(pre-commit run --verbose trailwatch-system --files main.tf 2>&1)
echo "  (the trailwatch-system hook, warm, as pre-commit --verbose times it: $(grep -o 'duration: .*' <<<"$out"))"
good
git add main.tf
out=$(git commit -qm "a trail that delivers" 2>&1); code=$?
show "$out"
check "the fixed commit goes through both hooks" \
  bash -c '[ "$1" -eq 0 ] && [ "$(grep -c "Passed" <<<"$2")" -eq 2 ] && git rev-parse -q --verify HEAD >/dev/null' _ "$code" "$out"

echo "-- a commit that changes only a caller's terraform.tfvars"
# It breaks the trail of the local module the caller calls: pre-commit names only that file, and
# the hook still fails, at the module's trail.
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
git add modules live
out=$(git commit -qm "a module and its caller" 2>&1); code=$?
check "a module with a caller that fills it in goes through" test "$code" -eq 0
echo 'log_group_arn = ""' >live/prod/terraform.tfvars
git add live/prod/terraform.tfvars
out=$(pre-commit try-repo "$hooks" trailwatch --ref "$rev" --files live/prod/terraform.tfvars 2>&1); code=$?
show "$out"
check "the hook fails when only the caller's tfvars empties the module's trail" test "$code" -ne 0
check "it names the module's trail and line" grep -q \
  "modules/cloudtrail/main.tf:8:3: error TW001 module.audit.aws_cloudtrail.this" <<<"$out"
git checkout -q -- live/prod/terraform.tfvars 2>/dev/null || git restore --staged --worktree live/prod/terraform.tfvars

echo "-- trailwatch-system without trailwatch on PATH"
rm "$tmp/path/trailwatch"
bad
git add main.tf
out=$(pre-commit run trailwatch-system --files main.tf 2>&1); code=$?
show "$out"
check "it fails and says the executable is missing" \
  bash -c '[ "$1" -ne 0 ] && grep -q "Executable .trailwatch. not found" <<<"$2"' _ "$code" "$out"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

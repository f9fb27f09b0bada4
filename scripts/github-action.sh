#!/usr/bin/env bash
# The shell steps of action.yml: one scan for SARIF (uploaded to code scanning by the next step,
# whatever the result), one for pull-request annotations, which decides the job's outcome through
# the exit-code output. Inputs come as TRAILWATCH_* environment variables.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tw="$here/bin/trailwatch"
path=${TRAILWATCH_PATH:-.}
fail_on=${TRAILWATCH_FAIL_ON:-error}
sarif=${TRAILWATCH_SARIF:-trailwatch.sarif}
read -r -a extra <<<"${TRAILWATCH_ARGS:-}"
read -r -a paths <<<"$path"

"$tw" scan --quiet --format sarif --output "$sarif" --fail-on never "${extra[@]}" "${paths[@]}"
"$tw" scan --format github --fail-on "$fail_on" "${extra[@]}" "${paths[@]}"
code=$?
echo "exit-code=$code" >>"${GITHUB_OUTPUT:-/dev/null}"
echo "trailwatch: SARIF written to $sarif; exit code $code" >&2
exit 0

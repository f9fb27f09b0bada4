#!/usr/bin/env bash
# The run steps of action.yml, one subcommand each, in the order the action runs them:
#   key           the cache key and folder of the trailwatch jar: the release version when the
#                 input "version" names one, else a hash of the action's own sources
#   prepare       download that release jar and check its SHA-256, or build the jar from the
#                 action's revision with the Maven Wrapper; nothing when the cache restored it
#   scan          one scan writing annotations (stdout), SARIF and JSON; the job summary is made
#                 from the JSON; outputs exit-code, sarif-file, findings
#   upload-check  whether to upload SARIF (not from forks, whose token is read-only), and its
#                 category
#   finish        fails the step with trailwatch's exit code
# Inputs come as TRAILWATCH_* environment variables (never spliced into the script). Runs from the
# workspace, as GitHub runs composite steps; scripts/action-steps.py runs them the same way in tests.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${GITHUB_OUTPUT:-/dev/null}
summary=${GITHUB_STEP_SUMMARY:-/dev/null}

# GitHub shows at most this many annotations of each kind (error, warning, notice) per step.
ANNOTATION_LIMIT=10
# The job summary's table stops there (a step summary may not exceed 1 MiB).
SUMMARY_ROWS=1000

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$@"; else shasum -a 256 "$@"; fi
}

version() { # the "version" input without a leading v; exits 2 when it is not a version
  local v=${TRAILWATCH_VERSION#v}
  if [[ ! $v =~ ^[0-9A-Za-z][0-9A-Za-z.+_-]*$ ]]; then
    echo "::error title=trailwatch::the input version '$TRAILWATCH_VERSION' is not a version (for example 0.2.0)"
    exit 2
  fi
  echo "$v"
}

cmd_key() {
  local dir=${TRAILWATCH_JAR_DIR:?} key
  if [ -n "${TRAILWATCH_VERSION:-}" ]; then
    key="trailwatch-jar-$(version)" || exit 2
  else
    # What the jar is built from: the same sources always give the same key.
    key="trailwatch-jar-src-$(cd "$root" && find pom.xml .mvn grammar src/main -type f | LC_ALL=C sort \
      | while IFS= read -r f; do sha256 "$f"; done | sha256 | cut -c1-32)"
  fi
  echo "dir=$dir" >>"$out"
  echo "key=$key" >>"$out"
  echo "trailwatch: jar cache key $key"
}

cmd_prepare() {
  local dir=${TRAILWATCH_JAR_DIR:?} jar
  jar=$dir/trailwatch.jar
  if [ -f "$jar" ]; then
    echo "trailwatch: using the cached $jar"
    return 0
  fi
  mkdir -p "$dir" || exit 2
  if [ -n "${TRAILWATCH_VERSION:-}" ]; then
    local v base repo url expected actual
    v=$(version) || exit 2
    base=${TRAILWATCH_RELEASES:-}
    if [ -z "$base" ]; then
      repo=${TRAILWATCH_ACTION_REPOSITORY:-}
      if [ -z "$repo" ]; then # empty inside composite actions on some runners: _actions/OWNER/REPO/REF
        repo=$(basename "$(dirname "$(dirname "$root")")")/$(basename "$(dirname "$root")")
      fi
      base=${TRAILWATCH_SERVER_URL:-https://github.com}/$repo/releases/download
    fi
    url=$base/v$v/trailwatch-$v.jar
    echo "trailwatch: downloading $url"
    if ! curl -fsSL --retry 3 -o "$dir/download.jar" "$url" || ! curl -fsSL --retry 3 -o "$dir/download.sha256" "$url.sha256"; then
      echo "::error title=trailwatch::cannot download trailwatch $v and its SHA-256 from $url(.sha256); is $v released?"
      rm -f "$dir/download.jar" "$dir/download.sha256"
      exit 2
    fi
    expected=$(awk 'NR == 1 {print tolower($1)}' "$dir/download.sha256")
    actual=$(sha256 "$dir/download.jar" | awk '{print tolower($1)}')
    rm -f "$dir/download.sha256"
    if [ -z "$expected" ] || [ "$expected" != "$actual" ]; then
      echo "::error title=trailwatch::the downloaded trailwatch-$v.jar has SHA-256 $actual, but the release says ${expected:-nothing}; not using it"
      rm -f "$dir/download.jar"
      exit 2
    fi
    mv "$dir/download.jar" "$jar"
    echo "trailwatch: trailwatch-$v.jar verified (SHA-256 $actual)"
  else
    echo "trailwatch: building the jar from the action's revision with the Maven Wrapper (cached for later runs)"
    if ! (cd "$root" && ./mvnw -q -B -Dstyle.color=never -DskipTests package); then
      echo "::error title=trailwatch::building trailwatch failed (see above)"
      exit 2
    fi
    cp "$root/target/trailwatch.jar" "$jar" || exit 2
  fi
}

# Markdown table cell: no line breaks, pipes escaped, no HTML.
JQ_CELL='def cell: tostring | gsub("[\r\n]+"; " ") | gsub("\\|"; "\\|") | gsub("<"; "&lt;");'

cmd_scan() {
  local path=${TRAILWATCH_PATH:-.} fail_on=${TRAILWATCH_FAIL_ON:-error} sarif=${TRAILWATCH_SARIF:-trailwatch.sarif}
  local -a paths extra
  read -r -a paths <<<"$path"
  read -r -a extra <<<"${TRAILWATCH_ARGS:-}"
  [ "${#paths[@]}" -gt 0 ] || paths=(.)
  mkdir -p "$(dirname "$sarif")"
  local json code
  json=$(mktemp "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/trailwatch-XXXXXX") || exit 2
  rm -f "$sarif"
  "$root/bin/trailwatch" scan --format github --format "sarif=$sarif" --format "json=$json" \
    --fail-on "$fail_on" "${extra[@]}" "${paths[@]}"
  code=$?
  echo "exit-code=$code" >>"$out"
  [ -f "$sarif" ] && echo "sarif-file=$sarif" >>"$out"

  if [ ! -s "$json" ] || ! command -v jq >/dev/null 2>&1; then
    if [ -s "$json" ]; then
      echo "::warning title=trailwatch::jq is not installed: no job summary"
    fi
    {
      echo "### trailwatch: exit code $code"
      echo
      echo "trailwatch did not write a report (exit code $code): see the log of the scan step."
    } >>"$summary"
    rm -f "$json"
    return 0
  fi

  # Input errors are annotations already: the github report writes them at their positions.

  local findings
  findings=$(jq -r '.summary.findings' "$json")
  echo "findings=$findings" >>"$out"
  jq -r --arg code "$code" --arg failOn "$fail_on" --arg sarif "$sarif" \
      --argjson limit "$ANNOTATION_LIMIT" --argjson rows "$SUMMARY_ROWS" "$JQ_CELL"'
    def plural($n; $word): "\($n) \($word)" + (if $n == 1 then "" else "s" end);
    [.findings[] | select(.suppressed | not)] as $shown
    | ($shown | map(select(.severity == "error")) | length) as $e
    | ($shown | map(select(.severity == "warning")) | length) as $w
    | ($shown | map(select(.severity == "note")) | length) as $n
    | (.errors | length) as $ie
    | .summary as $s
    | (if $code == "0" then "✅" elif $code == "1" then "❌" else "⚠️" end) as $icon
    | "### trailwatch \($icon) " + plural($s.findings; "finding")
      + " (" + ([plural($e; "error"), plural($w; "warning"), plural($n; "note")] | join(", ")) + ")"
      + (if $ie > 0 then ", " + plural($ie; "input error") else "" end) + ", exit code \($code)",
      "",
      "Scanned " + plural($s.files; "file") + ": " + plural($s.resources; "resource") + ", "
      + plural($s.trails; "trail") + "; \($s.suppressed) suppressed. `--fail-on \($failOn)`. SARIF: `\($sarif)`.",
      "",
      ([["error", $e + $ie], ["warning", $w], ["notice", $n]] | map(select(.[1] > $limit))) as $over
      | if ($over | length) > 0 then
          "> [!WARNING]",
          "> GitHub shows at most \($limit) annotations of each kind per step, so "
          + ($over | map("\(.[1] - $limit) of \(.[1]) \(.[0])s") | join(" and "))
          + " are not annotated on the pull request. Every finding is listed below and in the SARIF report.",
          ""
        else empty end,
      if ($shown | length) > 0 then
        "| Severity | Rule | Location | Resource | Message |",
        "|---|---|---|---|---|",
        ($shown[:$rows][] | "| \(.severity) | \(.ruleId) | `\(.file):\(.line):\(.column)` | `\(.resource.address | cell)` | \(.message | cell) |"),
        (if ($shown | length) > $rows then "", "The table stops at \($rows) rows: the other \(($shown | length) - $rows) are in the SARIF report." else empty end),
        ""
      else "No findings.", "" end,
      if $ie > 0 then
        "**Input errors** (files trailwatch could not read; exit code 2):",
        "",
        "| Location | Message |",
        "|---|---|",
        (.errors[] | "| `\(.file)\(if .line then ":\(.line):\(.column)" else "" end)` | \(.message | cell) |"),
        ""
      else empty end
  ' "$json" >>"$summary"
  rm -f "$json"
  echo "trailwatch: exit code $code; $findings findings; SARIF in $sarif; summary written" >&2
  return 0
}

cmd_upload_check() {
  local sarif=${TRAILWATCH_SARIF:-} category=${TRAILWATCH_CATEGORY:-} upload=true why=""
  [ -n "$category" ] || category="trailwatch/${TRAILWATCH_PATH:-.}"
  echo "category=$category" >>"$out"
  if [ "${TRAILWATCH_UPLOAD:-true}" != true ]; then
    upload=false why="the input upload-sarif is ${TRAILWATCH_UPLOAD:-}"
  elif [ -z "$sarif" ] || [ ! -f "$sarif" ]; then
    upload=false why="there is no SARIF report"
  elif [ -n "${TRAILWATCH_HEAD_REPO:-}" ] && [ "$TRAILWATCH_HEAD_REPO" != "${TRAILWATCH_REPO:-}" ]; then
    upload=false
    why="this pull request comes from the fork $TRAILWATCH_HEAD_REPO, whose token cannot have security-events: write"
  elif [ "${TRAILWATCH_ACTOR:-}" = "dependabot[bot]" ]; then
    upload=false why="Dependabot's token cannot have security-events: write"
  fi
  echo "upload=$upload" >>"$out"
  if [ "$upload" = true ]; then
    echo "trailwatch: uploading $sarif to code scanning, category $category"
  else
    echo "::notice title=trailwatch::SARIF not uploaded to code scanning: $why. The findings are in the annotations and the job summary."
  fi
}

cmd_finish() {
  local code=${TRAILWATCH_EXIT_CODE:-}
  case $code in
    0) echo "trailwatch: nothing at or above fail-on"; exit 0 ;;
    1) echo "trailwatch: ${TRAILWATCH_FINDINGS:-some} findings, at least one at or above fail-on"; exit 1 ;;
    "") echo "::error title=trailwatch::trailwatch did not run: see the steps above"; exit 2 ;;
    *) echo "trailwatch: exit code $code: an input could not be read or an option is wrong (see the scan step)"; exit "$code" ;;
  esac
}

case ${1:-} in
  key) cmd_key ;;
  prepare) cmd_prepare ;;
  scan) cmd_scan ;;
  upload-check) cmd_upload_check ;;
  finish) cmd_finish ;;
  *) echo "usage: $0 key|prepare|scan|upload-check|finish" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Whole-process benchmarks of the launcher bin/trailwatch (JVM start-up included), as a user runs it:
#   (a) one small CloudFormation template, cold, RUNS times: median wall time and peak RSS, with the
#       launcher's class-data archive (made once beforehand) and as the very first run (each run
#       with an empty cache; the archive then made in the background is waited for, untimed);
#   (a') the same for one Terraform file in a small git repository of its own (and, for
#       information, inside this repository, where the search for its module callers walks
#       every .tf file up to the git root);
#   (b) the whole ../shared/corpus/cloudformation folder, RUNS times: median wall, max peak RSS,
#       throughput in MB/s and files/s over the templates cfn-oracle.tsv lists.
#   (c) to (e): scripts/bench-ladder.sh (sizes 1 to 20 MB, the scaling check, the Go parser side
#       by side, -j 1 against -j 2, a 16 MB YAML string); BENCH_LADDER=0 skips them, BENCH_JOBS=0
#       skips -j 1 against -j 2.
# Wall time and max RSS come from GNU time (/usr/bin/time -f '%e %M'). Prints every figure, and
# exits 1 when a target is missed.
# Env: RUNS (default 10), BENCH_SMALL (template for (a)), SHARED_DIR (default "$root/../shared"),
# TRAILWATCH (the command timed; default bin/trailwatch).
# Targets: one template and one .tf <= 0.15 s median with the archive, <= 0.25 s on the very first
# run; corpus <= 1.0 s wall and <= 300 MB peak RSS.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs=${RUNS:-10}
gnu_time=/usr/bin/time
tw=${TRAILWATCH:-"$root/bin/trailwatch"}
missed=0

case "$runs" in ''|*[!0-9]*|0) echo "RUNS must be a positive integer (got '$runs')" >&2; exit 2 ;; esac
if [ ! -x "$gnu_time" ]; then
  echo "SKIP: GNU time ($gnu_time) not found"
  exit 0
fi

ensure_jar

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "machine: $(nproc) cores; CPU: $(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -n 1)"
echo "runs per benchmark: $runs"
echo

# The launcher's cache (its class-data archive) for these runs, made before the first timed one.
export XDG_CACHE_HOME="$tmp/cache"
archive_made=
with_archive() {
  if [ -z "$archive_made" ]; then
    env TRAILWATCH_CDS=wait "$tw" scan -q "$@" >/dev/null 2>&1 || true
    archive_made=1
  fi
}

# bench LABEL PATH... : runs trailwatch RUNS times, writes "wall_s rss_kb exit" lines to $tmp/LABEL.tsv.
# With FIRST_RUN=1 each run is a user's very first: an empty cache; the archive the launcher then
# makes in the background is waited for before the next run (not timed).
bench() {
  local label=$1; shift
  local out="$tmp/$label.tsv" i rc cache=$XDG_CACHE_HOME
  : >"$out"
  [ "${FIRST_RUN:-0}" = 1 ] || with_archive "$@"
  echo "command: $gnu_time -f '%e %M' $tw scan -q $* >/dev/null${FIRST_RUN:+ (each run with an empty cache)}"
  for ((i = 1; i <= runs; i++)); do
    rc=0
    if [ "${FIRST_RUN:-0}" = 1 ]; then
      cache="$tmp/first-run-cache"
      rm -rf "$cache"
    fi
    XDG_CACHE_HOME=$cache "$gnu_time" -f '%e %M' -o "$tmp/time.txt" "$tw" scan -q "$@" >/dev/null 2>"$tmp/stderr.txt" \
      || rc=$?
    # GNU time writes "Command exited with non-zero status N" before the format line: take the last line.
    echo "$(tail -n 1 "$tmp/time.txt") $rc" >>"$out"
    if [ "${FIRST_RUN:-0}" = 1 ]; then
      for ((w = 0; w < 240; w++)); do
        ls -d "$cache"/trailwatch/*.lock >/dev/null 2>&1 || break
        sleep 0.5
      done
    fi
  done
}

# summarise LABEL BYTES FILES WALL_TARGET RSS_TARGET_MB(or -)
summarise() {
  python3 - "$tmp/$1.tsv" "$@" <<'PY'
import statistics, sys
path, label, nbytes, nfiles, wall_target, rss_target = sys.argv[1:7]
rows = [l.split() for l in open(path) if l.strip()]
walls = [float(r[0]) for r in rows]
rss_mb = [int(r[1]) / 1024 for r in rows]
codes = [int(r[2]) for r in rows]
med = statistics.median(walls)
peak = max(rss_mb)
print(f"  wall s per run: {' '.join(f'{w:.2f}' for w in walls)}")
print(f"  exit codes: {' '.join(str(c) for c in sorted(set(codes)))}")
bad = [c for c in codes if c not in (0, 1, 2)]
if bad:
    print(f"  FAILS: unexpected exit codes {sorted(set(bad))} (a crash: the times measure nothing)")
print(f"  median wall: {med:.2f} s   min: {min(walls):.2f} s   max: {max(walls):.2f} s")
print(f"  peak RSS: max {peak:.1f} MB, median {statistics.median(rss_mb):.1f} MB")
if int(nfiles) > 0:
    mb = int(nbytes) / 1e6
    print(f"  input: {nfiles} files, {mb:.2f} MB;  throughput: {mb / med:.2f} MB/s, {int(nfiles) / med:.0f} files/s (at median wall)" if med > 0 else f"  input: {nfiles} files, {mb:.2f} MB")
verdict = med <= float(wall_target)
print(f"  target wall <= {wall_target} s median: {'MEETS' if verdict else 'MISSES'} ({med:.2f} s)")
ok = True
if rss_target != "-":
    ok = peak <= float(rss_target)
    print(f"  target peak RSS <= {rss_target} MB: {'MEETS' if ok else 'MISSES'} ({peak:.1f} MB)")
sys.exit(0 if verdict and ok and not bad else 3)
PY
}

# check CMD...: runs a summary; a missed target (exit 3) is counted, any other failure stops here.
check() {
  local rc=0
  "$@" || rc=$?
  if [ "$rc" -eq 3 ]; then
    missed=$((missed + 1))
  elif [ "$rc" -ne 0 ]; then
    exit "$rc"
  fi
}

# (a) single small template
small=${BENCH_SMALL:-}
if [ -z "$small" ] && [ -d "$root/testdata/cloudformation" ]; then
  small=$(find "$root/testdata/cloudformation" -type f -name '*.yaml' | LC_ALL=C sort | head -n 1)
fi
if [ -z "$small" ]; then
  small="$tmp/small-trail.yaml"
  cat >"$small" <<'YAML'
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: my-trail-bucket
YAML
  echo "(a) single template: no BENCH_SMALL and no testdata/cloudformation/*.yaml; using a generated one-trail template"
fi
if [ ! -f "$small" ]; then
  echo "BENCH_SMALL=$small: file not found" >&2
  exit 2
fi
echo "(a) single template, cold JVM each run, with the launcher's archive: $small ($(wc -c <"$small") bytes)"
bench small "$small"
check summarise small 0 0 0.15 -
echo
echo "(a) the same as a user's very first run (no archive yet)"
FIRST_RUN=1 bench small_first "$small"
check summarise small_first 0 0 0.25 -
echo

# (a') one Terraform file as pre-commit names it: its folder is evaluated with it, its callers looked
# up to the git root. In a small repository of its own (a copy of the file's folder), the targets;
# inside this repository, whose every .tf file that search reads, for information.
tf_small=${BENCH_TF:-$root/testdata/terraform/basic/main.tf}
if [ -f "$tf_small" ]; then
  repo="$tmp/tf-repo"
  mkdir -p "$repo/.git"
  cp "$(dirname "$tf_small")"/*.tf "$repo/"
  tf_copy="$repo/$(basename "$tf_small")"
  echo "(a') single Terraform file, cold JVM each run, with the archive: $tf_copy (a copy of $(dirname "$tf_small") in a repository of its own)"
  bench tf_small "$tf_copy"
  check summarise tf_small 0 0 0.15 -
  echo
  echo "(a') the same as a user's very first run"
  FIRST_RUN=1 bench tf_small_first "$tf_copy"
  check summarise tf_small_first 0 0 0.25 -
  echo
  echo "(a') for information: $tf_small inside this repository (its callers searched across it)"
  bench tf_in_repo "$tf_small"
  summarise tf_in_repo 0 0 1000 - | grep -v target || true
  echo
fi

# (b) the CloudFormation corpus
corpus="$shared/corpus/cloudformation"
if [ ! -d "$corpus" ]; then
  echo "(b) SKIP: corpus folder $corpus not found"
  corpus=
fi
if [ -n "$corpus" ]; then
corpus=$(cd "$corpus" && pwd)
fail_if_empty "$corpus" "the CloudFormation corpus"
# The templates are the files cfn-oracle.tsv lists (776: those that mention AWSTemplateFormatVersion
# or an AWS:: type); the scan also reads and skips the folder's other JSON/YAML files.
read -r nbytes nfiles < <(python3 - "$shared/corpus" <<'PY'
import os, sys
base = sys.argv[1]
total = count = 0
with open(os.path.join(base, "cfn-oracle.tsv"), encoding="utf-8") as oracle:
    for line in oracle:
        if line.startswith("#") or not line.strip():
            continue
        path = os.path.join(base, line.split("\t", 1)[0])
        if os.path.isfile(path):
            total += os.path.getsize(path); count += 1
print(total, count)
PY
)
echo "(b) CloudFormation corpus: $corpus"
bench corpus "$corpus"
check summarise corpus "$nbytes" "$nfiles" 1.0 300
echo
fi

if [ "${BENCH_LADDER:-1}" != 0 ]; then
  source "$root/scripts/bench-ladder.sh"
fi

if [ "$missed" -gt 0 ]; then
  echo "$missed target(s) missed"
  exit 1
fi
echo "every target met"

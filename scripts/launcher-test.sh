#!/usr/bin/env bash
# bin/trailwatch as users start it: through a chain of symbolic links from another folder; with
# its class-data-sharing archive (made in the background after the first run, reused, replaced when
# the jar changes, never a byte on stdout), on the default JDK and on a JDK 25 when one is under /usr/lib/jvm;
# without a writable cache; and failing to start with exit code 2 (no checkout to build in, no
# Java, a build that fails); and which compiler tiers it asks the JVM for.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_jar
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache"

passed=0
failed=0
check() {
  local name=$1
  shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $name"; else failed=$((failed + 1)); echo "FAILED: $name"; fi
}
template="$root/testdata/cloudformation/missing-integration.yaml"
line="$template:7:3: error TW001 AuditTrail is not integrated with CloudWatch Logs"

mkdir -p "$tmp/bin" "$tmp/elsewhere/deeper"
ln -s "$root/bin/trailwatch" "$tmp/elsewhere/deeper/tw"
ln -s ../elsewhere/deeper/tw "$tmp/bin/trailwatch"
cd "$tmp" || exit 1
PATH="$tmp/bin:$PATH" trailwatch scan "$template" >out 2>err; code=$?
check "through two relative symbolic links on PATH, from another folder: the finding, exit 1" \
  bash -c '[ "$1" -eq 1 ] && grep -qF "$2" out' _ "$code" "$line"

json_runs() { # json_runs LABEL [JAVA_HOME [JVM_OPTS]]: three runs whose stdout must be exactly the JSON report
  local label=$1 home=${2:-} opts=${3:-} i ok=true
  for i in 1 2 3; do
    env ${home:+JAVA_HOME=$home} TRAILWATCH_JAVA_OPTS="$opts" "$root/bin/trailwatch" scan -q -f json "$template" >out 2>err
    if [ $? -ne 1 ] || ! jq -e '.summary.findings == 1' out >/dev/null 2>&1 || [ -s err ]; then
      ok=false
      echo "  run $i on $label: exit code, stdout or stderr not as expected:"
      sed 's/^/    /' err | head -5
    fi
  done
  $ok
}
# archive_appears EXT: true once an archive of that kind is in the user cache (it is made in the
# background after the first run), within 120 s.
archive_appears() {
  local i
  for ((i = 0; i < 240; i++)); do
    ls "$XDG_CACHE_HOME"/trailwatch/*."$1" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  return 1
}
# The caller gets its report and the end of standard output at once: the archive is made after,
# detached (reading stdout to its end through a pipe would otherwise wait for it).
report=$("$root/bin/trailwatch" scan -q -f json "$template" 2>err)
check "first run: the report at once, the archive still being made in the background, nothing on stderr" \
  bash -c 'jq -e ".summary.findings == 1" <<<"$1" >/dev/null && ! ls "$2"/trailwatch/*.jsa >/dev/null 2>&1 && [ ! -s err ]' \
  _ "$report" "$XDG_CACHE_HOME"
check "the archive is then in the user cache" archive_appears jsa
check "default JDK: later runs print only the report" json_runs "the default JDK"
# from_archive JAVA_HOME CLASS...: true when the launcher's JVM loads these classes from the archive.
from_archive() {
  local home=$1 class
  shift
  env ${home:+JAVA_HOME=$home} TRAILWATCH_JAVA_OPTS="-Xlog:class+load=info:file=$tmp/classes.log" "$root/bin/trailwatch" \
    scan -q "$template" >/dev/null 2>&1
  for class in "$@"; do
    grep -q " $class source: shared objects file" "$tmp/classes.log" || return 1
  done
}
check "and load trailwatch's and picocli's classes from the archive" from_archive "" dev.trailwatch.cli.Main \
  picocli.CommandLine dev.trailwatch.rules.LogGroupArnRule org.yaml.snakeyaml.LoaderOptions
jdk25=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n 1)
if [ -n "$jdk25" ] && [ -x "$jdk25/bin/java" ]; then
  check "JDK 25 ($jdk25): the first run prints only the report" json_runs "JDK 25" "$jdk25"
  check "the AOT cache is then in the user cache" archive_appears aot
  check "and later runs print only the report" json_runs "JDK 25" "$jdk25"
  check "and load trailwatch's and picocli's classes from the cache" from_archive "$jdk25" dev.trailwatch.cli.Main \
    picocli.CommandLine dev.trailwatch.rules.LogGroupArnRule
else
  echo "SKIP: no JDK 25 under /usr/lib/jvm"
fi

cp "$root/target/trailwatch.jar" "$tmp/copy.jar"
TRAILWATCH_CDS=wait TRAILWATCH_JAR="$tmp/copy.jar" "$root/bin/trailwatch" -q "$template" >/dev/null 2>&1
touch -d '2001-01-01' "$tmp/copy.jar" # as a rebuild would change it
touch -d '40 days ago' "$XDG_CACHE_HOME/trailwatch/1-2-3.jsa" # an archive of a jar long gone
before=$(ls "$XDG_CACHE_HOME"/trailwatch/ | grep -v '^1-2-3.jsa$' | sort)
TRAILWATCH_CDS=wait TRAILWATCH_JAR="$tmp/copy.jar" "$root/bin/trailwatch" -q "$template" >out 2>err; code=$?
after=$(ls "$XDG_CACHE_HOME"/trailwatch/ | sort)
check "an archive older than 30 days is removed when a new one is written" test ! -e "$XDG_CACHE_HOME/trailwatch/1-2-3.jsa"
check "a changed jar gets a new archive, and its old one is removed" \
  bash -c '[ "$1" -eq 1 ] && [ "$(comm -13 <(echo "$2") <(echo "$3") | wc -l)" -eq 1 ] && [ "$(comm -23 <(echo "$2") <(echo "$3") | wc -l)" -eq 1 ]' \
  _ "$code" "$before" "$after"
(cd "$tmp" && TRAILWATCH_CDS=wait TRAILWATCH_JAR=copy.jar "$root/bin/trailwatch" -q "$template" >/dev/null 2>&1 \
  && TRAILWATCH_JAVA_OPTS=-Xshare:on TRAILWATCH_JAR=copy.jar "$root/bin/trailwatch" -q "$template" >out 2>err); code=$?
check "a relative TRAILWATCH_JAR: the archive names the jar as the run does, and is mapped" \
  bash -c '[ "$1" -eq 1 ] && [ ! -s "$2/err" ]' _ "$code" "$tmp"
newest=$(comm -13 <(echo "$before") <(echo "$after") | head -n 1)
lock="$XDG_CACHE_HOME/trailwatch/${newest%.jsa}.lock"
rm -f "$XDG_CACHE_HOME/trailwatch/$newest"
mkdir -p "$lock"
TRAILWATCH_CDS=wait TRAILWATCH_JAR="$tmp/copy.jar" "$root/bin/trailwatch" -q "$template" >/dev/null 2>&1; code=$?
check "another maker's lock held: no second maker, the scan runs" \
  bash -c '[ "$1" -eq 1 ] && [ ! -e "$2" ] && [ -d "$3" ]' _ "$code" "$XDG_CACHE_HOME/trailwatch/$newest" "$lock"
touch -d '20 minutes ago' "$lock"
TRAILWATCH_CDS=wait TRAILWATCH_JAR="$tmp/copy.jar" "$root/bin/trailwatch" -q "$template" >/dev/null 2>&1; code=$?
check "a lock left for 10 minutes (a maker killed) is taken over" \
  bash -c '[ "$1" -eq 1 ] && [ -s "$2" ] && [ ! -e "$3" ]' _ "$code" "$XDG_CACHE_HOME/trailwatch/$newest" "$lock"

# The language server is started by exec (the editor's signal must reach the JVM): no archive after it.
rm -rf "$XDG_CACHE_HOME"
printf 'Content-Length: 58\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"shutdown","params":null}Content-Length: 33\r\n\r\n{"jsonrpc":"2.0","method":"exit"}' \
  | TRAILWATCH_CDS=wait "$root/bin/trailwatch" lsp >out 2>err; code=$?
check "trailwatch lsp, exec'd: it answers shutdown and exits, and makes no archive" \
  bash -c '[ "$1" -eq 0 ] && grep -q "\"id\":1" out && ! ls "$2"/trailwatch/*.jsa >/dev/null 2>&1' _ "$code" "$XDG_CACHE_HOME"
rm -rf "$XDG_CACHE_HOME"
TRAILWATCH_CDS=0 "$root/bin/trailwatch" -q "$template" >out 2>err; code=$?
check "TRAILWATCH_CDS=0: no archive" bash -c '[ "$1" -eq 1 ] && [ ! -e "$2/trailwatch" ]' _ "$code" "$XDG_CACHE_HOME"
XDG_CACHE_HOME=/proc/trailwatch-cannot-write "$root/bin/trailwatch" scan "$template" >out 2>err; code=$?
check "no writable cache: runs without an archive" bash -c '[ "$1" -eq 1 ] && grep -qF "$2" out' _ "$code" "$line"

mkdir -p "$tmp/lone/bin"
cp "$root/bin/trailwatch" "$tmp/lone/bin/"
"$tmp/lone/bin/trailwatch" --version >out 2>err; code=$?
check "no jar and no checkout to build it in: exit 2 and why" \
  bash -c '[ "$1" -eq 2 ] && grep -q "is not a trailwatch checkout to build it in" err && [ ! -s out ]' _ "$code"
mkdir -p "$tmp/nojava"
for tool in dirname readlink sed stat cksum cut mkdir cat rm mv sleep sh; do ln -s "$(command -v "$tool")" "$tmp/nojava/$tool"; done
env -u JAVA_HOME PATH="$tmp/nojava" "$tmp/nojava/sh" "$root/bin/trailwatch" --version >out 2>err; code=$?
check "no Java: exit 2 and why" bash -c '[ "$1" -eq 2 ] && grep -q "no java on PATH and no JAVA_HOME" err' _ "$code"

# Which compiler a folder gets: a fake JDK records the options the launcher passes.
mkdir -p "$tmp/fakejdk/bin" "$tmp/smallfolder/.git" "$tmp/bigfolder"
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >"%s/java-args"\n' "$tmp" >"$tmp/fakejdk/bin/java"
chmod +x "$tmp/fakejdk/bin/java"
cp "$template" "$tmp/smallfolder/"
head -c 2100000 /dev/zero | tr '\0' ' ' >"$tmp/smallfolder/.git/pack.json" # not read by a scan
cp "$template" "$tmp/bigfolder/" && head -c 2100000 /dev/zero | tr '\0' ' ' >"$tmp/bigfolder/big.json"
cpus=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)
# first_tier DIR ARGS...: starts `trailwatch scan ARGS` in DIR; true when only the first tier runs.
first_tier() {
  local dir=$1
  shift
  (cd "$dir" && TRAILWATCH_CDS=0 JAVA_HOME="$tmp/fakejdk" "$root/bin/trailwatch" scan "$@" >/dev/null 2>&1)
  grep -qx -- '-XX:TieredStopAtLevel=1' "$tmp/java-args"
}
not() { ! "$@"; }
if [ "$cpus" -le 2 ]; then
  check "$cpus processors, a folder of small files: the first compiler tier only" first_tier "$tmp" smallfolder
  check "and so for the working directory when no path is named" first_tier "$tmp/smallfolder"
else
  check "$cpus processors: a folder gets the optimising compiler" not first_tier "$tmp" smallfolder
fi
check "a folder with a file over 2 MB: the optimising compiler too" not first_tier "$tmp" bigfolder
check "one small named file: the first tier only" first_tier "$tmp" "$template"
check "a named file over 2 MB: the optimising compiler too" not first_tier "$tmp" "$template" bigfolder/big.json
heap_grows_ahead() { grep -qx -- '-XX:MinHeapFreeRatio=70' "$tmp/java-args"; }
first_tier "$tmp" "$template" bigfolder/big.json
check "and a heap that grows ahead of its contents" heap_grows_ahead
first_tier "$tmp" "$template"
check "which a small one does not get" not heap_grows_ahead
check "named files of 2 MB or less in all: the first tier only" first_tier "$tmp" "$template" smallfolder/"$(basename "$template")"

mkdir -p "$tmp/broken"
(cd "$root" && git ls-files -z -co --exclude-standard | tar --null -T - -cf -) | tar -x -C "$tmp/broken"
echo "this is not Java" >>"$tmp/broken/src/main/java/dev/trailwatch/Version.java"
"$tmp/broken/bin/trailwatch" --version >out 2>err; code=$?
check "a build that fails: exit 2, never 1, and the message says so" \
  bash -c '[ "$1" -eq 2 ] && grep -q "building .* with the Maven Wrapper" err && grep -q "the build in .* failed" err && [ ! -s out ]' _ "$code"
check "and the lock is released" test ! -e "$tmp/broken/target/.build-lock"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

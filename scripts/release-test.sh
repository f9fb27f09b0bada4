#!/usr/bin/env bash
# The release's files as .github/workflows/release.yml makes them (scripts/release-dist.sh), from
# two separate copies of this checkout built one after the other: the same jar byte for byte
# (reproducible), named trailwatch-VERSION.jar, with a SHA-256 file that sha256sum -c accepts,
# running with `java -jar` alone; a tag that is not the pom's version is refused.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -n 1)

passed=0
failed=0
check() {
  local name=$1
  shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $name"; else failed=$((failed + 1)); echo "FAILED: $name"; fi
}
for copy in a b; do
  mkdir -p "$tmp/$copy"
  (cd "$root" && git ls-files -z -co --exclude-standard | tar --null -T - -cf -) | tar -x -C "$tmp/$copy"
  (cd "$tmp/$copy" && scripts/release-dist.sh "v$version" >/dev/null 2>"$tmp/$copy.err")
  echo "$?" >"$tmp/$copy.code"
  sleep 2 # a later build time must not change the jar
done
dist="$tmp/a/target/dist"
check "release-dist.sh v$version succeeds" test "$(cat "$tmp/a.code")" -eq 0
check "it makes trailwatch-$version.jar, its .sha256 and the notes" \
  test -s "$dist/trailwatch-$version.jar" -a -s "$dist/trailwatch-$version.jar.sha256" -a -s "$dist/notes.md"
check "sha256sum -c accepts the SHA-256 file" bash -c 'cd "$1" && sha256sum -c --quiet "trailwatch-$2.jar.sha256"' _ "$dist" "$version"
check "java -jar alone runs it" \
  bash -c 'java -jar "$1" --version | head -n 1 | grep -qx "trailwatch $2"' _ "$dist/trailwatch-$version.jar" "$version"
check "the jar carries LICENSE and NOTICE" \
  bash -c 'unzip -l "$1" | grep -q " META-INF/LICENSE$" && unzip -l "$1" | grep -q " META-INF/NOTICE$"' _ "$dist/trailwatch-$version.jar"
check "two builds give the same bytes" cmp -s "$dist/trailwatch-$version.jar" "$tmp/b/target/dist/trailwatch-$version.jar"
out=$(cd "$tmp/a" && scripts/release-dist.sh v99.0.0 2>&1); code=$?
check "a tag that is not the pom's version is refused" \
  bash -c '[ "$1" -ne 0 ] && grep -q "the tag v99.0.0 is not pom.xml'"'"'s version" <<<"$2"' _ "$code" "$out"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Makes a release's files in target/dist/ from a tag vX.Y.Z, as .github/workflows/release.yml does:
# trailwatch-X.Y.Z.jar (target/trailwatch.jar, which is reproducible: pom.xml's
# project.build.outputTimestamp), its SHA-256 in sha256sum's format, and notes.md (the version's
# CHANGELOG.md section). Fails when the tag is not pom.xml's version or the CHANGELOG has no
# section for it. Builds the jar when it is missing (run ./mvnw -B verify first to test it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
tag=${1:?usage: scripts/release-dist.sh vX.Y.Z}
version=${tag#v}
pom=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -n 1)
if [ "$tag" != "v$pom" ]; then
  echo "release-dist: the tag $tag is not pom.xml's version v$pom" >&2
  exit 1
fi
notes=$(awk -v v="$version" '
  /^## / { if (found) exit; if (index($0, "## [" v "]") == 1 || index($0, "## " v) == 1) { found = 1; next } }
  found { print }' CHANGELOG.md)
if [ -z "$(tr -d '[:space:]' <<<"$notes")" ]; then
  echo "release-dist: CHANGELOG.md has no section '## [$version]'" >&2
  exit 1
fi
[ -f target/trailwatch.jar ] || ./mvnw -q -B -Dstyle.color=never -DskipTests package
rm -rf target/dist
mkdir -p target/dist
cp target/trailwatch.jar "target/dist/trailwatch-$version.jar"
(cd target/dist && sha256sum "trailwatch-$version.jar" >"trailwatch-$version.jar.sha256")
printf '%s\n' "$notes" >target/dist/notes.md
cat "target/dist/trailwatch-$version.jar.sha256"

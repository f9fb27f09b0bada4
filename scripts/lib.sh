# Shared by the scripts in this folder: sourced, not run.
# Sets root (the repository) and shared (../shared, or SHARED_DIR).
root=$(cd "$(dirname "${BASH_SOURCE[1]}")/.." && pwd)
shared=${SHARED_DIR:-"$root/../shared"}

# skip_unless_present PATH WHAT: exit 0 with a SKIP line when PATH is missing.
skip_unless_present() {
  if [ ! -e "$1" ]; then
    echo "SKIP: $2 ($1) not found"
    exit 0
  fi
}

# ensure_jar: build target/trailwatch.jar once when it is missing.
ensure_jar() {
  if [ ! -f "$root/target/trailwatch.jar" ]; then
    echo "building $root/target/trailwatch.jar ..." >&2
    (cd "$root" && ./mvnw -q -B -Dstyle.color=never -DskipTests package >&2)
  fi
}

# fail_if_empty DIR WHAT: exit 1 with a FAIL line when DIR holds no file (a corpus present but
# empty would otherwise pass with nothing compared or measured).
fail_if_empty() {
  if [ -z "$(find "$1" -type f -print -quit 2>/dev/null)" ]; then
    echo "FAIL: $2 ($1) holds no file: nothing to compare or measure"
    exit 1
  fi
}

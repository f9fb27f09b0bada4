#!/usr/bin/env bash
# Checks `trailwatch scan --fix` on copies of every fixture in testdata/ and in
# ../shared/peer-fixtures (SKIP for that part when it is missing), in a temporary folder:
#  - every TW001/TW002 finding is either gone after --fix or was reported as "not fixed" with a
#    reason (values set through a variable, a parameter, a condition: the fix refuses, never guesses);
#  - no file that parsed before fails to parse after, and no new error appears;
#  - the diff of each fixed file changes only the lines the fix needs: a line that was there is
#    removed only when it holds the log group or role attribute, or is a module argument given "" or
#    null that the fix set (the trail of a called module takes its value from it), or is the last
#    line, when a file without a final newline grows;
#  - cfn-lint reports no new error on a fixed template, and `terraform fmt` would change none of the
#    lines a fix wrote in a .tf file (the file's own indentation kept: tabs are compared as written),
#    each when the tool is installed (SKIP when not).
# Exit 0 when every check passes.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_jar
tw="$root/bin/trailwatch"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/work"

# What is copied: the project's fixtures, and the peers' when ../shared has them.
cp -R "$root/testdata" "$tmp/work/testdata"
rm -f "$tmp/work/testdata/project-file/.trailwatch.yml" # a project file would change what is reported
if [ -d "$shared/peer-fixtures" ]; then
  mkdir -p "$tmp/work/peers"
  for d in kics checkov; do
    [ -d "$shared/peer-fixtures/$d" ] && cp -R "$shared/peer-fixtures/$d" "$tmp/work/peers/$d"
  done
  if [ -f "$shared/peer-fixtures/trivy/examples.yaml" ]; then
    python3 - "$shared/peer-fixtures/trivy/examples.yaml" "$tmp/work/peers/trivy" <<'PY'
import os, sys, yaml
src, out = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8") as f:
    doc = yaml.safe_load(f)
for language, extension in (("cloudformation", "yaml"), ("terraform", "tf")):
    for kind in ("good", "bad"):
        for i, text in enumerate((doc.get(language) or {}).get(kind) or [], 1):
            folder = os.path.join(out, f"{language}-{kind}-{i}")  # one module each
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, f"{kind}-{i}.{extension}"), "w", encoding="utf-8") as g:
                g.write(text if text.endswith("\n") else text + "\n")
PY
  fi
else
  echo "SKIP: peer fixtures ($shared/peer-fixtures) not found: only testdata/ is checked"
fi
cp -R "$tmp/work" "$tmp/before"

cd "$tmp/work"
"$tw" scan -q -f json --fail-on never . >"$tmp/before.json" 2>/dev/null || true
"$tw" scan -q -f json --fail-on never --fix . >"$tmp/fix.json" 2>"$tmp/fix.err" || true
"$tw" scan -q -f json --fail-on never . >"$tmp/after.json" 2>/dev/null || true
"$tw" scan -q --fix . >/dev/null 2>"$tmp/again.err" || true
cd "$tmp"

status=0
python3 - "$tmp" <<'PY' || status=1
import json, os, re, subprocess, sys
tmp = sys.argv[1]
load = lambda n: json.load(open(os.path.join(tmp, n), encoding="utf-8"))
before, after = load("before.json"), load("after.json")
fix_err = open(os.path.join(tmp, "fix.err"), encoding="utf-8").read().splitlines()
again = open(os.path.join(tmp, "again.err"), encoding="utf-8").read()
key = lambda f: (f["ruleId"], f["file"], f["resource"]["address"])
wanted = {key(f) for f in before["findings"] if f["ruleId"] in ("TW001", "TW002") and "suppressed" not in f}
left = {key(f) for f in after["findings"] if f["ruleId"] in ("TW001", "TW002") and "suppressed" not in f}
explained = set()
for line in fix_err:
    m = re.match(r"trailwatch: not fixed (\S+?):\d+:\d+: (TW00[12]) (\S+): ", line)
    if m:
        explained.add((m.group(2), m.group(1), m.group(3)))
    m = re.match(r"trailwatch: not fixed (\S+) \(left unchanged\): ", line)
    if m:
        explained |= {k for k in wanted if k[1] == m.group(1)}
failures = []
for k in sorted(left - explained):
    failures.append(f"{k[1]}: {k[0]} {k[2]} is left and --fix did not say why")
for k in sorted(left - wanted):
    failures.append(f"{k[1]}: {k[0]} {k[2]} is new after --fix")
errors_before = {(e["file"], e["message"]) for e in before["errors"]}
for e in after["errors"]:
    if (e["file"], e["message"]) not in errors_before:
        failures.append(f'{e["file"]}:{e.get("line")}:{e.get("column")}: does not parse after --fix: {e["message"]}')
if re.search(r"^trailwatch: (would )?fixed ", again, re.M) or "trailwatch: fixed" in again:
    failures.append("a second --fix changed files again:\n" + again)

changed = []
for folder, _, files in os.walk(os.path.join(tmp, "work")):
    for name in files:
        path = os.path.join(folder, name)
        rel = os.path.relpath(path, os.path.join(tmp, "work"))
        old = os.path.join(tmp, "before", rel)
        if open(path, "rb").read() != open(old, "rb").read():
            changed.append(rel)

attribute = re.compile(r"CloudWatchLogs(LogGroup|Role)Arn|cloud_watch_logs_(group|role)_arn")
cfn_lint = subprocess.run(["sh", "-c", "command -v cfn-lint"], capture_output=True).returncode == 0
terraform = subprocess.run(["sh", "-c", "command -v terraform"], capture_output=True).returncode == 0
lint_checked = fmt_checked = 0

def lint(path):
    out = subprocess.run(["cfn-lint", "--format", "parseable", path], capture_output=True, text=True).stdout
    # file:line:col:line:col:RULE:message; line numbers move with the fix, so compare rule and message.
    # A message listing the template's resources changes when the fix adds one: the list is left out.
    return {re.sub(r"\[.*\]", "[...]", l.split(":", 5)[5]) for l in out.splitlines() if re.search(r":E\d+:", l)}

def fmt(text):
    r = subprocess.run(["terraform", "fmt", "-"], input=text, capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else None

for rel in sorted(changed):
    new_path, old_path = os.path.join(tmp, "work", rel), os.path.join(tmp, "before", rel)
    diff = subprocess.run(["diff", "-u", old_path, new_path], capture_output=True, text=True).stdout.splitlines()[2:]
    hunks, current = [], None
    for line in diff:
        if line.startswith("@@"):
            current = {"-": [], "+": []}
            hunks.append(current)
        elif line[:1] in "-+" and current is not None:
            current[line[0]].append(line[1:])
    old_text = open(old_path, encoding="utf-8").read()
    def only_inserted_into(removed, added):
        # The fix wrote into the line without changing what was there (a ":*", a ",", a property).
        p = 0
        while p < min(len(removed), len(added)) and removed[p] == added[p]:
            p += 1
        q = 0
        while q < min(len(removed), len(added)) - p and removed[-1 - q] == added[-1 - q]:
            q += 1
        return p + q >= len(removed)
    def argument_set(removed, added):
        # A module argument given "" or null, set by the fix to the log group or role (same name, same place).
        m = re.match(r'(\s*[A-Za-z0-9_-]+\s*=)\s*(""|null)\s*(#.*|//.*)?$', removed)
        return m is not None and any(a.startswith(m.group(1)) for a in added)
    for h in hunks:
        for removed in h["-"]:
            if attribute.search(removed) or any(only_inserted_into(removed, a) for a in h["+"]) \
                    or argument_set(removed, h["+"]):
                continue
            failures.append(f"{rel}: --fix changed a line it did not need to: {removed!r}")
    if rel.endswith(".tf") and terraform:
        fmt_checked += 1
        fixed_text = open(new_path, encoding="utf-8").read()
        formatted = fmt(fixed_text)
        if formatted is None:
            failures.append(f"{rel}: terraform fmt cannot read the fixed file")
        else:
            was_formatted = fmt(old_text) == old_text
            # A file fmt would change anyway keeps its own indentation and comment spacing: the fix's lines
            # are compared without them (the alignment of = still counts).
            loose = lambda l: re.sub(r"\s+(#|//)", r" \1", l.strip())
            norm = (lambda l: l) if was_formatted else loose
            lines = {norm(l) for l in formatted.splitlines()}
            old_formatted = {norm(l) for l in (fmt(old_text) or "").splitlines()}
            def misformatted_before(line, hunk):
                # The fix replaced only the value of a line fmt would change anyway (its key's spacing).
                return any(r.split("=")[0] == line.split("=")[0] and norm(r) not in old_formatted for r in hunk["-"])
            for h in hunks:
                for l in h["+"]:
                    if norm(l) not in lines and not misformatted_before(l, h):
                        failures.append(f"{rel}: terraform fmt would change a line the fix wrote: {l!r}")
    elif not rel.endswith(".tf") and cfn_lint:
        lint_checked += 1
        new_errors = lint(new_path) - lint(old_path)
        for e in sorted(new_errors):
            failures.append(f"{rel}: cfn-lint error after --fix: {e}")

fixed_lines = [l for l in fix_err if l.startswith("trailwatch: fixed ")]
print(f"fixtures: {len(wanted)} TW001/TW002 findings; {len(wanted - left)} fixed, {len(left & explained)} left with"
      " a reason (--fix said why); " + f"{len(changed)} files changed ({len(fixed_lines)} fixes)")
for line in fix_err:
    if line.startswith("trailwatch: not fixed"):
        print("  " + line[len("trailwatch: "):])
print(f"cfn-lint: {lint_checked} fixed templates checked" if cfn_lint else "SKIP: cfn-lint not installed")
print(f"terraform fmt: {fmt_checked} fixed .tf files checked" if terraform else "SKIP: terraform not installed")
for f in failures:
    print("FAIL: " + f)
print("fix-check: " + ("FAILED" if failures else "passed"))
sys.exit(1 if failures else 0)
PY
exit $status

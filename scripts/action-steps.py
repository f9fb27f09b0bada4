#!/usr/bin/env python3
"""Runs a composite action's steps the way the GitHub Actions runner does, for tests.

Each step in order: `if:` evaluated (default success()), `${{ ... }}` expressions substituted in
`run:`, `env:` and `with:`, `run:` steps executed with bash (`bash --noprofile --norc -eo pipefail`,
GitHub's default) in the workspace, with GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_ENV,
GITHUB_PATH, GITHUB_WORKSPACE, GITHUB_ACTION_PATH and RUNNER_TEMP set; workflow commands
(::error ...) read from their stdout as the runner reads them. Steps that `uses:` another action
are not run: their inputs are checked against what that action requires, and actions/cache is
emulated with a local folder (restore before, save after the job). The action's outputs are
evaluated at the end.

usage: action-steps.py ACTION_DIR WORKSPACE STATE_DIR [--input NAME=VALUE]... [--github NAME=VALUE]...
         [--event JSON]
Prints one JSON object: steps (id, outcome, stdout, stderr), annotations, summary, outputs,
uses (the other actions' resolved inputs), success.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

# The other actions the step may use, with the inputs each accepts and requires, and a check.
KNOWN_ACTIONS = {
    "actions/setup-java": {"accepts": {"distribution", "java-version", "java-version-file", "java-package",
                                       "architecture", "jdkFile", "check-latest", "server-id", "server-username",
                                       "server-password", "settings-path", "overwrite-settings", "gpg-private-key",
                                       "gpg-passphrase", "cache", "cache-dependency-path", "job-status", "token",
                                       "mvn-toolchain-id", "mvn-toolchain-vendor"},
                           "requires": {"distribution"}},
    "actions/cache": {"accepts": {"path", "key", "restore-keys", "upload-chunk-size", "enableCrossOsArchive",
                                  "fail-on-cache-miss", "lookup-only", "save-always"},
                      "requires": {"path", "key"}},
    "actions/cache/restore": {"accepts": {"path", "key", "restore-keys", "enableCrossOsArchive",
                                          "fail-on-cache-miss", "lookup-only"},
                              "requires": {"path", "key"}},
    "actions/cache/save": {"accepts": {"path", "key", "upload-chunk-size", "enableCrossOsArchive"},
                           "requires": {"path", "key"}},
    "github/codeql-action/upload-sarif": {"accepts": {"sarif_file", "checkout_path", "ref", "sha", "token",
                                                      "matrix", "category", "wait-for-processing",
                                                      "upload"},
                                          "requires": {"sarif_file"}},
}


class Expr:
    """GitHub's expression language, as much as action.yml files use: literals, contexts,
    ==, !=, &&, ||, !, parentheses, and the status functions."""

    TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|('(?:[^']|'')*')|(==|!=|&&|\|\||!|\(|\)|,)|"
                       r"([A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_*][A-Za-z0-9_*-]*)*))")

    def __init__(self, text, context, status):
        self.tokens = []
        pos = 0
        text = text.strip()
        while pos < len(text):
            m = self.TOKEN.match(text, pos)
            if not m or m.end() == pos:
                raise ValueError("cannot read expression at: " + text[pos:])
            self.tokens.append(m.groups())
            pos = m.end()
        self.i = 0
        self.context = context
        self.status = status

    def peek(self):
        return self.tokens[self.i][2] if self.i < len(self.tokens) else None

    def value(self):
        v = self.or_()
        if self.i != len(self.tokens):
            raise ValueError("unexpected token in expression")
        return v

    def or_(self):
        v = self.and_()
        while self.peek() == "||":
            self.i += 1
            r = self.and_()
            v = v if truthy(v) else r
        return v

    def and_(self):
        v = self.cmp()
        while self.peek() == "&&":
            self.i += 1
            r = self.cmp()
            v = r if truthy(v) else v
        return v

    def cmp(self):
        v = self.unary()
        while self.peek() in ("==", "!="):
            op = self.peek()
            self.i += 1
            r = self.unary()
            eq = loose_equal(v, r)
            v = eq if op == "==" else not eq
        return v

    def unary(self):
        if self.peek() == "!":
            self.i += 1
            return not truthy(self.unary())
        return self.primary()

    def primary(self):
        number, string, op, name = self.tokens[self.i]
        self.i += 1
        if op == "(":
            v = self.or_()
            self.expect(")")
            return v
        if number is not None:
            return float(number)
        if string is not None:
            return string[1:-1].replace("''", "'")
        if name in ("true", "false"):
            return name == "true"
        if name == "null":
            return None
        if self.peek() == "(":
            self.i += 1
            args = []
            while self.peek() != ")":
                args.append(self.or_())
                if self.peek() == ",":
                    self.i += 1
            self.expect(")")
            return self.call(name, args)
        v = self.context
        for part in name.split("."):
            v = v.get(part) if isinstance(v, dict) else None
        return v

    def expect(self, op):
        if self.peek() != op:
            raise ValueError("expected " + op)
        self.i += 1

    def call(self, name, args):
        if name == "always":
            return True
        if name == "success":
            return self.status == "success"
        if name == "failure":
            return self.status == "failure"
        if name == "cancelled":
            return False
        if name == "format":
            return re.sub(r"\{(\d+)\}", lambda m: to_string(args[1 + int(m.group(1))]), args[0])
        if name == "contains":
            return to_string(args[1]).lower() in to_string(args[0]).lower()
        if name == "startsWith":
            return to_string(args[0]).lower().startswith(to_string(args[1]).lower())
        raise ValueError("function not emulated: " + name)


def truthy(v):
    return v not in (None, False, 0, 0.0, "")


def to_string(v):
    if v is None:
        return ""
    if v is True or v is False:
        return "true" if v else "false"
    if isinstance(v, float):
        return str(int(v)) if v == int(v) else str(v)
    if isinstance(v, (dict, list)):
        return json.dumps(v)
    return str(v)


def loose_equal(a, b):
    if isinstance(a, str) and isinstance(b, str):
        return a.lower() == b.lower()
    return to_string(a) == to_string(b) if type(a) != type(b) else a == b


def substitute(text, context, status="success"):
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: to_string(Expr(m.group(1), context, status).value()), str(text))


def read_outputs(path):
    """name=value lines and name<<DELIMITER blocks, as the runner reads GITHUB_OUTPUT."""
    outputs = {}
    if not os.path.exists(path):
        return outputs
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            value = []
            i += 1
            while i < len(lines) and lines[i] != delimiter:
                value.append(lines[i])
                i += 1
            outputs[name] = "\n".join(value)
        elif "=" in line:
            name, value = line.split("=", 1)
            outputs[name] = value
        i += 1
    return outputs


COMMAND = re.compile(r"^::(error|warning|notice)(?: ([^:]*))?::(.*)$")


def unescape(text):
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def annotations(stdout):
    found = []
    for line in stdout.splitlines():
        m = COMMAND.match(line)
        if m:
            props = {}
            for pair in (m.group(2) or "").split(","):
                if "=" in pair:
                    k, v = pair.split("=", 1)
                    props[k] = unescape(v)
            found.append({"level": m.group(1), **props, "message": unescape(m.group(3))})
    return found


def main(argv):
    action_dir, workspace, state = (os.path.abspath(a) for a in argv[:3])
    inputs_given, github, event = {}, {}, {}
    rest = argv[3:]
    while rest:
        flag, value = rest[0], rest[1]
        rest = rest[2:]
        if flag == "--input":
            k, v = value.split("=", 1)
            inputs_given[k] = v
        elif flag == "--github":
            k, v = value.split("=", 1)
            github[k] = v
        elif flag == "--event":
            event = json.loads(value)
        else:
            raise SystemExit("unknown option " + flag)

    action = yaml.safe_load(open(os.path.join(action_dir, "action.yml"), encoding="utf-8"))
    if action["runs"]["using"] != "composite":
        raise SystemExit("only composite actions are emulated")
    inputs = {}
    for name, spec in (action.get("inputs") or {}).items():
        inputs[name] = inputs_given.pop(name, to_string(spec.get("default", "")))
    if inputs_given:
        raise SystemExit("inputs the action does not declare: " + ", ".join(inputs_given))

    runner_temp = tempfile.mkdtemp(dir=state, prefix="runner-temp-")
    cache_store = os.path.join(state, "cache-store")
    os.makedirs(cache_store, exist_ok=True)
    context = {
        "inputs": inputs,
        "steps": {},
        "github": {"action_path": action_dir, "workspace": workspace, "repository": "example/infra",
                   "server_url": "https://github.com", "action_repository": "example/trailwatch",
                   "actor": "someone", "event_name": "pull_request", **github, "event": event},
        "runner": {"temp": runner_temp, "os": "Linux", "arch": "X64"},
        "env": {},
    }
    result = {"steps": [], "annotations": [], "summary": "", "uses": [], "outputs": {}}
    status = "success"
    post_saves = []
    for index, step in enumerate(action["runs"]["steps"]):
        sid = step.get("id", "__step%d" % index)
        record = {"id": sid, "index": index}
        if "uses" in step:
            record["uses"] = step["uses"]
        condition = step.get("if", "success()")
        condition = str(condition).strip()
        if condition.startswith("${{") and condition.endswith("}}"):
            condition = condition[3:-2]
        if not truthy(Expr(condition, context, status).value()):
            record["outcome"] = "skipped"
            context["steps"][sid] = {"outputs": {}, "outcome": "skipped", "conclusion": "skipped"}
            result["steps"].append(record)
            continue
        if "uses" in step:
            ref = step["uses"]
            name, _, version = ref.partition("@")
            with_ = {k: substitute(v, context, status) for k, v in (step.get("with") or {}).items()}
            record.update({"uses": ref, "with": with_})
            known = KNOWN_ACTIONS.get(name)
            problems = []
            if known is None:
                problems.append("not an action this emulator knows: " + name)
            else:
                problems += ["input %s is not one of %s's" % (k, name) for k in with_ if k not in known["accepts"]]
                problems += ["input %s is required by %s" % (k, name) for k in known["requires"] if not with_.get(k)]
            if not version:
                problems.append("no version pinned")
            outputs = {}
            if name in ("actions/cache", "actions/cache/restore", "actions/cache/save") and not problems:
                # A folder per key stands for GitHub's cache service.
                key = re.sub(r"[^A-Za-z0-9._-]", "_", with_["key"])
                saved = os.path.join(cache_store, key)
                target = with_["path"]
                if name == "actions/cache/save":
                    if not os.path.isdir(target) or not os.listdir(target):
                        problems.append("nothing to save at " + target)
                    elif not os.path.isdir(saved):
                        shutil.copytree(target, saved)
                elif os.path.isdir(saved):
                    shutil.copytree(saved, target, dirs_exist_ok=True)
                    outputs.update({"cache-hit": "true", "cache-matched-key": with_["key"]})
                else:
                    outputs["cache-hit"] = "false"
                    if name == "actions/cache":
                        post_saves.append((target, saved))  # its post step: only when the job succeeds
                outputs["cache-primary-key"] = with_["key"]
            if name == "github/codeql-action/upload-sarif" and not problems:
                sarif = os.path.join(workspace, with_["sarif_file"])
                try:
                    runs = json.load(open(sarif, encoding="utf-8"))["runs"]
                    record["sarif_results"] = len(runs[0]["results"])
                except (OSError, ValueError, KeyError, IndexError) as e:
                    problems.append("sarif_file %s is not SARIF: %s" % (sarif, e))
            record["problems"] = problems
            record["outcome"] = "failure" if problems else "success"
            result["uses"].append(record)
            context["steps"][sid] = {"outputs": outputs, "outcome": record["outcome"], "conclusion": record["outcome"]}
            if problems:
                status = "failure"
            result["steps"].append(record)
            continue

        files = {}
        for name in ("GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_ENV", "GITHUB_PATH"):
            fd, files[name] = tempfile.mkstemp(dir=runner_temp, prefix=name.lower() + "-")
            os.close(fd)
        env = dict(os.environ)
        env.update(context["env"])
        env.update({k: substitute(v, context, status) for k, v in (step.get("env") or {}).items()})
        env.update(files)
        env.update({"GITHUB_WORKSPACE": workspace, "GITHUB_ACTION_PATH": action_dir, "RUNNER_TEMP": runner_temp,
                    "GITHUB_ACTIONS": "true", "CI": "true", "RUNNER_OS": "Linux"})
        shell = step.get("shell")
        if shell != "bash":
            raise SystemExit("step %s: composite run steps need shell: bash here (got %r)" % (sid, shell))
        script = substitute(step["run"], context, status)
        fd, script_file = tempfile.mkstemp(dir=runner_temp, suffix=".sh")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(script)
        cwd = os.path.join(workspace, step.get("working-directory", "."))
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script_file], cwd=cwd, env=env,
                              capture_output=True, text=True)
        record.update({"run": script, "exit": proc.returncode, "stdout": proc.stdout, "stderr": proc.stderr,
                       "outcome": "success" if proc.returncode == 0 else "failure"})
        result["annotations"] += [dict(a, step=sid) for a in annotations(proc.stdout)]
        summary = open(files["GITHUB_STEP_SUMMARY"], encoding="utf-8").read()
        if len(summary.encode("utf-8")) > 1024 * 1024:
            record["outcome"] = "failure"
            record["problems"] = ["step summary over 1 MiB, which GitHub rejects"]
        result["summary"] += summary
        for line in open(files["GITHUB_ENV"], encoding="utf-8").read().splitlines():
            if "=" in line:
                k, v = line.split("=", 1)
                context["env"][k] = v
        context["steps"][sid] = {"outputs": read_outputs(files["GITHUB_OUTPUT"]), "outcome": record["outcome"],
                                 "conclusion": record["outcome"]}
        if record["outcome"] == "failure" and not step.get("continue-on-error"):
            status = "failure"
        result["steps"].append(record)

    for target, saved in post_saves:
        if status == "success" and os.path.isdir(target) and os.listdir(target):
            shutil.copytree(target, saved, dirs_exist_ok=True)
    for name, spec in (action.get("outputs") or {}).items():
        result["outputs"][name] = substitute(spec.get("value", ""), context, status)
    result["success"] = status == "success"
    json.dump(result, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main(sys.argv[1:])

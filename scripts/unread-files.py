#!/usr/bin/env python3
"""Prints the files of a list that trailwatch skipped without reading (not a template to it, or
excluded), one per line, so that a conformance script counts them as disagreements, not as files
that loaded. Usage: unread-files.py TRAILWATCH FOLDER LIST (LIST: paths relative to FOLDER).

A scan's summary counts the files it read (broken ones included): naming a group of files, the
count is the group's size when none was skipped, a Terraform file counting with the other .tf and
.tf.json files of its folder (the module it is read with). A group whose count differs is halved
until single files are left; a single file whose scan read nothing was skipped."""
import json, os, subprocess, sys

trailwatch, folder, list_path = sys.argv[1:4]
files = [l.rstrip("\n") for l in open(list_path, encoding="utf-8") if l.strip()]


def files_read(group):
    run = subprocess.run([trailwatch, "scan", "-f", "json", "-q", "--fail-on", "never", "--", *group],
                         cwd=folder, capture_output=True, text=True)
    try:
        return json.loads(run.stdout)["summary"]["files"]
    except (ValueError, KeyError):
        sys.exit(f"unread-files.py: trailwatch gave no report (exit {run.returncode}): {run.stderr.strip()[:500]}")


def terraform(path):
    return path.endswith(".tf") or path.endswith(".tf.json")


def expected(group):
    read = set()
    for path in group:
        if terraform(path):
            module = os.path.dirname(path)
            read.update(os.path.join(module, n) for n in os.listdir(os.path.join(folder, module or "."))
                        if terraform(n) and os.path.isfile(os.path.join(folder, module, n)))
        else:
            read.add(path)
    return len(read)


def unread(group):
    count = files_read(group)
    if count == expected(group):
        return []
    if len(group) == 1:
        return group if count == 0 else []
    half = len(group) // 2
    return unread(group[:half]) + unread(group[half:])


for path in unread(files) if files else []:
    print(path)

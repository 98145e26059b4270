#!/usr/bin/env python3
"""Write orgnet's man page (man(7) format) from the argument parser's own description.

    orgnet --experimental-dump-help | python3 scripts/man/generate-man.py > orgnet.1
    python3 scripts/man/generate-man.py .build/release/orgnet > orgnet.1

The input is swift-argument-parser's ToolInfoV0 JSON (`--experimental-dump-help`), so the page
always matches the commands, options and help texts of the binary. The date is SOURCE_DATE_EPOCH
when set (reproducible builds), else today. No dependencies beyond Python 3.

(swift-argument-parser's `swift package plugin generate-manual` writes an mdoc page too; this
script exists so `make install` needs no SwiftPM plugin run, e.g. under sudo, and so tests can
make the page from an already built binary.)
"""
import datetime
import json
import os
import subprocess
import sys


def esc(text):
    """Escape roff: backslashes, hyphens, and a leading dot or quote on any line."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + line) if line.startswith((".", "'")) else line for line in text.split("\n"))


def shown(args, root=True):
    """Displayed arguments; --version belongs to the top command only (the dump repeats it)."""
    return [a for a in args if a.get("shouldDisplay", True)
            and (root or a.get("preferredName", {}).get("name") != "version")]


def flag_names(arg):
    names = []
    for n in arg.get("names", []):
        dash = "\\-" if n["kind"] in ("short", "longWithSingleDash") else "\\-\\-"
        names.append(f"\\fB{dash}{esc(n['name'])}\\fR")
    return ", ".join(names)


def arg_label(arg):
    value = esc(arg.get("valueName", ""))
    if arg["kind"] == "positional":
        return f"\\fI{value}\\fR" + ("..." if arg.get("isRepeating") else "")
    label = flag_names(arg)
    if arg["kind"] == "option":
        label += f" \\fI{value}\\fR"
    return label


def synopsis(path, cmd):
    root = len(path) == 1
    parts = [f"\\fB{esc(' '.join(path))}\\fR"]
    if cmd.get("subcommands"):
        parts.append("\\fIsubcommand\\fR")
    for a in shown(cmd.get("arguments", []), root):
        if a.get("preferredName", {}).get("name") in ("help",):
            continue
        text = arg_label(a) if a["kind"] == "positional" else (
            flag_names({"names": [a["preferredName"]]}) + (f" \\fI{esc(a.get('valueName', ''))}\\fR" if a["kind"] == "option" else ""))
        parts.append(f"[{text}]" if a.get("isOptional") else text)
    return " ".join(parts)


def options(cmd, out, root=False):
    for a in shown(cmd.get("arguments", []), root):
        out.append(".TP")
        out.append(arg_label(a))
        text = a.get("abstract", "")
        if a.get("defaultValue") not in (None, ""):
            text += f" (default: {a['defaultValue']})"
        out.append(esc(text) if text else "")
        if a.get("discussion"):
            out.append(esc(a["discussion"]) if isinstance(a["discussion"], str) else "")


WIDTH = 80


def wrap_verbatim(line, width=WIDTH):
    """An indented (verbatim) line cut at spaces to fit `width` columns; continuations are
    indented four more columns than the line, so an example stays readable on an 80-column
    terminal (man indents sections by 7)."""
    limit = width - 7
    if len(line) <= limit:
        return [line]
    indent = len(line) - len(line.lstrip()) + 4
    parts, current = [], ""
    for word in line.split(" "):
        if current and len(current) + 1 + len(word) > limit:
            parts.append(current)
            current = " " * indent + word
        else:
            current = word if not current else current + " " + word
    parts.append(current)
    return parts


def discussion(text, out):
    """Prose paragraphs are filled by man (wrapped to the reader's width); indented lines
    (examples, aligned lists) stay verbatim, cut to 80 columns."""
    verbatim = False
    for line in text.rstrip().split("\n"):
        indented = line.startswith(" ")
        if indented and not verbatim:
            out.append(".nf")
            verbatim = True
        elif not indented and verbatim:
            out.append(".fi")
            verbatim = False
        if not line.strip():
            out.append(".PP" if not verbatim else "")
        elif indented:
            out.extend(esc(part) for part in wrap_verbatim(line))
        else:
            out.append(esc(line))
    if verbatim:
        out.append(".fi")


def subcommand(path, cmd, out):
    out.append(f".SS {esc(' '.join(path))}")
    if cmd.get("abstract"):
        out.append(esc(cmd["abstract"]))
    out.append(".PP")
    out.append(synopsis(path, cmd))
    if cmd.get("discussion"):
        out.append(".PP")
        discussion(cmd["discussion"], out)
    options(cmd, out)
    for sub in cmd.get("subcommands", []):
        if sub.get("shouldDisplay", True):
            subcommand(path + [sub["commandName"]], sub, out)


EXIT_STATUSES = [
    (0, "Success."),
    (1, "No result: a query with no answer (no path between two organizations, no value in any month)."),
    (64, "Usage error: an unknown command, option, format, month or organization (EX_USAGE)."),
    (65, "Bad data: a malformed or invalid input file, or an input over a limit (EX_DATAERR)."),
    (66, "Missing input: a file or folder that does not exist or cannot be read (EX_NOINPUT)."),
    (70, "Internal error, e.g. Graphviz crashed on a checked input (EX_SOFTWARE)."),
    (73, "Cannot write: a missing folder, a full device, a closed pipe, an existing dataset without --force (EX_CANTCREAT)."),
]


def page(info, version):
    root = info["command"]
    name = root["commandName"]
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    day = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch else datetime.datetime.now()).strftime("%Y-%m-%d")
    out = [
        '.\\" Generated by scripts/man/generate-man.py from `orgnet --experimental-dump-help`; do not edit.',
        f'.TH {name.upper()} 1 "{day}" "{esc(name + " " + version).strip()}" "User Commands"',
        ".SH NAME",
        f"{esc(name)} \\- {esc(root.get('abstract', ''))}",
        ".SH SYNOPSIS",
        synopsis([name], root),
    ]
    subs = [s for s in root.get("subcommands", []) if s.get("shouldDisplay", True)]
    for s in subs:
        out.append(".br")
        out.append(synopsis([name, s["commandName"]], s))
    out.append(".SH DESCRIPTION")
    if root.get("discussion"):
        discussion(root["discussion"], out)
    out.append(".SH OPTIONS")
    options(root, out, root=True)
    out.append(".SH COMMANDS")
    for s in subs:
        subcommand([name, s["commandName"]], s, out)
    out += [
        ".SH EXIT STATUS",
        "Exit statuses follow BSD sysexits(3), as Graphviz users expect:",
    ]
    for code, meaning in EXIT_STATUSES:
        out += [".TP", f"\\fB{code}\\fR", esc(meaning)]
    out += [
        ".SH ENVIRONMENT",
        ".TP", "\\fBNO_COLOR\\fR",
        esc("When set and not empty, tables are never coloured (https://no-color.org)."),
        ".TP", "\\fBTERM\\fR",
        esc("dumb turns colour and progress off. Colour needs standard output to be a terminal; progress, standard error."),
        ".SH FILES",
        esc("Shell completions: share/bash-completion/completions/orgnet, share/zsh/site-functions/_orgnet, "
            "share/fish/vendor_completions.d/orgnet.fish under the installation prefix."),
        ".SH SEE ALSO",
        "\\fBdot\\fR(1), \\fBneato\\fR(1), \\fBgvpr\\fR(1)",
    ]
    return "\n".join(out) + "\n"


def main():
    args = sys.argv[1:]
    if args:
        binary = args[0]
        text = subprocess.run([binary, "--experimental-dump-help"], check=True, capture_output=True, text=True).stdout
        version = subprocess.run([binary, "--version"], check=True, capture_output=True, text=True).stdout.strip()
    else:
        text, version = sys.stdin.read(), os.environ.get("ORGNET_VERSION", "")
    sys.stdout.write(page(json.loads(text), version))


if __name__ == "__main__":
    main()

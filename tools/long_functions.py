#!/usr/bin/env python3
"""Lists the C++ functions longer than N lines (default 150), longest first.

    tools/long_functions.py [-n N] [PATH...]     (default PATH: src)

A function's length counts its lines from the line of its name to its closing brace.
It reads the sources as text (no compiler): comments, strings and character literals
are blanked, then braces are matched. A brace opens a function body when the text
before it, in a namespace, class or at file level, ends in a parameter list (and any
const, noexcept, override, -> type or constructor initialisers); lambdas and local
classes count as part of the function around them. Directories are searched for *.cpp
and *.h.
"""
import argparse
import os
import re
import sys

KEYWORDS = {"if", "for", "while", "switch", "catch", "return", "sizeof", "alignof", "decltype",
            "static_assert", "do", "else", "try", "noexcept", "alignas", "new", "delete"}


def blank(src):
    """Comments, string and char literals and preprocessor lines become spaces (newlines kept)."""
    out = []
    i, n = 0, len(src)
    line_start = True
    while i < n:
        c = src[i]
        if line_start and c == "#":
            # a preprocessor line, with its continuations
            while i < n and src[i] != "\n":
                if src[i] == "\\" and i + 1 < n and src[i + 1] == "\n":
                    out.append(" \n")
                    i += 2
                    continue
                out.append(" ")
                i += 1
            continue
        if c == "/" and src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
            continue
        if c == "/" and src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
            continue
        m = re.match(r'(?:u8|u|U|L)?R"([^(\s]*)\(', src[i:i + 24]) if c in 'uULR' else None
        if m and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_")):
            end = src.find(")" + m.group(1) + '"', i + m.end())
            end = n if end < 0 else end + len(m.group(1)) + 2
            out.append(re.sub(r"[^\n]", " ", src[i:end]))
            i = end
            continue
        if c in "\"'":
            if c == "'" and i > 0 and src[i - 1].isalnum():  # digit separator 1'000
                out.append(" ")
                i += 1
                continue
            j = i + 1
            while j < n and src[j] != c and src[j] != "\n":
                j += 2 if src[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(c + " " * (j - i - 2) + c if j - i >= 2 else " " * (j - i))
            i = j
            continue
        out.append(c)
        line_start = c == "\n" or (line_start and c in " \t")
        i += 1
    return "".join(out)


def function_name(header):
    """The name before the parameter list of a function header, or None."""
    h = header.strip()
    # drop a trailing constructor initialiser list: ") : a(b), c{d}" -> ")"
    depth = 0
    cut = None
    for k, ch in enumerate(h):
        if ch in "([<":
            depth += 1 if ch != "<" else 0
        elif ch in ")]":
            depth -= 1
        elif ch == ":" and depth == 0 and k > 0 and h[k - 1] != ":" and (k + 1 >= len(h) or h[k + 1] != ":"):
            before = h[:k].rstrip()
            if before.endswith(")") or re.search(r"\)\s*(noexcept|const)\s*$", before):
                cut = k
                break
    if cut is not None:
        h = h[:cut].rstrip()
    # trailing qualifiers and a trailing return type
    h = re.sub(r"\s*->\s*[^()]*$", "", h)
    while True:
        h2 = re.sub(r"\s*\b(const|noexcept|override|final|mutable|volatile|&&|&)\s*$", "", h)
        h2 = re.sub(r"\s*noexcept\s*\([^()]*\)\s*$", "", h2)
        if h2 == h:
            break
        h = h2
    if not h.endswith(")"):
        return None
    # match the parameter list's opening paren
    depth = 0
    for k in range(len(h) - 1, -1, -1):
        if h[k] == ")":
            depth += 1
        elif h[k] == "(":
            depth -= 1
            if depth == 0:
                break
    else:
        return None
    m = re.search(r"((?:[A-Za-z_]\w*(?:<[^<>()]*>)?\s*::\s*)*~?(?:operator\s*(?:\(\)|[^\s\w(]+|\w[\w\s:<>*&]*)|[A-Za-z_]\w*))\s*$",
                  h[:k])
    if not m:
        return None
    name = re.sub(r"\s+", "", m.group(1)) if "operator" not in m.group(1) else m.group(1).strip()
    last = name.split("::")[-1]
    if last in KEYWORDS or not h[:m.start()].strip() and "::" not in name and last[:1].isupper() and False:
        return None
    if re.search(r"\b(class|struct|union|enum|namespace)\b", h[:m.start()]) and "(" not in h[:m.start()]:
        return None
    if h.lstrip().startswith("=") or re.search(r"=\s*$", h[:m.start()]):
        return None  # a variable initialised by a call: x = f(...) {
    return name


def functions(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = blank(f.read())
    found = []
    stack = []  # entries: ("scope"|"func"|"block", start_line, name)
    header_start = 0
    paren = 0
    i, n = 0, len(text)
    line_of = [0] * (n + 1)
    line = 1
    for k, ch in enumerate(text):
        line_of[k] = line
        if ch == "\n":
            line += 1
    line_of[n] = line
    in_func = lambda: any(s[0] == "func" for s in stack)
    while i < n:
        c = text[i]
        if c == "(":
            paren += 1
        elif c == ")":
            paren = max(0, paren - 1)
        elif c == "{":
            if in_func() or paren:
                stack.append(("block", 0, None))
            else:
                header = text[header_start:i]
                name = function_name(header) if "(" in header else None
                # a brace initialiser inside a constructor's initialiser list: part of the header
                if name is None and re.search(r"\)\s*:\s*[^;{}]*$", header) and re.search(r"[\w>]\s*$", header) \
                        and not re.search(r"\b(class|struct|union|enum|namespace)\b", header):
                    depth = 1
                    j = i + 1
                    while j < n and depth:
                        depth += {"{": 1, "}": -1}.get(text[j], 0)
                        j += 1
                    i = j
                    continue
                if name:
                    start = header_start + len(header) - len(header.lstrip())
                    # the line of the name, not of a template<> or attribute line above it
                    pstart = header.find(name.split("::")[0]) if name.split("::")[0] in header else 0
                    stack.append(("func", line_of[header_start + max(pstart, 0)], name))
                else:
                    stack.append(("scope", 0, None))
            header_start = i + 1
        elif c == "}":
            if stack:
                kind, start, name = stack.pop()
                if kind == "func":
                    found.append((name, start, line_of[i]))
            header_start = i + 1
        elif c == ";" and not paren:
            header_start = i + 1
        i += 1
    return found


def sources(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for f in sorted(files):
                    if f.endswith((".cpp", ".h", ".hpp", ".cc")):
                        yield os.path.join(root, f)
        else:
            yield p


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=150, help="list functions longer than N lines (default 150)")
    ap.add_argument("paths", nargs="*", default=["src"])
    a = ap.parse_args()
    rows = []
    for path in sources(a.paths):
        for name, start, end in functions(path):
            length = end - start + 1
            if length > a.n:
                rows.append((length, path, start, end, name))
    rows.sort(key=lambda r: (-r[0], r[1], r[2]))
    for length, path, start, end, name in rows:
        print(f"{length:5d}  {path}:{start}-{end}  {name}")
    if not rows:
        print(f"no function longer than {a.n} lines")


if __name__ == "__main__":
    main()

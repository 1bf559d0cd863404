#!/usr/bin/env python3
"""compare.py -- runs xcv-limbo over an x509-limbo suite and compares the
results with the suite's expectations and tests/limbo/expected.txt.

expected.txt lists every testcase whose result differs from the suite's
expected_result, one per line: `<id> <actual> <one-line reason>` ('#' starts
a comment line). The check fails on:
  - a difference that is not listed (or listed with another actual result);
  - a listed id that now matches its expectation, or that is not in the suite
    (keep the list honest);
  - a false accept (expected FAILURE, got SUCCESS), unless the testcase is the
    non-webpki side of a `conflicts_with` pair whose webpki side matches (the
    suite says one of the two must fail: xcv takes the webpki side); such an
    allowed false accept must still be listed;
  - a SKIPPED result whose context is not about CRLs (the only feature xcv
    does not implement); skipped testcases must be listed too.

Usage: compare.py --harness build/xcv-limbo --limbo limbo.json
                  --expected tests/limbo/expected.txt [--print-diffs]
The suite path is taken from $XCV_LIMBO_JSON when set. Exit codes: 0 pass,
1 fail, 2 harness error, 77 suite absent (ctest SKIP_RETURN_CODE).
"""
import argparse
import json
import os
import subprocess
import sys


def load_expected(path):
    listed = {}
    errors = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = line.split(None, 2)
            if len(parts) < 3:
                errors.append(f"{path}:{lineno}: want `<id> <actual> <reason>`")
                continue
            tid, actual, reason = parts
            if actual not in ("SUCCESS", "FAILURE", "SKIPPED"):
                errors.append(f"{path}:{lineno}: bad actual result {actual!r}")
                continue
            if tid in listed:
                errors.append(f"{path}:{lineno}: {tid} listed twice")
            listed[tid] = (actual, reason)
    return listed, errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--harness", required=True)
    ap.add_argument("--limbo", required=True)
    ap.add_argument("--expected", required=True)
    ap.add_argument("--print-diffs", action="store_true",
                    help="print every difference as an expected.txt line (context as reason)")
    args = ap.parse_args()

    suite_path = os.environ.get("XCV_LIMBO_JSON") or args.limbo
    if not os.path.exists(suite_path):
        print(f"limbo: suite not found at {suite_path} (set XCV_LIMBO_JSON); skipped")
        return 77

    with open(suite_path, "rb") as f:
        suite_bytes = f.read()
    suite = json.loads(suite_bytes)
    proc = subprocess.run([args.harness], input=suite_bytes, stdout=subprocess.PIPE)
    if proc.returncode != 0:
        print(f"limbo: harness exited with {proc.returncode}")
        return 2
    results = json.loads(proc.stdout)
    actual = {r["id"]: (r["actual_result"], r.get("context") or "") for r in results["results"]}

    listed, errors = load_expected(args.expected)
    tcs = {t["id"]: t for t in suite["testcases"]}

    matched = false_accepts = allowed_accepts = false_rejects = skipped = other = 0
    diffs = []
    for tid, t in tcs.items():
        want = t["expected_result"]
        if tid not in actual:
            errors.append(f"{tid}: no result from the harness")
            continue
        got, ctx = actual[tid]
        if got == want:
            matched += 1
            if tid in listed:
                errors.append(f"{tid}: listed in expected.txt but now matches ({got}): remove it")
            continue
        diffs.append(f"{tid} {got} {ctx}")
        entry = listed.get(tid)
        if got == "SKIPPED":
            skipped += 1
            if "crl" not in ctx.lower():
                errors.append(f"{tid}: SKIPPED for a reason other than CRLs: {ctx}")
        elif want == "FAILURE" and got == "SUCCESS":
            # One side of a conflicts_with pair must fail; xcv takes the
            # webpki side, so only the non-webpki side may be accepted.
            partners = t.get("conflicts_with") or []
            partners_ok = partners and not tid.startswith("webpki::") and all(
                p in tcs and actual.get(p, ("",))[0] == tcs[p]["expected_result"]
                for p in partners)
            if partners_ok:
                allowed_accepts += 1
            else:
                false_accepts += 1
                errors.append(f"{tid}: FALSE ACCEPT (expected FAILURE, got SUCCESS)")
        elif want == "SUCCESS" and got == "FAILURE":
            false_rejects += 1
        else:
            other += 1
        if entry is None:
            errors.append(f"{tid}: unlisted difference: expected {want}, got {got} ({ctx})")
        elif entry[0] != got:
            errors.append(f"{tid}: listed as {entry[0]} but got {got} ({ctx})")

    for tid in listed:
        if tid not in tcs:
            errors.append(f"{tid}: listed in expected.txt but not in the suite")

    if args.print_diffs:
        for d in diffs:
            print(d)

    total = len(tcs)
    print(f"limbo: matched {matched}/{total}, false accepts {false_accepts} "
          f"(+{allowed_accepts} allowed conflicts_with), false rejects {false_rejects}, "
          f"skipped {skipped}" + (f", other {other}" if other else ""))
    for e in errors:
        print("  " + e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

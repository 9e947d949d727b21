"""`netcoach rules [ID]`: list the networking guidelines, or show one in full."""

from __future__ import annotations

import argparse
import sys
import textwrap


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", nargs="?", help="a guideline id, e.g. value-first")


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=indent)


def run(args: argparse.Namespace) -> int:
    from coach_rules.guidelines import UnknownGuidelineError, all_guidelines, get_guideline
    from coach_rules.review import VERDICT_RULE

    if args.id is None:
        guidelines = all_guidelines()
        width = max(len(g.id) for g in guidelines)
        for guideline in guidelines:
            print(f"{guideline.id:<{width}}  {guideline.points:+3d}  {guideline.principle}")
        print()
        print(textwrap.fill(VERDICT_RULE, width=88))
        print("Each number is what breaking that guideline costs the score.")
        print("\nShow one in full with: netcoach rules ID")
        return 0

    try:
        guideline = get_guideline(args.id)
    except UnknownGuidelineError:
        known = ", ".join(g.id for g in all_guidelines())
        print(f"There is no guideline called {args.id!r}. Known ids: {known}.", file=sys.stderr)
        return 2

    print(f"{guideline.id}: {guideline.title} (breaking it costs {-guideline.points} points)")
    print(_wrap(guideline.principle))
    print("\nWhy it matters")
    print(_wrap(guideline.why))
    print("\nWhat triggers it in a draft")
    for trigger in guideline.triggers:
        print(textwrap.fill(trigger, width=88, initial_indent="  - ", subsequent_indent="    "))
    print("\nAdvice")
    print(_wrap(guideline.advice))
    print("\nBefore")
    print(_wrap(guideline.before))
    print("After")
    print(_wrap(guideline.after))
    return 0

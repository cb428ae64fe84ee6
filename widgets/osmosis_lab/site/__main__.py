"""``python -m osmosis_lab.site DEST [LESSON ...]``: build the static site into DEST.

Run it from the repository root (``make site`` does). Naming lessons builds only
those, for a quick preview of one page.
"""

import argparse
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    try:
        from .build import build_site
        from .execute import SiteBuildError
    except ImportError as missing:  # names the extra to install; no traceback for a newcomer
        print(f"python -m osmosis_lab.site: {missing}", file=sys.stderr)
        return 2
    parser = argparse.ArgumentParser(prog="python -m osmosis_lab.site", description=__doc__)
    parser.add_argument("dest", type=Path, help="folder to write the site into, e.g. site")
    parser.add_argument("lessons", type=Path, nargs="*", help="only these lessons (default: all)")
    parser.add_argument("--lessons-dir", type=Path, default=Path("lessons"))
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        pages = build_site(args.dest, args.lessons_dir, only=args.lessons or None)
    except SiteBuildError as error:
        print(f"make site: {error}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - start
    print(f"wrote {len(pages)} lesson pages to {args.dest}/ in {seconds:.0f} s")
    print(f"open {args.dest / 'index.html'} in a browser to preview or print")
    return 0


if __name__ == "__main__":
    sys.exit(main())

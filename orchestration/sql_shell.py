"""`make sql`: a read-only SQL prompt on the published warehouse (safe while a refresh runs)."""

import sys

import duckdb

from orchestration import locations


def main() -> int:
    path = locations.published_path()
    if not path.exists():
        print(f"{path} does not exist yet: run `make run` first", file=sys.stderr)
        return 1
    connection = duckdb.connect(str(path), read_only=True)
    print(f"{path} (read-only). End a statement with ';'. Ctrl-D quits.")
    buffer = ""
    while True:
        try:
            line = input("sql> " if not buffer else "...> ")
        except EOFError:
            print()
            return 0
        buffer += line + "\n"
        if not buffer.strip().endswith(";"):
            continue
        try:
            connection.sql(buffer).show(max_width=200)
        except duckdb.Error as error:
            print(f"error: {error}")
        except AttributeError:
            pass  # a statement without a result (e.g. SET)
        buffer = ""


if __name__ == "__main__":
    sys.exit(main())

"""The rules type-check: mypy finds no error in `game/core`.

Type errors in the core are bugs waiting for an unusual state (an award read before there is
one), and a compiled core (mypyc) refuses to build while any is left."""

from pathlib import Path

from mypy import api

CORE = Path(__file__).resolve().parents[2] / "game" / "core"


def test_core_type_checks(tmp_path: Path) -> None:
    out, err, status = api.run([
        str(CORE), "--follow-imports=silent", "--cache-dir", str(tmp_path / "cache"),
        "--no-error-summary", "--hide-error-context",
    ])
    assert status == 0, out + err

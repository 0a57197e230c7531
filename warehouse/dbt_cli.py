"""The project's `dbt` (``council-dbt``): dbt itself, whose parse state does not name the
warehouse folder.

dbt parses only what changed since its last parse (partial parsing), but it throws its parse
state away, and parses the whole project again (some 9 s of one core), when the profile it was
made with differs from the current one in any value. The profile names the working DB, so every
new, copied or moved warehouse folder parsed the whole project, although nothing of the parse
depends on where that file is: the models see the database's name (``work``, from the file
name), never its path.

``share_parse_state_between_folders`` makes dbt's profile check leave the path out. Every dbt
command of the project runs with it (the warm dbt server, ``make install``'s parse, dagster-dbt
outside ``make warehouse``), so a parse state made for one folder serves every other: a new
warehouse starts from the one ``make install`` made (dbt_warmup.seed_parse_state), and a
copied warehouse keeps its own. dbt's other checks (dbt version, vars, project files, the memory
limit and every other profile value) are untouched.
"""

from __future__ import annotations

import os
import pprint
import shutil
import sys
from pathlib import Path

from warehouse import settings

PARSE_STATE = "partial_parse.msgpack"
"""dbt's parse state, in its target folder."""
INSTALL_PARSE_STATE = settings.DBT_PROJECT_DIR / "target" / PARSE_STATE
"""The parse state ``make install`` made (``council-dbt parse`` into dbt/target)."""
CLIENT_ENV = "COUNCIL_DBT_CLIENT"
"""Set while ``make warehouse`` has its warm dbt server up (dagster_project/dbt_warmup.py): the
executable that runs a dbt command in a child of that server, with dbt already imported."""
PATH_FREE = "_council_path_free"
"""Set on dbt's state check once it leaves the path out (the patch is applied once)."""


def share_parse_state_between_folders() -> bool:
    """dbt's partial-parse state check, with the working DB's path left out of the profile's
    hash (dbt-core 1.11: ``ManifestLoader.build_manifest_state_check``); True once it is.

    Only a speed-up: where dbt is not as expected (another dbt-core whose names moved), dbt
    keeps its own check, and a folder whose path changed is parsed whole, as before."""
    try:
        from dbt.artifacts.resources.base import FileHash
        from dbt.parser.manifest import ManifestLoader

        original = ManifestLoader.build_manifest_state_check
    except (ImportError, AttributeError):
        return False
    if getattr(original, PATH_FREE, False):
        return True

    def build_manifest_state_check(self):
        state = original(self)
        try:
            connection = sorted(
                (key, value)
                for key, value in self.root_project.credentials.connection_info()
                if key != "path"
            )
            state.profile_hash = FileHash.from_contents(pprint.pformat(connection))
        except (AttributeError, TypeError):
            pass  # dbt's own hash: a parse state for this folder only
        return state

    setattr(build_manifest_state_check, PATH_FREE, True)
    ManifestLoader.build_manifest_state_check = build_manifest_state_check
    return True


def executable() -> str:
    """The project's dbt: ``council-dbt`` beside this interpreter (installed with the project),
    else the plain `dbt` beside it (it works the same, with a parse state of its own), else the
    `dbt` on the PATH."""
    for name in ("council-dbt", "dbt"):
        candidate = Path(sys.executable).with_name(name)
        if candidate.exists():
            return str(candidate)
    return "dbt"


def warm_executable() -> str:
    """The dbt to run a command with now: the warm dbt server's client while a build has one
    up, the project's dbt otherwise."""
    return os.environ.get(CLIENT_ENV) or executable()


def seed_parse_state(target: Path) -> bool:
    """Give a dbt target folder with no parse state the one ``make install`` made, so that the
    first dbt command there parses only what changed since; True if one was copied. The copy is
    made under another name and renamed: a reader never sees half a file."""
    if (target / PARSE_STATE).exists() or not INSTALL_PARSE_STATE.exists():
        return False
    target.mkdir(parents=True, exist_ok=True)
    partial = target / f"{PARSE_STATE}.{os.getpid()}.tmp"
    shutil.copyfile(INSTALL_PARSE_STATE, partial)
    partial.replace(target / PARSE_STATE)
    return True


def main() -> None:
    """What the `dbt` console script runs, with the parse state shared between folders."""
    share_parse_state_between_folders()
    from dbt.cli.main import cli

    sys.exit(cli())


if __name__ == "__main__":
    main()

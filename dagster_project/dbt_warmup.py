"""dbt warmed up beside a build: imported once, and the project parsed for a new warehouse.

Two costs come before every dbt command builds anything. Importing dbt-core and the DuckDB
adapter takes some 2 s of one core, in each of the publish's dbt processes (the pack step, the
cross-pack step). And dbt parses only what changed since its last parse (partial parsing): a
warehouse folder with no parse state of its own parses the whole project, some 9 s of one core.

``make warehouse`` (dagster_project/build.py) therefore starts the warm dbt server
(dbt_server.py) as it begins, so that both happen on the other core while the build imports
Dagster, plans and loads. The server imports dbt once; for a new warehouse folder its first job
is ``dbt parse`` (which never opens the database); then each dbt command of the build forks from
it with dbt imported and finds the project parsed.

The project's dbt (warehouse/dbt_cli.py) keeps the working DB's path out of its parse state, so
a parse state made for one folder serves any other. A new warehouse folder starts from the one
``make install`` made in dbt/target (``seed_parse_state``): its first parse reads only the
project files changed since. A warehouse folder copied or moved keeps its own. Beside the parse
state, `parse_profile.json` records what of the profile the state was made with and still
matters (the memory limit); a warehouse run with another memory limit is parsed again. If the
parse fails, the transform's dbt parses (and reports the problem) as it would without it; if the
server fails, dbt_client.py runs the project's dbt itself.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from dagster_project import dbt_client
from warehouse import dbt_cli, settings

PARSE_PROFILE = "parse_profile.json"
TIMEOUT_SECONDS = 300


def parse_profile() -> dict[str, str]:
    """What of the dbt profile (dbt/profiles.yml) differs between runs and is in the parse
    state (not the working DB's path: dbt_cli.share_parse_state_between_folders)."""
    return {settings.MEMORY_LIMIT_ENV: settings.memory_limit()}


def needs_parse(warehouse_dir: Path) -> bool:
    """The warehouse's dbt has not parsed the project with this profile: a new warehouse
    folder, or one run with another memory limit."""
    target = settings.dbt_target_dir(warehouse_dir)
    try:
        recorded = json.loads((target / PARSE_PROFILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True
    return recorded != parse_profile() or not (target / dbt_cli.PARSE_STATE).exists()


def seed_parse_state(warehouse_dir: Path) -> bool:
    """A warehouse folder with no parse state gets the one ``make install`` made."""
    return dbt_cli.seed_parse_state(settings.dbt_target_dir(warehouse_dir))


def parse_command(warehouse_dir: Path) -> list[str]:
    return [
        dbt_cli.executable(),
        "--no-send-anonymous-usage-stats",  # nothing leaves the machine (as dagster-dbt's)
        "--log-format-file",
        "json",  # dbt.log in the format of the pipeline's invocations
        "parse",
        "--profiles-dir",
        str(settings.DBT_PROFILES_DIR),
        "--target-path",
        str(settings.dbt_target_dir(warehouse_dir)),
        "--quiet",
    ]


def record_parse_profile(warehouse_dir: Path) -> None:
    """After a successful `dbt parse`: what of the profile it parsed with (needs_parse)."""
    profile = json.dumps(parse_profile(), indent=1)
    target = settings.dbt_target_dir(warehouse_dir)
    (target / PARSE_PROFILE).write_text(profile, encoding="utf-8")


def server_log(warehouse_dir: Path) -> Path:
    """The warm dbt server's log of the commands it ran in the last build (a JSON line each), in
    the build folder; beside it, `dbt_server.stderr` has anything the server itself said."""
    return settings.build_dir(warehouse_dir) / "dbt_server.jsonl"


def can_execute_in(folder: Path) -> bool:
    """Files in `folder` can be run (its file system is not mounted noexec)."""
    return not os.statvfs(folder).f_flag & os.ST_NOEXEC


def write_client(folder: Path) -> Path:
    """dbt_client.py as an executable beside the socket, run by this interpreter with ``-IS``
    (no site-packages, no environment: the client needs only the standard library)."""
    client = folder / "dbt"
    source = (Path(__file__).with_name("dbt_client.py")).read_text(encoding="utf-8")
    client.write_text(f"#!{sys.executable} -IS\n{source}", encoding="utf-8")
    client.chmod(0o755)
    return client


@dataclass(frozen=True)
class WarmDbt:
    client: Path  # the executable run_dbt gives dagster-dbt as "dbt"
    server_pid: int


def start_server(warehouse_dir: Path, socket_path: Path) -> subprocess.Popen:
    """dbt_server.py in a child process, serving on `socket_path`, which is bound and listening
    before the child starts: dbt commands queue on it from now on, while the server imports."""
    log = server_log(warehouse_dir)
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text("", encoding="utf-8")  # this build's commands
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(socket_path))
    listener.listen(16)
    command = [sys.executable, "-m", "dagster_project.dbt_server"]
    command += ["--listen-fd", str(listener.fileno()), "--parent", str(os.getpid())]
    command += ["--log", str(log)]
    seed_parse_state(warehouse_dir)
    if needs_parse(warehouse_dir):
        command += ["--parse-warehouse", str(warehouse_dir)]
    with listener, log.with_suffix(".stderr").open("w", encoding="utf-8") as errors:
        return subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,  # a server that fails says why there; dbt runs without it
            cwd=settings.REPO_ROOT,
            pass_fds=[listener.fileno()],
            # out of the terminal's process group: a Ctrl-C reaches each dbt child once,
            # through its client (as it reaches a dbt that dagster-dbt started itself)
            start_new_session=True,
        )


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()  # it stops its running dbt child, if any, then itself
    try:
        server.wait(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


@contextmanager
def warm_dbt_beside(warehouse_dir: Path) -> Iterator[WarmDbt | None]:
    """``with warm_dbt_beside(warehouse):`` starts the warm dbt server (dbt_server.py) for the
    block, parsing a new warehouse's project first, and points this process's dbt commands
    (run_dbt, through $COUNCIL_DBT_CLIENT) at it; yields its client and process. Leaving the
    block stops the server and its child, if one still runs. Where no executable can be
    written, it yields None and dbt runs as it would without it."""
    folder = Path(tempfile.mkdtemp(prefix="council-dbt-"))  # a socket path must stay short
    try:
        if not can_execute_in(folder):
            yield None
            return
        client = write_client(folder)
        socket_path = folder / "dbt.sock"
        server = start_server(warehouse_dir, socket_path)
        variables = {
            dbt_client.SOCKET_ENV: str(socket_path),
            dbt_client.REAL_DBT_ENV: dbt_cli.executable(),
            dbt_cli.CLIENT_ENV: str(client),
        }
        os.environ.update(variables)
        try:
            yield WarmDbt(client, server.pid)
        finally:
            for name in variables:
                os.environ.pop(name, None)
            stop_server(server)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

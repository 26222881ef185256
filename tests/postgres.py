"""A real, throw-away PostgreSQL server for the tests and the store benchmark.

`TemporaryServer.start()` finds PostgreSQL's own programs (``initdb``, ``pg_ctl``; Debian keeps
them in /usr/lib/postgresql/<version>/bin), makes a cluster in a fresh temporary folder, starts it
on a free loopback port with password (SCRAM) logins, and creates the role and database a shop
would (``shop`` owning ``claims``). PostgreSQL refuses to run as root, so under root the cluster
belongs to an unprivileged user (``nobody``) and its programs run through ``setpriv``.
`stop()` shuts it down and removes the folder.

``durable=False`` (the tests) turns fsync off: the tests are about behaviour, and a crash of the
test machine loses nothing anyone needs. The benchmark keeps PostgreSQL's defaults, so its
saves/s compare fairly with SQLite's ``synchronous=FULL``.

No mock anywhere: the app talks to this server through psycopg exactly as it would to a shop's.
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROLE = "shop"
DATABASE = "claims"
SUPERUSER = "postgres"


class ServerUnavailableError(Exception):
    """PostgreSQL's programs are not on this machine (the reason is the message)."""


def find_bindir() -> Path:
    """The folder holding initdb, pg_ctl and postgres, newest version first."""
    candidates = []
    override = os.environ.get("SELLER_APP_TEST_PG_BINDIR")
    if override:
        candidates.append(Path(override))
    candidates += sorted(
        (Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin")),
        key=lambda p: _version_key(p.parent.name),
        reverse=True,
    )
    candidates += [Path(p) for p in glob.glob("/opt/homebrew/opt/postgresql*/bin")]
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    config = shutil.which("pg_config")
    if config:
        try:
            out = subprocess.run(
                [config, "--bindir"],
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                check=True,
            )
            candidates.append(Path(out.stdout.strip()))
        except (OSError, subprocess.CalledProcessError):
            pass
    for folder in candidates:
        if all((folder / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    raise ServerUnavailableError(
        "PostgreSQL not found (initdb, pg_ctl, postgres): install it, e.g. apt-get install "
        "postgresql, or set SELLER_APP_TEST_PG_BINDIR"
    )


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split(".") if part.isdigit()) or (0,)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class TemporaryServer:
    durable: bool = False
    bindir: Path = field(default_factory=find_bindir)
    port: int = 0
    password: str = field(default_factory=lambda: secrets.token_hex(12))
    folder: Path | None = None
    _as_user: list[str] = field(default_factory=list)

    # ------------------------------------------------------------------ life cycle

    def start(self) -> TemporaryServer:
        self.folder = Path(tempfile.mkdtemp(prefix="seller-claims-pg-"))
        os.chmod(self.folder, 0o755)  # the unprivileged owner below must reach its cluster
        data = self.folder / "cluster"
        data.mkdir()
        pwfile = self.folder / "superuser.pw"
        pwfile.write_text(self.password + "\n", encoding="utf-8")
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            import pwd

            nobody = pwd.getpwnam("nobody")
            for path in (data, pwfile):
                os.chown(path, nobody.pw_uid, nobody.pw_gid)
            os.chmod(data, 0o700)
            if shutil.which("setpriv"):
                self._as_user = [
                    "setpriv",
                    f"--reuid={nobody.pw_uid}",
                    f"--regid={nobody.pw_gid}",
                    "--clear-groups",
                ]
            elif shutil.which("runuser"):
                self._as_user = ["runuser", "-u", "nobody", "--"]
            else:
                shutil.rmtree(self.folder, ignore_errors=True)
                raise ServerUnavailableError(
                    "running as root and neither setpriv nor runuser is there to start "
                    "PostgreSQL as an unprivileged user"
                )
        self.port = self.port or free_port()
        self._run(
            "initdb",
            "-D",
            str(data),
            "-U",
            SUPERUSER,
            f"--pwfile={pwfile}",
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )
        pwfile.unlink()
        options = [
            f"-p {self.port}",
            "-c listen_addresses=127.0.0.1",
            "-c unix_socket_directories=''",
            "-c max_connections=60",
            "-c shared_buffers=32MB",
        ]
        if not self.durable:
            options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        self._run(
            "pg_ctl",
            "-D",
            str(data),
            "-l",
            str(data / "server.log"),
            "-o",
            " ".join(options),
            "-w",
            "-t",
            "60",
            "start",
        )
        self.admin(
            f"CREATE ROLE {ROLE} LOGIN PASSWORD '{self.password}'",
            f"CREATE DATABASE {DATABASE} OWNER {ROLE}",
        )
        return self

    def stop(self) -> None:
        if self.folder is None:
            return
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run("pg_ctl", "-D", str(self.folder / "cluster"), "-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None

    def _run(self, program: str, *args: str) -> None:
        command = [*self._as_user, str(self.bindir / program), *args]
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            cwd=self.folder,
        )
        if result.returncode != 0:
            raise subprocess.CalledProcessError(
                result.returncode, command, result.stdout, result.stderr
            )

    # ------------------------------------------------------------------ talking to it

    def url(self, database: str = DATABASE, *, user: str = ROLE, password: bool = True) -> str:
        secret = f":{self.password}" if password else ""
        return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def admin(self, *statements: str, database: str = "postgres") -> None:
        """Run statements as the superuser, each on its own (CREATE DATABASE cannot be in a
        transaction)."""
        import psycopg

        with psycopg.connect(
            self.url(database, user=SUPERUSER), autocommit=True, connect_timeout=10
        ) as conn:
            for statement in statements:
                conn.execute(statement)  # type: ignore[arg-type]

    def fresh_schema(self, name: str) -> str:
        """A new, empty schema owned by the shop role; the URL whose connections use it."""
        self.admin(
            f"DROP SCHEMA IF EXISTS {name} CASCADE",
            f"CREATE SCHEMA {name} AUTHORIZATION {ROLE}",
            database=DATABASE,
        )
        return f"{self.url()}?options=-csearch_path%3D{name}"

"""A throwaway PostgreSQL server for the test suite, on loopback, from the machine's packages.

initdb refuses to run as root, so as root the cluster is created and run as the ``postgres``
system user (created by Debian's package). Anything that prevents a start is kept in
``error`` so the PostgreSQL tests are skipped with that reason instead of failing.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path


def _find_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PostgresServer:
    port: int = 0
    datadir: Path | None = None
    error: str = ""
    _run_as: list[str] = field(default_factory=list)
    _pg_ctl: str = ""

    @classmethod
    def start(cls) -> PostgresServer:
        server = cls()
        url = os.environ.get("COOP_DESK_TEST_PG_URL")
        if url:  # an existing server chosen by the developer
            server.error = ""
            server._external = url  # type: ignore[attr-defined]
            return server
        try:
            import psycopg  # noqa: F401
        except ImportError:
            server.error = "psycopg is not installed (pip install 'coop-desk[postgres]')"
            return server
        initdb, pg_ctl = _find_bin("initdb"), _find_bin("pg_ctl")
        if not initdb or not pg_ctl:
            server.error = "no PostgreSQL server programs (initdb, pg_ctl) on this machine"
            return server
        server._pg_ctl = pg_ctl
        base = Path(tempfile.mkdtemp(prefix="coop-desk-pg-"))
        server.datadir = base / "data"
        if os.geteuid() == 0:
            runuser = shutil.which("runuser")
            try:
                import pwd

                pwd.getpwnam("postgres")
            except KeyError:
                server.error = "running as root and there is no 'postgres' user to run the server"
                return server
            if not runuser:
                server.error = "running as root and runuser is missing"
                return server
            shutil.chown(base, "postgres")
            os.chmod(base, 0o700)
            server._run_as = [runuser, "-u", "postgres", "--"]
        server.port = _free_port()
        try:
            server._run(
                [
                    initdb,
                    "-D",
                    str(server.datadir),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync",
                ]
            )
            server._run(
                [
                    pg_ctl,
                    "-D",
                    str(server.datadir),
                    "-l",
                    str(base / "log"),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    f"-c listen_addresses=127.0.0.1 -p {server.port} -k {base} "
                    "-c fsync=off -c full_page_writes=off -c synchronous_commit=off",
                    "start",
                ]
            )
        except (subprocess.CalledProcessError, OSError) as exc:
            output = getattr(exc, "stderr", b"") or getattr(exc, "stdout", b"") or b""
            text = output.decode(errors="replace").strip().splitlines()[-1:] if output else []
            server.error = f"the test server did not start ({exc}; {' '.join(text)})"
        return server

    def _run(self, cmd: list[str]) -> None:
        subprocess.run([*self._run_as, *cmd], check=True, capture_output=True, timeout=120)

    @property
    def admin_url(self) -> str:
        external = getattr(self, "_external", None)
        if external:
            return str(external)
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def create_database(self) -> str:
        """A new empty database on the server; returns its URL."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        admin = self.admin_url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.admin_url.rsplit("/", 1)[0] + f"/{name}"

    def password_database(self) -> tuple[str, str]:
        """A new role that must sign in with a password (scram-sha-256 from loopback) and a
        database it owns: returns the database's URL *without* the password, and the password.
        Only on the server started here (its pg_hba.conf is edited)."""
        import psycopg

        if self.datadir is None:
            raise RuntimeError("needs the test server started here, not an external one")
        role = f"r_{uuid.uuid4().hex[:10]}"
        password = uuid.uuid4().hex
        hba = self.datadir / "pg_hba.conf"
        rule = f"host all {role} 127.0.0.1/32 scram-sha-256\n"
        hba.write_text(rule + hba.read_text())
        admin = self.admin_url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
            conn.execute(f'CREATE DATABASE "{role}" OWNER {role}')
            before = conn.execute("SELECT pg_conf_load_time()").fetchone()
            conn.execute("SELECT pg_reload_conf()")
        # The postmaster reloads on a signal: wait until a new session runs the new rules.
        for _attempt in range(10_000):
            with psycopg.connect(admin, autocommit=True) as conn:
                if conn.execute("SELECT pg_conf_load_time()").fetchone() != before:
                    break
        return f"postgresql://{role}@127.0.0.1:{self.port}/{role}", password

    def stop(self) -> None:
        if self.datadir and self._pg_ctl and not self.error:
            try:
                self._run([self._pg_ctl, "-D", str(self.datadir), "-m", "immediate", "stop"])
            except (subprocess.CalledProcessError, OSError):
                pass  # the directory is removed next anyway
        if self.datadir:
            shutil.rmtree(self.datadir.parent, ignore_errors=True)

"""Where a shop's shared case store lives: a PostgreSQL server on the shop's LAN.

`ServerSettings` are what the 设置 › 共享案件库 dialog asks for and what ``--database URL`` /
``SELLER_APP_DATABASE_URL`` say: host, port, database, user (and libpq options such as
``sslmode``). The password is never part of the settings: it comes from the URL, the keychain
(`ServerSettings.password_key`, through `seller_app.credentials`), ``SELLER_APP_DATABASE_PASSWORD``
or a prompt.

``postgresql://shop@192.168.1.20:5432/claims`` -- user ``shop``, server 192.168.1.20, database
``claims``. A URL given with a password (``postgresql://shop:secret@...``) works too, but other
users of the PC can read command lines: prefer the keychain or the environment variable.

`server_problem` turns what psycopg raises into the one line the user reads: unreachable, wrong
password, no such database, no permission.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .errors import StoreError, text

if TYPE_CHECKING:
    import psycopg

    from ..credentials import KeyStore

DEFAULT_PORT = 5432
CONNECT_TIMEOUT_S = 10
URL_ENV = "SELLER_APP_DATABASE_URL"
PASSWORD_ENV = "SELLER_APP_DATABASE_PASSWORD"
_SCHEMES = ("postgresql://", "postgres://")
# libpq parameters a URL may carry besides host, port, dbname, user, password.
_EXTRA = frozenset(
    {
        "sslmode",
        "sslrootcert",
        "sslcert",
        "sslkey",
        "options",
        "connect_timeout",
        "target_session_attrs",
    }
)


class ServerUnreachableError(StoreError):
    """The shop server cannot be reached (down, wrong address, network): the GUI offers to keep
    working on the local store. Nothing was written anywhere."""

    def message(self, lang: str = "zh") -> str:
        params = dict(self.params)
        reason = params.get("detail")
        if isinstance(reason, Reason):  # why, in words where we have them
            params["detail"] = reason.words(lang)
        return text(self.code, lang, **params)


class ServerLoginError(StoreError):
    """The server refused the user name or password."""


@dataclass(frozen=True)
class ServerSettings:
    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT
    extra: tuple[tuple[str, str], ...] = ()
    connect_timeout: int = CONNECT_TIMEOUT_S

    @classmethod
    def from_url(cls, url: str) -> tuple[ServerSettings, str | None]:
        """(settings, the password the URL carries or None); ``bad_database_url`` `StoreError`
        naming what is missing. The password is never echoed."""
        from psycopg.conninfo import conninfo_to_dict

        text = url.strip()
        if not text.lower().startswith(_SCHEMES):
            raise StoreError("bad_database_url", url=_safe_url(text), detail="postgresql://")
        try:
            parts: dict[str, Any] = conninfo_to_dict(text)
        except Exception as error:  # psycopg.ProgrammingError: a malformed URL
            raise StoreError(
                "bad_database_url", url=_safe_url(text), detail=str(error).splitlines()[0]
            ) from None
        for needed in ("host", "dbname", "user"):
            if not parts.get(needed):
                raise StoreError("bad_database_url", url=_safe_url(text), detail=needed)
        try:
            port = int(parts.get("port") or DEFAULT_PORT)
            if not 0 < port < 65536:
                raise ValueError(port)
        except ValueError:
            raise StoreError("bad_database_url", url=_safe_url(text), detail="port") from None
        unknown = set(parts) - _EXTRA - {"host", "port", "dbname", "user", "password"}
        if unknown:
            raise StoreError(
                "bad_database_url", url=_safe_url(text), detail=", ".join(sorted(unknown))
            )
        extra = tuple(sorted((k, str(v)) for k, v in parts.items() if k in _EXTRA))
        settings = cls(str(parts["host"]), str(parts["dbname"]), str(parts["user"]), port, extra)
        password = parts.get("password")
        return settings, (str(password) if password else None)

    @classmethod
    def from_fields(cls, host: str, port: int | str, database: str, user: str) -> ServerSettings:
        """Settings as the 共享案件库 dialog gathers them (its fields checked like a URL's):
        ``bad_database_url`` `StoreError` naming the field that is missing or wrong."""
        values = {"host": host.strip(), "dbname": database.strip(), "user": user.strip()}
        for name, value in values.items():
            if not value:
                raise StoreError(
                    "bad_database_url", url=f"{user}@{host}:{port}/{database}", detail=name
                )
        try:
            number = int(str(port).strip() or DEFAULT_PORT)
            if not 0 < number < 65536:
                raise ValueError(number)
        except ValueError:
            raise StoreError(
                "bad_database_url", url=f"{user}@{host}:{port}/{database}", detail="port"
            ) from None
        return cls(values["host"], values["dbname"], values["user"], number)

    def as_dict(self) -> dict[str, Any]:
        """For the app's settings file (no password: that goes to the keychain)."""
        return {
            "host": self.host,
            "port": self.port,
            "database": self.database,
            "user": self.user,
            "extra": dict(self.extra),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ServerSettings:
        settings = cls.from_fields(
            str(data.get("host", "")),
            data.get("port", DEFAULT_PORT),
            str(data.get("database", "")),
            str(data.get("user", "")),
        )
        extra = data.get("extra") or {}
        if not isinstance(extra, dict) or set(extra) - _EXTRA:
            raise StoreError("bad_database_url", url=settings.display(), detail="extra")
        return cls(
            settings.host,
            settings.database,
            settings.user,
            settings.port,
            tuple(sorted((str(k), str(v)) for k, v in extra.items())),
        )

    def url(self) -> str:
        """The settings as a URL, without a password."""
        base = (
            f"postgresql://{quote(self.user, safe='')}@{_host(self.host)}:{self.port}/"
            f"{quote(self.database, safe='')}"
        )
        if self.extra:
            base += "?" + "&".join(f"{k}={quote(v, safe='')}" for k, v in self.extra)
        return base

    def display(self) -> str:
        """How messages name the server: ``shop@192.168.1.20:5432/claims``."""
        return f"{self.user}@{_host(self.host)}:{self.port}/{self.database}"

    def password_key(self) -> str:
        """The keychain entry holding this server login's password."""
        return f"db-password:{self.display()}"

    def connect(self, password: str | None) -> psycopg.Connection[Any]:
        """An autocommit connection; `ServerUnreachableError` / `ServerLoginError` / ... when
        the server cannot be used."""
        import psycopg

        params: dict[str, Any] = dict(self.extra)
        params.setdefault("connect_timeout", str(self.connect_timeout))
        try:
            return psycopg.connect(
                host=self.host,
                port=self.port,
                dbname=self.database,
                user=self.user,
                password=password or None,
                autocommit=True,
                application_name="seller-claims",
                **params,
            )
        except psycopg.Error as error:
            problem = server_problem(error, self)
            if problem is None:
                raise
            raise problem from None


def _host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def _safe_url(text: str) -> str:
    """A URL as shown in a message: any password replaced by ``***``, at most 200 characters."""
    scheme, sep, rest = text.partition("://")
    if sep and "@" in rest:
        login, at, host = rest.rpartition("@")
        if ":" in login:
            login = login.split(":", 1)[0] + ":***"
        rest = login + at + host
    return (scheme + sep + rest)[:200]


def first_line(error: BaseException) -> str:
    text = str(error).strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0][:300] if lines else type(error).__name__


# Why a connection failed, in words, from what libpq says (English whatever the locale of the
# PC; a server's own messages may be in its language: those are shown as they are).
_REASONS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("connection refused",), "服务器上没有数据库服务在这个端口上", "nothing listens on that port"),
    (("timeout expired", "timed out"), "连接超时", "the connection timed out"),
    (
        ("could not translate host name", "name or service not known", "nodename nor servname"),
        "找不到这个服务器名",
        "the server name is not known",
    ),
    (("no route to host", "network is unreachable"), "网络不通", "no network route to the server"),
    (
        (
            "server closed the connection",
            "terminating connection",
            "consuming input failed",
            "connection is closed",
            "connection reset",
        ),
        "服务器断开了连接",
        "the server closed the connection",
    ),
    (
        ("the database system is starting up", "the database system is shutting down"),
        "服务器正在启动或关闭",
        "the server is starting up or shutting down",
    ),
)


@dataclass(frozen=True)
class Reason:
    """Why the server could not be used, shown in the user's language where we have words."""

    raw: str

    def words(self, lang: str) -> str:
        low = self.raw.lower()
        for needles, zh, en in _REASONS:
            if any(needle in low for needle in needles):
                return zh if lang == "zh" else en
        return self.raw


# SQLSTATE classes and codes (PostgreSQL appendix A).
_LOGIN = ("28000", "28P01")
_NO_DATABASE = "3D000"
_NO_PERMISSION = "42501"
_SERVER_DISK_FULL = ("53100",)
_READ_ONLY = "25006"


def server_problem(error: BaseException, settings: ServerSettings) -> StoreError | None:
    """What a psycopg error means for the user, or None for a bug in our SQL (let it raise)."""
    import psycopg

    if not isinstance(error, psycopg.Error):
        return None
    where = settings.display()
    state = getattr(error, "sqlstate", None) or ""
    text = str(error)
    if (
        state in _LOGIN
        or "password authentication failed" in text
        or "no password supplied" in text
    ):
        return ServerLoginError("server_login_failed", user=settings.user, where=where)
    if state == _NO_DATABASE or (
        "database" in text
        and "does not exist" in text
        and isinstance(error, psycopg.OperationalError)
    ):
        return StoreError("server_no_database", database=settings.database, where=where)
    if state == _NO_PERMISSION:
        return StoreError("server_no_permission", where=where, detail=first_line(error))
    if state in _SERVER_DISK_FULL:
        return StoreError("server_disk_full", where=where)
    if state == _READ_ONLY:
        return StoreError("server_read_only", where=where)
    if isinstance(error, psycopg.OperationalError | psycopg.InterfaceError):
        return ServerUnreachableError(
            "server_unreachable", where=where, detail=Reason(first_line(error))
        )
    return None


def resolve(
    server: ServerSettings | str, keys: KeyStore, password: str | None = None
) -> tuple[ServerSettings, str | None]:
    """Settings and password: a URL parsed (its password used unless `password` is given);
    without a password, the one this desk's keychain keeps for the login, if any."""
    if isinstance(server, str):
        server, in_url = ServerSettings.from_url(server)
        password = password if password is not None else in_url
    if password is None:
        from ..credentials import remembered_password

        password = remembered_password(keys, server.password_key())
    return server, password


def driver() -> tuple[str, int]:
    """(psycopg's implementation: ``binary`` for the wheel's own build, libpq's version) -- for
    the self-test of a build, which must carry the binary build and its libpq."""
    import psycopg

    return str(psycopg.pq.__impl__), int(psycopg.pq.version())


def database_url(explicit: str | None = None) -> str | None:
    """The shop server's URL: `explicit` (``--database``) or ``SELLER_APP_DATABASE_URL``;
    None for the local store."""
    value = explicit if explicit is not None else os.environ.get(URL_ENV)
    value = (value or "").strip()
    return value or None

"""The real mail servers of the integration tests, from the test's side.

scripts/mail-servers (started by scripts/test) runs a private Dovecot and a
Postfix smtp-sink on loopback and prints HD_TEST_* variables; servers() reads
them. With them a test can:

- put a raw message into any user's mailbox over IMAP (append_message; every
  user name logs in with the same password, so each test takes a mailbox of
  its own, e.g. unique_user()), and list a mailbox's messages with their
  flags and bytes (list_messages, list_folders);
- read what smtp-sink stored (sink_messages) and wait, up to a deadline, for a
  condition on it (wait_for_messages) instead of sleeping;
- run a PRIVATE smtp-sink on a free port (SmtpSink): start, stop, restart on
  the same port, or answer 4xx or 5xx, to play an SMTP server that is down or
  refusing.

Python 3 standard library only.
"""

import base64
import email
import email.policy
import imaplib
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field

HOW_TO_RUN = (
    "the mail servers are not running: run the tests through scripts/test, or start them with "
    '`eval "$(scripts/mail-servers start DIR)"` and export the HD_TEST_* variables it prints'
)
SMTP_SINK = "/usr/sbin/smtp-sink"
DEFAULT_TIMEOUT = 30  # seconds


class MailServersMissing(AssertionError):
    """The HD_TEST_* variables are not set: a test error, never a skip."""


@dataclass
class MailServers:
    imap_url: str
    pop3_url: str
    imaps_url: str
    password: str
    smtp_url: str
    sink_dir: str
    mail_dir: str

    @property
    def imap_host_port(self):
        return host_port(self.imap_url)

    @property
    def smtp_host_port(self):
        return host_port(self.smtp_url)

    def sink_pid(self):
        """The pid of the shared smtp-sink (scripts/mail-servers keeps it)."""
        try:
            with open(os.path.join(os.path.dirname(self.sink_dir), "smtp-sink.pid")) as f:
                return int(f.read().strip())
        except (OSError, ValueError):
            return None


def servers():
    """The servers of scripts/mail-servers; MailServersMissing without them."""
    names = {
        "imap_url": "HD_TEST_IMAP_URL",
        "pop3_url": "HD_TEST_POP3_URL",
        "imaps_url": "HD_TEST_IMAPS_URL",
        "password": "HD_TEST_MAIL_PASSWORD",
        "smtp_url": "HD_TEST_SMTP_URL",
        "sink_dir": "HD_TEST_SMTP_SINK_DIR",
        "mail_dir": "HD_TEST_MAIL_DIR",
    }
    missing = [var for var in names.values() if not os.environ.get(var)]
    if missing:
        raise MailServersMissing(f"not set: {', '.join(missing)}. {HOW_TO_RUN}")
    return MailServers(**{key: os.environ[var] for key, var in names.items()})


def host_port(url):
    """("127.0.0.1", 1143) from "imap://127.0.0.1:1143/INBOX"."""
    match = re.match(r"^[a-z0-9]+://([^/:]+):(\d+)", url)
    if not match:
        raise ValueError(f"no host:port in {url!r}")
    return match.group(1), int(match.group(2))


def unique_user(prefix="customer"):
    """A mailbox of the caller's alone: Dovecot takes any user name."""
    return f"{prefix}-{os.getpid()}-{uuid.uuid4().hex[:10]}@test.example"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(condition, timeout=DEFAULT_TIMEOUT, interval=0.05, what="condition"):
    """Calls condition() until it returns something true, which it returns;
    TimeoutError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


# ---------------------------------------------------------------- IMAP


def _imap_encode_folder(name):
    """A folder name (str) in IMAP's modified UTF-7, quoted."""
    out, pending = [], []

    def flush():
        if pending:
            b64 = "".join(pending).encode("utf-16-be")
            out.append("&" + base64.b64encode(b64).decode().rstrip("=").replace("/", ",") + "-")
            pending.clear()

    for ch in name:
        if 0x20 <= ord(ch) <= 0x7E:
            flush()
            out.append("&-" if ch == "&" else ch)
        else:
            pending.append(ch)
    flush()
    quoted = "".join(out).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{quoted}"'


def _imap_decode_folder(name):
    """A folder name as the server lists it (modified UTF-7) as a str."""

    def decode(match):
        text = match.group(1)
        if not text:
            return "&"
        text = text.replace(",", "/")
        return base64.b64decode(text + "=" * (-len(text) % 4)).decode("utf-16-be")

    return re.sub(r"&([^-]*)-", decode, name)


class Mailbox:
    """An IMAP login as `user` (password from servers()); use with `with`."""

    def __init__(self, user, env=None):
        self.env = env or servers()
        host, port = self.env.imap_host_port
        self.imap = imaplib.IMAP4(host, port, timeout=DEFAULT_TIMEOUT)
        self.imap.login(user, self.env.password)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        try:
            self.imap.logout()
        except (imaplib.IMAP4.error, OSError):
            pass

    def _check(self, typ, data, what):
        if typ != "OK":
            raise imaplib.IMAP4.error(f"{what}: {typ} {data!r}")
        return data

    def append(self, raw, folder="INBOX", flags=""):
        """Appends `raw` (bytes or str, CRLF or LF) unread unless `flags`
        says otherwise (e.g. "\\Seen"); returns its UID."""
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        folder_arg = _imap_encode_folder(folder)
        if folder != "INBOX":
            self.imap.create(folder_arg)  # fails harmlessly when it exists
        flag_arg = f"({flags})" if flags else None
        typ, data = self.imap.append(folder_arg, flag_arg, None, raw)
        self._check(typ, data, "APPEND")
        match = re.search(rb"APPENDUID \d+ (\d+)", data[0] or b"")
        return int(match.group(1)) if match else None

    def messages(self, folder="INBOX"):
        """[StoredMail(uid, flags, raw)] of `folder`, by UID; reading them
        does not set \\Seen (BODY.PEEK)."""
        self._check(*self.imap.select(_imap_encode_folder(folder), readonly=True), "SELECT")
        typ, data = self.imap.uid("FETCH", "1:*", "(UID FLAGS BODY.PEEK[])")
        self._check(typ, data, "FETCH")
        out = []
        for item in data:
            if not isinstance(item, tuple):
                continue
            meta, raw = item
            uid = int(re.search(rb"UID (\d+)", meta).group(1))
            flags = re.search(rb"FLAGS \(([^)]*)\)", meta).group(1).decode().split()
            out.append(StoredMail(uid=uid, flags=flags, raw=raw))
        self.imap.close()
        return sorted(out, key=lambda m: m.uid)

    def folders(self):
        """The names of the user's folders, as the server lists them."""
        typ, data = self.imap.list()
        self._check(typ, data, "LIST")
        names = []
        for line in data:
            match = re.match(rb'\([^)]*\) (?:"[^"]*"|NIL) (.*)$', line)
            if match:
                names.append(_imap_decode_folder(match.group(1).decode().strip('"')))
        return names

    def uidvalidity(self, folder="INBOX"):
        typ, data = self.imap.status(_imap_encode_folder(folder), "(UIDVALIDITY)")
        self._check(typ, data, "STATUS")
        return re.search(rb"UIDVALIDITY (\d+)", data[0]).group(1).decode()


@dataclass
class StoredMail:
    uid: int
    flags: list
    raw: bytes

    @property
    def message(self):
        return email.message_from_bytes(self.raw, policy=email.policy.default)


def append_message(user, raw, folder="INBOX", flags=""):
    """Puts `raw` into `user`'s `folder` over IMAP APPEND; returns its UID."""
    with Mailbox(user) as box:
        return box.append(raw, folder, flags)


def list_messages(user, folder="INBOX"):
    """The messages of `user`'s `folder` with their flags and bytes."""
    with Mailbox(user) as box:
        return box.messages(folder)


def list_folders(user):
    with Mailbox(user) as box:
        return box.folders()


# ---------------------------------------------------------------- smtp-sink


@dataclass
class SinkMail:
    """One message smtp-sink stored: the envelope and the message as sent
    (smtp-sink writes LF line ends)."""

    path: str
    mail_from: str
    rcpt_to: list = field(default_factory=list)
    raw: bytes = b""

    @property
    def message(self):
        return email.message_from_bytes(self.raw, policy=email.policy.default)


def _open_files(pid):
    """The files process `pid` holds open, or None when that cannot be seen."""
    if pid is None:
        return None
    try:
        fd_dir = f"/proc/{pid}/fd"
        return {os.path.realpath(os.path.join(fd_dir, fd)) for fd in os.listdir(fd_dir)}
    except OSError:
        return None


def parse_sink_file(path):
    """A SinkMail from one smtp-sink dump file (its X-* lines, its three-line
    Received header, the message, an empty line)."""
    with open(path, "rb") as f:
        data = f.read()
    lines = data.split(b"\n")
    mail_from, rcpt_to, i = "", [], 0
    while i < len(lines) and not lines[i].startswith(b"Received: "):
        name, _, value = lines[i].partition(b": ")
        address = value.split(b" ")[0].strip(b"<>").decode("utf-8", "replace")
        if name == b"X-Mail-Args":
            mail_from = address
        elif name == b"X-Rcpt-Args":
            rcpt_to.append(address)
        i += 1
    i += 1
    while i < len(lines) and lines[i].startswith((b"\t", b" ")):
        i += 1
    raw = b"\n".join(lines[i:])
    if raw.endswith(b"\n\n"):
        raw = raw[:-1]  # the empty line smtp-sink adds after each message
    return SinkMail(path=path, mail_from=mail_from, rcpt_to=rcpt_to, raw=raw)


def sink_messages(sink_dir, pid=None):
    """Every complete message in `sink_dir`, oldest first. A file smtp-sink
    (process `pid`) still holds open is still being written and is left out."""
    try:
        names = sorted(os.listdir(sink_dir))
    except FileNotFoundError:
        return []
    busy = _open_files(pid) or set()
    out = []
    for name in names:
        path = os.path.realpath(os.path.join(sink_dir, name))
        if name.startswith(".") or path in busy or not os.path.isfile(path):
            continue
        out.append(parse_sink_file(path))
    return out


def wait_for_messages(sink_dir, predicate=lambda m: True, count=1, timeout=DEFAULT_TIMEOUT,
                      pid=None):
    """Waits until at least `count` stored messages satisfy `predicate`;
    returns them. TimeoutError, listing what did arrive, after `timeout`."""

    def matching():
        found = [m for m in sink_messages(sink_dir, pid) if predicate(m)]
        return found if len(found) >= count else None

    try:
        return wait_until(matching, timeout, what=f"{count} message(s) in {sink_dir}")
    except TimeoutError as error:
        seen = [(m.rcpt_to, m.message.get("Subject")) for m in sink_messages(sink_dir, pid)]
        raise TimeoutError(f"{error}; stored: {seen}") from None


def shared_sink_messages(predicate=lambda m: True, count=1, timeout=DEFAULT_TIMEOUT):
    """wait_for_messages on the smtp-sink of scripts/mail-servers."""
    env = servers()
    return wait_for_messages(env.sink_dir, predicate, count, timeout, env.sink_pid())


class SmtpSink:
    """A private smtp-sink on a free 127.0.0.1 port, for one test.

    mode "accept" stores every message under `dir`; "soft-reject" answers
    MAIL FROM with 450 (the server refuses for now: clients retry);
    "hard-reject" answers it with 500 (refused for good); "disconnect" answers
    421 and hangs up at the greeting. restart() keeps the port, so a client
    configured with `url` reaches the new instance.
    """

    MODES = {
        "accept": [],
        "soft-reject": ["-r", "MAIL"],
        "hard-reject": ["-f", "MAIL"],
        "disconnect": ["-Q", "CONNECT"],
    }

    def __init__(self, mode="accept", port=None):
        if not os.path.exists(SMTP_SINK):
            raise MailServersMissing(f"{SMTP_SINK} is missing: install postfix (scripts/install-deps)")
        self.port = port or free_port()
        self.dir = tempfile.mkdtemp(prefix="hd-smtp-sink-")
        os.chmod(self.dir, 0o777)  # smtp-sink writes as `nobody` when we are root
        self.mode = mode
        self.process = None
        self.log = open(os.path.join(self.dir, ".smtp-sink.log"), "wb")

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"

    def start(self, mode=None):
        """Starts it (in `mode`, or the current one) and waits until it listens."""
        if self.process is not None:
            raise RuntimeError("smtp-sink is already running")
        self.mode = mode or self.mode
        args = [SMTP_SINK, "-4"]
        if os.geteuid() == 0:
            args += ["-u", "nobody"]
        args += self.MODES[self.mode]
        args += ["-d", os.path.join(self.dir, "%Y%m%d%H%M%S."), f"127.0.0.1:{self.port}", "64"]
        self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=self.log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        wait_until(self._listening, timeout=DEFAULT_TIMEOUT, interval=0.02,
                   what=f"smtp-sink on port {self.port}")
        return self

    def _listening(self):
        if self.process.poll() is not None:
            raise RuntimeError(f"smtp-sink exited with {self.process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
            return True
        except OSError:
            return False

    def stop(self):
        """Stops it (the port then refuses connections); safe to call twice."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=DEFAULT_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def restart(self, mode=None):
        """Stops and starts it again on the same port, in `mode` if given."""
        self.stop()
        return self.start(mode)

    def messages(self):
        pid = self.process.pid if self.process else None
        return sink_messages(self.dir, pid)

    def wait_for(self, predicate=lambda m: True, count=1, timeout=DEFAULT_TIMEOUT):
        pid = self.process.pid if self.process else None
        return wait_for_messages(self.dir, predicate, count, timeout, pid)

    def cleanup(self):
        self.stop()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self.start() if self.process is None else self

    def __exit__(self, *exc):
        self.cleanup()

"""Real mail servers on the loopback for tests: one that works, one that never answers.

``SMTPSink`` speaks just enough SMTP (RFC 5321) for Django's SMTP backend
and keeps every message it accepts; ``SilentServer`` accepts connections and
says nothing, as a mail server stuck behind a firewall or overloaded does;
``closed_port()`` is a port where nothing listens (connection refused).
"""

import contextlib
import email
import email.policy
import socket
import socketserver
import threading


def closed_port():
    """A loopback port nothing listens on: connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _SMTPHandler(socketserver.StreamRequestHandler):
    timeout = 10

    def reply(self, line):
        self.wfile.write(line.encode("ascii") + b"\r\n")

    def handle(self):
        self.reply("220 sink.test ESMTP ready")
        sender, recipients = None, []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("ascii", "replace").strip()
            verb = command[:4].upper()
            if verb == "EHLO":
                self.wfile.write(b"250-sink.test\r\n250 8BITMIME\r\n")
            elif verb == "HELO":
                self.reply("250 sink.test")
            elif verb == "MAIL":
                sender, recipients = command.split(":", 1)[1].strip(), []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (data_line := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(data_line[1:] if data_line.startswith(b"..") else data_line)
                self.server.sink.accept(sender, recipients, b"".join(lines))
                self.reply("250 OK: queued")
            elif verb in ("RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")


class _ThreadingServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class SMTPSink(contextlib.AbstractContextManager):
    """A working mail server; ``messages`` are the ``email.message.EmailMessage``s received."""

    def __init__(self, port=0):
        self.messages = []
        self.recipients = []
        self._lock = threading.Lock()
        self._server = _ThreadingServer(("127.0.0.1", port), _SMTPHandler)
        self._server.sink = self
        self.port = self._server.server_address[1]

    def accept(self, sender, recipients, data):
        with self._lock:
            self.messages.append(email.message_from_bytes(data, policy=email.policy.default))
            self.recipients.append(recipients)

    def __enter__(self):
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info):
        self._server.shutdown()
        self._server.server_close()


class SilentServer(contextlib.AbstractContextManager):
    """Accepts every connection and never answers, until it is stopped or ``hold`` runs out.

    ``hold`` bounds how long a connection is kept open (then it is closed), so
    that code without a timeout fails the test instead of hanging it.
    """

    def __init__(self, hold=5.0):
        self.hold = hold
        self._stop = threading.Event()
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._socket.settimeout(0.1)
        self.port = self._socket.getsockname()[1]
        self.accepted = 0

    def _serve(self):
        while not self._stop.is_set():
            try:
                connection, _address = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted += 1
            threading.Thread(target=self._hold, args=(connection,), daemon=True).start()

    def _hold(self, connection):
        with connection:
            self._stop.wait(self.hold)  # sleeps: no greeting, no answer

    def __enter__(self):
        threading.Thread(target=self._serve, daemon=True).start()
        return self

    def __exit__(self, *exc_info):
        self._stop.set()
        self._socket.close()


def use_smtp(settings, port, timeout=0.5):
    """Point Django's real SMTP backend at ``port`` on the loopback."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = timeout

"""The review package sent through an SMTP server instead of written as drafts.

The server is aiosmtpd, the asyncio SMTP server the Python core developers
maintain as the successor of the standard library's ``smtpd``, run in-process
on a free local port with a certificate made for the test: it speaks real
STARTTLS and AUTH, so the test proves the client upgrades to TLS (verifying the
certificate against the CA the settings name) before it logs in with the
password it took from the secret store, and that each delegate receives the
message with the draft attached. A hand-written fake would only prove that the
client talks to the fake.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import socket
import ssl

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from comite.domain import ReviewDelivery
from comite.errors import ValidationError
from comite.services import acta, review, review_rounds, review_smtp
from comite.storage.secrets import MemorySecretStore
from tests.db.helpers import assert_spanish
from tests.db.review_helpers import PROTECTED, RADICADOS, closed_cerrem_session

PASSWORD = "clave-del-correo-2026"


def _certificate(folder):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "servidor.pem", folder / "servidor.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


class _Mailbox:
    def __init__(self) -> None:
        self.received: list[tuple[list[str], bytes, bool]] = []
        self.logins: list[tuple[str, str, bool]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.received.append((list(envelope.rcpt_tos), envelope.original_content or envelope.content,
                              session.ssl is not None))
        return "250 Recibido"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword):
            user, password = auth_data.login.decode(), auth_data.password.decode()
            self.logins.append((user, password, session.ssl is not None))
            ok = user == "secretaria" and password == PASSWORD
            return AuthResult(success=ok, handled=False)
        return AuthResult(success=False, handled=False)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(tmp_path):
    cert, key = _certificate(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    box = _Mailbox()
    port = _free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port, server_hostname="localhost",
                            tls_context=context, require_starttls=True, authenticator=box.authenticate,
                            auth_require_tls=True)
    controller.start()
    yield box, port, cert
    controller.stop()


def test_the_package_goes_through_the_server_over_tls_with_the_keyring_password(admin, smtp_server, tmp_path):
    box, port, cert = smtp_server
    secrets = MemorySecretStore()
    settings = review_smtp.SmtpSettings("localhost", port, "secretaria", "st.cerrem@unp.gov.co", "starttls", str(cert))
    review_smtp.save_smtp_settings(admin, settings, secrets, PASSWORD)
    assert secrets.get(settings.secret_name) == PASSWORD
    with admin.reading() as s:  # the password never reaches the database
        from comite.model import Setting
        assert all(PASSWORD not in row.value for row in s.query(Setting))

    rev = closed_cerrem_session(admin)
    package = review.send_for_review(admin, rev.session_id, tmp_path / "paquete", delivery=ReviewDelivery.SMTP,
                                     secrets=secrets)
    assert package.sent == len(rev.with_email) == len(box.received) and not package.failures
    assert box.logins == [("secretaria", PASSWORD, True)]  # logged in only after STARTTLS
    stored = acta.acta_version_pdf(admin, acta.latest_draft_version(admin, rev.session_id).id)
    for rcpt, raw, over_tls in box.received:
        assert over_tls and len(rcpt) == 1
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        assert msg["To"].addresses[0].addr_spec == rcpt[0]
        assert msg["From"].addresses[0].addr_spec == "st.cerrem@unp.gov.co"
        assert msg["X-Unsent"] is None  # a sent message is not a draft
        assert next(msg.iter_attachments()).get_content() == stored
        assert not any(secret.encode() in raw for secret in (*RADICADOS, *PROTECTED))
    status = review_rounds.review_status(admin, rev.session_id)
    assert status.delivery is ReviewDelivery.SMTP
    assert sum(d.sent_at is not None for d in status.delegates) == len(rev.with_email)


def test_a_wrong_password_sends_nothing_and_says_so(admin, smtp_server, tmp_path):
    box, port, cert = smtp_server
    secrets = MemorySecretStore()
    review_smtp.save_smtp_settings(admin, review_smtp.SmtpSettings("localhost", port, "secretaria", "", "starttls",
                                                         str(cert)), secrets, "otra-clave")
    rev = closed_cerrem_session(admin)
    with pytest.raises(ValidationError) as err:
        review.send_for_review(admin, rev.session_id, tmp_path / "p", delivery=ReviewDelivery.SMTP,
                               secrets=secrets)
    assert_spanish(err.value, "rechazó el usuario o la contraseña", "archivos .eml")
    assert box.received == [] and list((tmp_path / "p").glob("*.eml"))


def test_a_server_whose_certificate_is_not_trusted_gets_nothing(admin, smtp_server, tmp_path):
    box, port, _ = smtp_server
    secrets = MemorySecretStore()
    review_smtp.save_smtp_settings(admin, review_smtp.SmtpSettings("localhost", port, "secretaria"), secrets, PASSWORD)
    rev = closed_cerrem_session(admin)
    with pytest.raises(ValidationError) as err:
        review.send_for_review(admin, rev.session_id, tmp_path / "p", delivery=ReviewDelivery.SMTP,
                               secrets=secrets)
    assert_spanish(err.value, "No se pudo conectar de forma segura")
    assert box.logins == [] and box.received == []
